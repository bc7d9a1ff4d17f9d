import { Module } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../../libs/config';
import { VoteRepository } from '../../../../libs/db';
import { BallotCache } from './ballot-cache';
import { Clock } from './clock';
import { publicThrottle } from './public-throttle';
import { PublicVotingController } from './public-voting.controller';
import { VoteIntake } from './vote-intake';
import { VoteTallyController } from './vote-tally.controller';
import { VoterVerificationController } from './voter-verification.controller';
import { VoterVerifiers } from './verifiers/voter-verifiers';
import { VotingService } from './voting.service';

/** Public online voting: votes are rows in PostgreSQL, read against the round workflow's projection. */
@Module({
  imports: [ThrottlerModule.forRootAsync({ inject: [APP_CONFIG], useFactory: (config: AppConfig) => publicThrottle(config) })],
  controllers: [PublicVotingController, VoterVerificationController, VoteTallyController],
  providers: [
    { provide: VoteRepository, inject: [DataSource], useFactory: (ds: DataSource) => new VoteRepository(ds) },
    VoterVerifiers,
    Clock,
    BallotCache,
    VotingService,
    ThrottlerGuard,
    VoteIntake,
  ],
  exports: [VoteRepository],
})
export class VotingModule {}
