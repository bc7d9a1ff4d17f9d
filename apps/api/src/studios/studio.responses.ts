import { STUDIO_STATUSES } from '../../../../libs/contract';
import { Flag, Int, ListOf, NULLABLE, Obj, Objs, One, OneOf, Text, Texts, type Answer, type Fields, type ItemOf } from '../common/api-response';
import { BankAccountViewDto } from '../candidates/candidate.responses';
import type { ApprenticesService } from './apprentices.service';
import type { StudioBatchesService } from './studio-batches.service';
import type { apprenticeView, StudioView } from './studio-view';
import type { StudiosService, StudioSummary } from './studios.service';

type Batch = Answer<StudioBatchesService, 'get'>;

/** A batch in the list of batches, with how many applied and how many were named. */
export class StudioBatchSummaryDto implements Fields<ItemOf<Answer<StudioBatchesService, 'list'>>> {
  @Text() id!: string;
  @Int() year!: number;
  @Text('ISO instant') opensAt!: string;
  @Text('ISO instant') closesAt!: string;
  @Text("the leadership group's approval (ISO instant)", NULLABLE) approvedAt!: string | null;
  @Int('applications filed') applications!: number;
  @Int('studios named') named!: number;
}

export class StudioBatchStudioDto implements Fields<ItemOf<Batch['studios']>> {
  @Text() id!: string;
  @Text() name!: string;
  @Text('the named master the studio is named after') masterId!: string;
  @OneOf(STUDIO_STATUSES) status!: string;
  @Text('YYYY-MM-DD, Asia/Shanghai', NULLABLE) namedOn!: string | null;
}

/** One batch (studio-view.ts batchView): the window, the creation standard, the approval, its studios the caller may see. */
export class StudioBatchDto implements Fields<Batch> {
  @Text() id!: string;
  @Int() year!: number;
  @Text('ISO instant') opensAt!: string;
  @Text('ISO instant') closesAt!: string;
  @Flag('applications are taken now') open!: boolean;
  @Texts('the creation standard (创建标准): each screening checks every one') criteria!: string[];
  @Obj("the leadership group's decision: {approvalId, approved: [studioId], notApproved: [{studioId, reason}], by, at}", NULLABLE) approval!: object | null;
  @ListOf(StudioBatchStudioDto, 'the studios of the batch the caller may see, oldest application first') studios!: StudioBatchStudioDto[];
}

export class StudioSummaryDto implements Fields<StudioSummary> {
  @Text() id!: string;
  @Text() name!: string;
  @Text() hostUnit!: string;
  @Text() trade!: string;
  @OneOf(STUDIO_STATUSES) status!: string;
  @Text('YYYY-MM-DD, Asia/Shanghai', NULLABLE) namedOn!: string | null;
  @Text() batchId!: string;
  @Int() batchYear!: number;
  @Text() masterId!: string;
  @Text() masterName!: string;
  @Text('ISO instant') appliedAt!: string;
  @Int('apprentices recorded') apprentices!: number;
}

export class StudioPageDto implements Fields<Answer<StudiosService, 'list'>> {
  @ListOf(StudioSummaryDto) items!: StudioSummaryDto[];
  @Int() total!: number;
  @Int() page!: number;
  @Int() pageSize!: number;
}

export class ApprenticeViewDto implements Fields<ReturnType<typeof apprenticeView>> {
  @Text() id!: string;
  @Text() name!: string;
  @Text('YYYY-MM-DD') startOn!: string;
  @Text('YYYY-MM-DD', NULLABLE) endOn!: string | null;
  @Obj('{skillLevel?, competition?: {name, year, placing}, note?}', NULLABLE) outcome!: object | null;
  @Text('ISO instant', NULLABLE) updatedAt!: string | null;
}

/** An apprentice as recorded or updated, with its studio. */
export class ApprenticeDto extends ApprenticeViewDto implements Fields<Answer<ApprenticesService, 'add'>>, Fields<Answer<ApprenticesService, 'update'>> {
  @Text() studioId!: string;
}

/** A studio as every role that may see it sees it (studio-view.ts): every action on a studio answers with it too. */
export class StudioViewDto implements Fields<StudioView> {
  @Text() id!: string;
  @Obj('{id, year}') batch!: object;
  @Text() name!: string;
  @Text() hostUnit!: string;
  @Text() premises!: string;
  @Text() trade!: string;
  @Text() plan!: string;
  @Obj('the named master: {id, name, trade, employer}') master!: object;
  @Obj('who applied: {userId, role}') submittedBy!: object;
  @Text('ISO instant') appliedAt!: string;
  @OneOf(STUDIO_STATUSES) status!: string;
  @Objs('{outcome: pass|fail|return, criteria: [{criterion, met, evidence}], reason, by: {userId, role}, at}') screenings!: object[];
  @Objs('{note, by: {userId, role}, at}') resubmissions!: object[];
  @Obj("the leadership group's decision on it: {approved, reason, by: {userId, role}, at}", NULLABLE) approval!: object | null;
  @Text('the naming date, YYYY-MM-DD, Asia/Shanghai', NULLABLE) namedOn!: string | null;
  @Obj("the grant's instruction: {taskId, amountFen, dueOn, status (as finance has it)}", NULLABLE) grant!: object | null;
  @Obj('how it closed: {kind: rejected|not_approved|withdrawn, reason, by: {userId, role}, at}', NULLABLE) closure!: object | null;
  @One(BankAccountViewDto, "the host unit's account the grant is paid to, masked; null until the office records it", NULLABLE) bankAccount!: BankAccountViewDto | null;
  @ListOf(ApprenticeViewDto) apprentices!: ApprenticeViewDto[];
}
