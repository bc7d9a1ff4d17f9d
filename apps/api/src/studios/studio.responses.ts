import { NULLABLE, Obj, Objs, One, Text, type Fields } from '../common/api-response';
import { BankAccountViewDto } from '../candidates/candidate.responses';
import type { StudioView } from './studio-view';

/** A studio as `GET /studios/:id` and its actions answer with it (studio-view.ts). */
export class StudioViewDto implements Fields<StudioView> {
  @Text() id!: string;
  @Obj('{id, year}') batch!: object;
  @Text() name!: string;
  @Text('the host unit (依托单位)') hostUnit!: string;
  @Text() premises!: string;
  @Text() trade!: string;
  @Text() plan!: string;
  @Obj('{id, name, trade, employer}') master!: object;
  @Obj('{userId, role}') submittedBy!: object;
  @Text('ISO instant') appliedAt!: string;
  @Text('applied, returned, screened, named, rejected, not_approved, withdrawn') status!: string;
  @Objs('{outcome, criteria, reason, by, at}') screenings!: object[];
  @Objs('{note, by, at}') resubmissions!: object[];
  @Obj('{approved, reason, by, at}', NULLABLE) approval!: object | null;
  @Text('YYYY-MM-DD', NULLABLE) namedOn!: string | null;
  @Obj('{taskId, amountFen, dueOn, status}', NULLABLE) grant!: object | null;
  @Obj('{kind, reason, by, at}', NULLABLE) closure!: object | null;
  @One(BankAccountViewDto, "the host unit's account the grant is paid to, masked; null until the office records it", NULLABLE) bankAccount!: BankAccountViewDto | null;
  @Objs('{id, name, startOn, endOn, outcome, updatedAt}') apprentices!: object[];
}
