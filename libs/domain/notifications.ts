import { STAGE_OWNER, isDecisionStage, type Role } from '../contract';
import { shanghaiMinute } from '../contract/calendar';
import { STAGE_LABELS } from './stage-labels';

/**
 * What the service tells people, and whom (issue 10, "Notifications"): a candidate's nominator when
 * the file is returned and when the round's outcome is known; the stage's reviewers when a stage is
 * due soon (reminder) or overdue (escalation); an expert seated on a panel and inspectors put in a
 * batch (assignment). Pure: the stores call these inside the transaction of the event they tell of.
 */
export const NOTIFICATION_KINDS = ['returned', 'outcome', 'reminder', 'escalation', 'assignment'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const NOTIFICATION_CHANNELS = ['console', 'sms', 'email'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export interface Recipient {
  issuer?: string | null;
  userId?: string | null;
  role?: string | null;
  area?: string | null;
}

/** One row of the outbox: `key` makes an event enqueued twice one row. `contact` is in clear here and sealed by the store. */
export interface NotificationRequest {
  key: string;
  kind: NotificationKind;
  channel: NotificationChannel;
  to: Recipient;
  contact?: string | null;
  candidateId?: string | null;
  roundId?: string | null;
  text: string;
}

/** What the outbox needs to know of a file. `mobileCipher` stays sealed: it is copied, never opened, on the way in. */
export interface FileFacts {
  candidateId: string;
  channel: string;
  area: string | null;
  roundId: string | null;
  submitter: { issuer: string | null; userId: string; role: string };
  mobileCipher: string | null;
}

export interface NotifyPolicy {
  /** Text the candidate too when it nominated itself (its mobile is the nominator's). */
  smsSelfNominated: boolean;
  /** A role's shared mailbox for reminders and escalations. */
  emailTo: Partial<Record<Role, string>>;
}

/** A row that already holds its sealed address (an SMS to a mobile the file keeps sealed). */
export type SealedRequest = NotificationRequest & { contactCipher?: string | null };

/**
 * Where the candidate's name goes in a stored text. The name stays in `candidates` alone (the leak
 * scan allows it nowhere else); the centre and the sender put it in as they read the row.
 */
export const NAME_SLOT = '{name}';

const OUTCOME_TEXT: Record<string, string> = {
  paying: '已被评为瓯海区“百名工匠大师”，祝贺！',
  // Rejected at one of the individual stages (named before it): an outcome the nominator hears of too.
  rejected: '阶段未获通过，原因请登录系统查看。',
  not_shortlisted: '未入围本年度复审名单。',
  left_out: '未列入本年度正式候选名单。',
  not_approved: '未获区政府审定通过。',
  disqualified: '经公示异议核实，已被取消评选资格。',
};

const stageName = (stage: string) => STAGE_LABELS[stage as keyof typeof STAGE_LABELS] ?? stage;

const outcomeText = (e: { status: string; stage: string }) =>
  `您推荐的候选人“${NAME_SLOT}”${e.status === 'rejected' ? `的申报在“${stageName(e.stage)}”` : ''}${OUTCOME_TEXT[e.status]}`;

/** The nominator: in the console, and by SMS when the candidate nominated itself. */
function toNominator(file: FileFacts, policy: NotifyPolicy, base: Omit<NotificationRequest, 'channel' | 'to'>): SealedRequest[] {
  const { issuer, userId, role } = file.submitter;
  const rows: SealedRequest[] = [{ ...base, channel: 'console', to: { issuer, userId, role } }];
  if (policy.smsSelfNominated && file.channel === 'self' && file.mobileCipher) {
    rows.push({ ...base, key: `${base.key}:sms`, channel: 'sms', to: { issuer, userId, role }, contactCipher: file.mobileCipher });
  }
  return rows;
}

export interface StatusChange {
  seq: number;
  before: { stage: string; status: string; panel: Array<{ userId: string; status: string }> } | null;
  after: { stage: string; status: string; panel: Array<{ userId: string; status: string }> };
}

/** What a newer status report tells people, before anything about the file is read: most tell nobody anything. */
export type StatusEvent = { kind: 'returned'; stage: string } | { kind: 'outcome'; status: string; stage: string } | { kind: 'assignment'; userId: string };

/** A return, an outcome, a newly seated expert: the events of a change of status. */
export function statusEvents({ before, after }: Omit<StatusChange, 'seq'>): StatusEvent[] {
  const events: StatusEvent[] = [];
  if (after.status === 'returned' && (before?.status !== 'returned' || before.stage !== after.stage)) events.push({ kind: 'returned', stage: after.stage });
  if (OUTCOME_TEXT[after.status] && before?.status !== after.status) events.push({ kind: 'outcome', status: after.status, stage: after.stage });
  const seated = new Set((before?.panel ?? []).filter((s) => s.status !== 'recused').map((s) => s.userId));
  for (const seat of after.panel) if (seat.status === 'assigned' && !seated.has(seat.userId)) events.push({ kind: 'assignment', userId: seat.userId });
  return events;
}

/** The notifications of a status report's events, to the file's nominator or the seated expert. */
export function notificationsForEvents(seq: number, events: StatusEvent[], file: FileFacts, policy: NotifyPolicy): SealedRequest[] {
  const base = { candidateId: file.candidateId, roundId: file.roundId };
  return events.flatMap((e): SealedRequest[] => {
    switch (e.kind) {
      case 'returned':
        return toNominator(file, policy, {
          ...base,
          // By seq: each return is its own event; a retried report of the same return is the same row.
          key: `returned:${file.candidateId}:${seq}`,
          kind: 'returned',
          text: `您推荐的候选人“${NAME_SLOT}”的申报材料在“${stageName(e.stage)}”阶段被退回补充，请登录系统查看原因，补充后重新提交。`,
        });
      case 'outcome':
        return toNominator(file, policy, { ...base, key: `outcome:${file.candidateId}`, kind: 'outcome', text: outcomeText(e) });
      case 'assignment':
        return [
          {
            ...base,
            key: `assignment:panel:${file.candidateId}:${e.userId}`,
            kind: 'assignment',
            channel: 'console',
            to: { userId: e.userId, role: 'expert' },
            text: `您已被选为候选人“${NAME_SLOT}”的评审专家，请登录系统按申报条件逐项评分。`,
          },
        ];
    }
  });
}

/** The notifications a newer status report raises: a return, an outcome, a newly seated expert. */
export function notificationsForStatus(change: StatusChange, file: FileFacts, policy: NotifyPolicy): SealedRequest[] {
  return notificationsForEvents(change.seq, statusEvents(change), file, policy);
}

export interface AlertFacts {
  stage: string;
  kind: 'reminder' | 'escalation';
  dueAt: string;
  /** The experts still to score, for an expert-review alert. */
  experts: string[];
}

/** A reminder or escalation goes to whoever holds the stage up: the owner role (in the file's area for a sub-district union); in expert review the seated experts still to score, or the office while none is seated. */
export function notificationsForAlert(alert: AlertFacts, file: FileFacts, policy: NotifyPolicy): NotificationRequest[] {
  const due = shanghaiMinute(Date.parse(alert.dueAt));
  const text =
    alert.kind === 'reminder'
      ? `候选人“${NAME_SLOT}”的“${stageName(alert.stage)}”将于${due}（北京时间）到期，请及时处理。`
      : `候选人“${NAME_SLOT}”的“${stageName(alert.stage)}”已逾期（截止${due}，北京时间），请尽快处理。`;
  const key = `${alert.kind}:${file.candidateId}:${alert.stage}`;
  const base = { kind: alert.kind, candidateId: file.candidateId, roundId: file.roundId, text };
  if (alert.stage === 'expert_review' && alert.experts.length) {
    return alert.experts.map((userId) => ({ ...base, key: `${key}:${userId}`, channel: 'console', to: { userId, role: 'expert' } }));
  }
  if (!isDecisionStage(alert.stage)) return [];
  // No expert seated yet: the office, which seats the panel, is the one holding the file up.
  const role: Role = alert.stage === 'expert_review' ? 'union_office' : STAGE_OWNER[alert.stage];
  const rows: NotificationRequest[] = [{ ...base, key, channel: 'console', to: { role, area: role === 'street_union' ? file.area : null } }];
  const mailbox = policy.emailTo[role];
  if (mailbox) rows.push({ ...base, key: `${key}:email`, channel: 'email', to: { role }, contact: mailbox });
  return rows;
}

/** Each inspector named on a new batch hears of it. */
export function notificationsForBatch(batch: {
  id: string;
  name: string;
  plannedOn: string;
  roundId: string | null;
  members: string[];
  candidates: number;
}): NotificationRequest[] {
  return [...new Set(batch.members)].map((userId) => ({
    key: `assignment:batch:${batch.id}:${userId}`,
    kind: 'assignment',
    channel: 'console',
    to: { userId, role: 'inspector' },
    roundId: batch.roundId,
    text: `您已被编入考察批次“${batch.name}”（计划${batch.plannedOn}考察，共${batch.candidates}名候选人），请登录系统查看。`,
  }));
}
