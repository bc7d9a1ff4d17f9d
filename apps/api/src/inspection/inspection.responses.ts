import { Int, ListOf, NULLABLE, Objs, Text, Texts, type Answer, type Fields, type ItemOf } from '../common/api-response';
import type { BatchMember, BatchMove } from './inspection-batch.repository';
import type { InspectionBatchesService } from './inspection-batches.service';

type Batch = Answer<InspectionBatchesService, 'get'>;
type Listed = ItemOf<Answer<InspectionBatchesService, 'list'>['items']>;
type Created = Answer<InspectionBatchesService, 'create'>;

export class BatchMemberDto implements Fields<BatchMember> {
  @Text() candidateId!: string;
  @Text() name!: string;
  @Text() employer!: string;
  @Text(undefined, NULLABLE) stage!: string | null;
  @Text(undefined, NULLABLE) status!: string | null;
}

export class BatchMoveDto implements Fields<BatchMove> {
  @Text() candidateId!: string;
  @Text() name!: string;
  @Text('null when first put in a batch', NULLABLE) fromBatchId!: string | null;
  @Text() toBatchId!: string;
  @Text() movedBy!: string;
  @Text() role!: string;
  @Text('ISO instant') at!: string;
}

export class BatchSummaryDto implements Fields<Listed> {
  @Text() id!: string;
  @Text(undefined, NULLABLE) roundId!: string | null;
  @Text() name!: string;
  @Text('YYYY-MM-DD') plannedOn!: string;
  @Texts('the inspection team') members!: string[];
  @Text() createdBy!: string;
  @Text('ISO instant') createdAt!: string;
  @Int() candidateCount!: number;
}

export class BatchPageDto implements Fields<Answer<InspectionBatchesService, 'list'>> {
  @ListOf(BatchSummaryDto) items!: BatchSummaryDto[];
  @Int() total!: number;
  @Int() page!: number;
  @Int() pageSize!: number;
}

export class BatchDto extends BatchSummaryDto implements Fields<Batch> {
  @ListOf(BatchMemberDto, 'where each candidate stands') candidates!: BatchMemberDto[];
  @ListOf(BatchMoveDto, 'who put each candidate in or moved it out, when') history!: BatchMoveDto[];
}

export class BatchCreatedDto extends BatchDto implements Fields<Created> {
  @Objs('candidates moved here from another batch: {candidateId, name, fromBatchId, fromBatchName}') moved!: object[];
}
