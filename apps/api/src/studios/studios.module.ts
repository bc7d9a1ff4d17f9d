import { Module } from '@nestjs/common';
import { ApprenticesService } from './apprentices.service';
import { StudioAccess } from './studio-access';
import { StudioBatchesController } from './studio-batches.controller';
import { StudioBatchesService } from './studio-batches.service';
import { StudioEngine } from './studio-engine';
import { StudioProgramme } from './studio-programme';
import { StudiosController } from './studios.controller';
import { StudiosService } from './studios.service';

/** Demonstration studios named after masters: batches, applications (a workflow each), apprentices, and their part of the programme report. */
@Module({
  controllers: [StudioBatchesController, StudiosController],
  providers: [StudioAccess, StudioEngine, StudiosService, StudioBatchesService, ApprenticesService, StudioProgramme],
  exports: [StudioProgramme],
})
export class StudiosModule {}
