import { Module } from '@nestjs/common';
import { CompetitionRepository } from './competition.repository';
import { CompetitionsController } from './competitions.controller';
import { CompetitionsService } from './competitions.service';

/** Skill competitions (赛) and their results; the repository is shared with nominations, which link a result. */
@Module({
  controllers: [CompetitionsController],
  providers: [CompetitionRepository, CompetitionsService],
  exports: [CompetitionRepository],
})
export class CompetitionsModule {}
