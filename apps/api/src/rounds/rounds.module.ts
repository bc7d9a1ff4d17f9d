import { Module } from '@nestjs/common';
import { StudiosModule } from '../studios/studios.module';
import { CandidateRoundController } from './candidate-round.controller';
import { DecisionReasonsRepository } from './decision-reasons.repository';
import { ObjectionRepository } from './objection.repository';
import { ObjectionsController } from './objections.controller';
import { ObjectionsService } from './objections.service';
import { PublicNoticeController } from './public-notice.controller';
import { PublicNoticeService } from './public-notice.service';
import { RoundActionsController } from './round-actions.controller';
import { RoundActionsService } from './round-actions.service';
import { RoundEngine } from './round-engine';
import { RoundProgressService } from './round-progress.service';
import { ProgrammeController, RoundsController } from './rounds.controller';
import { RoundsService } from './rounds.service';

/**
 * Annual rounds (年度评选): windows, quota, the nomination round resolver, the report and the ranking;
 * the round workflow's actions, the public notice and its objections, the funnel and the programme.
 * The public routes' throttler is the one the voting module sets up (ThrottlerModule is global).
 */
@Module({
  imports: [StudiosModule],
  controllers: [RoundsController, RoundActionsController, ObjectionsController, PublicNoticeController, ProgrammeController, CandidateRoundController],
  providers: [
    RoundsService,
    RoundEngine,
    RoundActionsService,
    DecisionReasonsRepository,
    ObjectionsService,
    ObjectionRepository,
    PublicNoticeService,
    RoundProgressService,
  ],
  exports: [RoundsService, RoundEngine, PublicNoticeService, ObjectionRepository],
})
export class RoundsModule {}
