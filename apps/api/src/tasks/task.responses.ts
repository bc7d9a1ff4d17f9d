import { Flag, Int, NULLABLE, OneOf, OPTIONAL, Text, type Fields } from '../common/api-response';
import type { RoundTask } from './round-tasks';
import type { InboxTask } from './tasks.service';

/** A file waiting on the caller (`kind: file`), or a step of a round (`kind: round`). */
export class InboxItemDto implements Fields<InboxTask | RoundTask> {
  @OneOf(['file', 'round']) kind!: string;
  @Text("files; for a round step, the objection's candidate", OPTIONAL) candidateId!: string;
  @Text('files', OPTIONAL) name!: string;
  @Text('files', OPTIONAL) employer!: string;
  @Text('files', OPTIONAL) industry!: string;
  @Text('files', OPTIONAL) channel!: string;
  @Text('files', { nullable: true, optional: true }) area!: string | null;
  @Text(undefined, NULLABLE) roundId!: string | null;
  @Text('files', { nullable: true, optional: true }) inspectionBatchId!: string | null;
  @Text('files', OPTIONAL) stage!: string;
  @Text('files', OPTIONAL) status!: string;
  @Text(undefined, NULLABLE) dueAt!: string | null;
  @Flag() overdue!: boolean;
  @Text('what the caller must do') action!: string;
  @Int('round steps', OPTIONAL) year!: number;
  @Text('round steps', OPTIONAL) phase!: string;
  @Text('round steps: freeze_re_review_list, open_voting, approve_formal_list, start_public_notice, resolve_objection, approve_list, record_ceremony', OPTIONAL)
  step!: string;
  @Text('round steps: the call that does it', OPTIONAL) endpoint!: string;
  @Text('resolve_objection: which objection', OPTIONAL) objectionId!: string;
  @Text("resolve_objection: the candidate's name (never the objector's)", OPTIONAL) candidateName!: string;
}
