import { CHANNELS, FILE_CHANNELS, PHASES, STAGES } from '../../../../libs/contract';
import type { PanelEmployerCheckEntity, RefusedDecisionEntity } from '../../../../libs/db';
import { Flag, Int, ListOf, NULLABLE, Num, Obj, Objs, One, OneOf, OPTIONAL, Text, Texts, type Answer, type Fields, type ItemOf } from '../common/api-response';
import type { BankAccountController } from './bank-account.controller';
import type { CandidatePage, CandidateSummary } from './candidate-list.service';
import type { CandidateView } from './candidate-view';
import type { CandidatesService } from './candidates.service';
import type { HistoryEntry } from './history';

const STAGE_OR_PHASE = [...STAGES, ...PHASES];

export class BankAccountViewDto implements Fields<NonNullable<CandidateView['bankAccount']>> {
  @Text('the bank', NULLABLE) bank!: string | null;
  @Text('masked: the last four digits only') accountNumber!: string;
  @Text(undefined, NULLABLE) accountName!: string | null;
  @Text(undefined, NULLABLE) recordedBy!: string | null;
  @Text('ISO instant', NULLABLE) recordedAt!: string | null;
}

/** The file as the caller may see it (candidate-view.ts): every action on a file answers with it too. */
export class CandidateViewDto implements Fields<CandidateView> {
  @Text() candidateId!: string;
  @OneOf(FILE_CHANNELS) channel!: string;
  @OneOf(STAGE_OR_PHASE) stage!: string;
  @Text('awaiting_decision, returned, awaiting_panel, scoring, in_public_notice, paying, completed, rejected, withdrawn, …') status!: string;
  @Text('ISO instant') stageEnteredAt!: string;
  @Text('when the stage is due (ISO instant)', NULLABLE) dueAt!: string | null;
  @Text(undefined, NULLABLE) publicNoticeEndsAt!: string | null;
  @Objs('decisions taken: {stage, outcome, reason, actor, at, overridePrechecks?, missing?, visit?}') decisions!: object[];
  @Objs('returns sent back: {stage, note, actor, at, version?}') resubmissions!: object[];
  @Objs('pre-checks: {check, passed, detail}') prechecks!: object[];
  @Texts('conditions claimed') conditions!: string[];
  @Text('the recorded competition result a competition-channel nomination is linked to', NULLABLE) competitionResultId!: string | null;
  @Objs('panel seats the caller may see one by one (office and auditor all, an expert their own): {userId, status, reason?, scores?, averageCenti?, at}')
  panel!: object[];
  @Obj('{seated, scored, recused, conflicts}') panelSummary!: object;
  @Obj('{scoreCenti, counted, dropped}', NULLABLE) expertScore!: object | null;
  @Objs('reminders and escalations raised: {stage, kind, dueAt, at}') alerts!: object[];
  @Obj('how the file closed: {kind, reason, actor, at}', NULLABLE) closure!: object | null;
  @Text(undefined, NULLABLE) commendedAt!: string | null;
  @Obj('{leftOn, reason, actor, at, cancelled?, recovery?}', NULLABLE) departure!: object | null;
  @Objs('corrections of the departure') departureCorrections!: object[];
  @Objs('instructions the schedule created: {kind, instalment, amountFen, dueOn, taskId}') payments!: object[];
  @Int() version!: number;
  @Text() workflowId!: string;
  @Text(undefined, NULLABLE) roundId!: string | null;
  @Text() name!: string;
  @Text('in clear for the programme office, masked (3303**********123X) for every other role; null once erased', NULLABLE) idNumber!: string | null;
  @Text('in clear for the programme office, masked (138****5678) otherwise; null once erased', NULLABLE) mobile!: string | null;
  @Text('in clear for the programme office, cut after 6 characters otherwise; null once erased', NULLABLE) homeAddress!: string | null;
  @Flag('the retention sweep erased the personal data') erased!: boolean;
  @One(BankAccountViewDto, undefined, NULLABLE) bankAccount!: BankAccountViewDto | null;
  @Text() employer!: string;
  @Text() industry!: string;
  @Text() trade!: string;
  @Int(undefined, NULLABLE) yearsOfWork!: number | null;
  @Text(undefined, NULLABLE) skillLevel!: string | null;
  @Text('sub-district', NULLABLE) area!: string | null;
  @Obj('the application form without its sealed fields; roles that see the ID number masked get birthYear instead of birthDate', NULLABLE) form!: object | null;
  @Int() formVersion!: number;
  @Text(undefined, NULLABLE) inspectionBatchId!: string | null;
  @Text('ISO instant') nominatedAt!: string;
}

export class CandidateSummaryDto implements Fields<CandidateSummary> {
  @Text() id!: string;
  @Text() name!: string;
  @OneOf(CHANNELS) channel!: string;
  @Text() industry!: string;
  @Text() trade!: string;
  @Text() employer!: string;
  @Text(undefined, NULLABLE) area!: string | null;
  @Text(undefined, NULLABLE) roundId!: string | null;
  @Int(undefined, NULLABLE) roundYear!: number | null;
  @Text(undefined, NULLABLE) stage!: string | null;
  @Text(undefined, NULLABLE) status!: string | null;
  @Text(undefined, NULLABLE) dueAt!: string | null;
  @Flag() overdue!: boolean;
  @Num('0-100', NULLABLE) expertScore!: number | null;
  @Text() nominatedAt!: string;
  @Text('masked but for the programme office; null once erased', NULLABLE) idNumber!: string | null;
  @Text('masked but for the programme office; null once erased', NULLABLE) mobile!: string | null;
  @Text('masked but for the programme office; null once erased', NULLABLE) homeAddress!: string | null;
  @Flag() erased!: boolean;
}

export class CandidatePageDto implements Fields<CandidatePage> {
  @ListOf(CandidateSummaryDto) items!: CandidateSummaryDto[];
  @Int() total!: number;
  @Int() page!: number;
  @Int() pageSize!: number;
}

type Version = ItemOf<Answer<CandidatesService, 'versions'>>;
export class FormVersionDto implements Fields<Version> {
  @Text() candidateId!: string;
  @Int() version!: number;
  @Obj('the form as submitted, its sensitive fields left out') form!: object;
  @Texts('the sensitive fields this version holds sealed') sealedFields!: string[];
  @Text(undefined, NULLABLE) note!: string | null;
  @Text() createdBy!: string;
  @Text('ISO instant') createdAt!: string;
}

/** One line of the auditor's timeline: a workflow event, an audit-log row (`type: audit`) or an edit of the form (`type: form_edited`). */
export class HistoryEntryDto implements Fields<HistoryEntry> {
  @Text('ISO instant') at!: string;
  @Text('nominated, stage_entered, decision, payment_task_created, …, audit, form_edited') type!: string;
  @Int('which run of the chain (workflow events)', OPTIONAL) run!: number;
  @Int('the event id in its run (workflow events)', OPTIONAL) eventId!: number;
  @Text(undefined, OPTIONAL) stage!: string;
  @Text(undefined, OPTIONAL) status!: string;
  @Text(undefined, OPTIONAL) outcome!: string;
  @Text('why: the reason given, or for a refusal why it was refused', OPTIONAL) reason!: string;
  @Text(undefined, OPTIONAL) note!: string;
  @Text(undefined, { nullable: true, optional: true }) role!: string | null;
  @Text(undefined, { nullable: true, optional: true }) userId!: string | null;
  @Obj('{kind, instalment, amountFen, dueOn}', OPTIONAL) payment!: object;
  @Objs('{userId, recusedBecause?}', OPTIONAL) experts!: object[];
  @Obj('condition → mark', OPTIONAL) scores!: object;
  @Obj('{kind, dueAt}', OPTIONAL) alert!: object;
  @Flag(undefined, OPTIONAL) overridePrechecks!: boolean;
  @Texts(undefined, OPTIONAL) missing!: string[];
  @Obj('{date, place, members, findings}', OPTIONAL) visit!: object;
  @Text('audit rows: the row id', OPTIONAL) auditId!: string;
  @Text('audit rows: the route, request.refused, pii.read, …', OPTIONAL) action!: string;
  @Text(undefined, { nullable: true, optional: true }) route!: string | null;
  @Obj('audit rows: {issuer, userId, role}', OPTIONAL) actor!: object;
  @Obj('audit rows: the redacted request', OPTIONAL) detail!: object;
  @Int('form edits: the version', OPTIONAL) version!: number;
  @Objs('form edits: {field, from, to} or {field, changed: true} for personal fields', OPTIONAL) changes!: object[];
}

export class RefusedDecisionDto implements Fields<RefusedDecisionEntity> {
  @Text() id!: string;
  @Text(undefined, NULLABLE) candidateId!: string | null;
  @Text() userId!: string;
  @Text() role!: string;
  @Text('the action refused') action!: string;
  @Obj('what was asked, redacted') request!: object;
  @Int() httpStatus!: number;
  @Text('why it was refused') refusal!: string;
  @Text('ISO instant') at!: string;
}

export class RecusalDto implements Fields<PanelEmployerCheckEntity> {
  @Text() id!: string;
  @Text() candidateId!: string;
  @Text() expertUserId!: string;
  @Text() expertEmployer!: string;
  @Text() candidateEmployer!: string;
  @OneOf(['same', 'near']) match!: string;
  @Text() why!: string;
  @Num('0-1') similarity!: number;
  @OneOf(['recused', 'kept']) outcome!: string;
  @Flag('recused without the office being asked') automatic!: boolean;
  @Text(undefined, NULLABLE) note!: string | null;
  @Text() decidedBy!: string;
  @Text('ISO instant') at!: string;
}

export class BankAccountRecordedDto implements Fields<Answer<BankAccountController, 'put'>> {
  @Text() candidateId!: string;
  @One(BankAccountViewDto, undefined, NULLABLE) bankAccount!: BankAccountViewDto | null;
}
