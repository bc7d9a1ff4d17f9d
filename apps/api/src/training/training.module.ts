import { Module } from '@nestjs/common';
import { TrainingController } from './training.controller';
import { TrainingRepository } from './training.repository';
import { TrainingService } from './training.service';

/** Training (训): bases, courses, participants and certificates, and the union's training fund. */
@Module({ controllers: [TrainingController], providers: [TrainingRepository, TrainingService] })
export class TrainingModule {}
