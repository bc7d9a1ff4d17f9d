import { Module } from '@nestjs/common';
import { InspectionBatchRepository } from './inspection-batch.repository';
import { InspectionBatchesController } from './inspection-batches.controller';
import { InspectionBatchesService } from './inspection-batches.service';

/** Inspection batches (人选考察): the visit plans and their membership history. */
@Module({
  controllers: [InspectionBatchesController],
  providers: [InspectionBatchRepository, InspectionBatchesService],
})
export class InspectionModule {}
