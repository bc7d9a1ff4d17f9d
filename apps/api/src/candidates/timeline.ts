import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { decodeSearchAttributes } from '@temporalio/common/lib/converter/payload-search-attributes';
import { tsToDate } from '@temporalio/common/lib/time';
import { temporal } from '@temporalio/proto';
import { SA_STAGE, SA_STATUS, shanghaiDate, type Actor, type PaymentScheduleInputV2 } from '../../../../libs/contract';

type History = temporal.api.history.v1.IHistory;
const EventType = temporal.api.enums.v1.EventType;

/** One line of the auditor's timeline, read from the workflow's own event history. */
export interface TimelineEntry {
  at: string;
  /** Which run of the workflow's chain (0 = the nomination's) and the event's id within it. */
  run: number;
  eventId: number;
  type:
    | 'nominated'
    | 'imported'
    | 'run_continued'
    | 'stage_entered'
    | 'status_changed'
    | 'decision'
    | 'resubmitted'
    | 'departure_recorded'
    | 'departure_corrected'
    | 'public_notice_ended'
    | 'payment_task_created'
    | 'panel_seated'
    | 'conflict_declared'
    | 'scores_submitted'
    | 'withdrawn'
    | 'disqualified'
    | 'alert_raised'
    | 'closed';
  stage?: string;
  status?: string;
  outcome?: string;
  reason?: string;
  note?: string;
  role?: string;
  userId?: string;
  payment?: { kind: string; instalment: number; amountFen: number; dueOn: string };
  experts?: Array<{ userId: string; recusedBecause?: string }>;
  scores?: Record<string, number>;
  alert?: { kind: string; dueAt: string };
  overridePrechecks?: boolean;
  missing?: string[];
  visit?: { date: string; place: string; members: string[]; findings: string };
}

/** Payloads as the codec left them: the caller decodes the fetched history first (libs/temporal/decode-history.ts). */
const decode = <T>(p: Payload | null | undefined): T => defaultPayloadConverter.fromPayload<T>(p as Payload);
const first = (attrs: Record<string, unknown>, key: string) => (attrs[key] as unknown[] | undefined)?.[0] as string | undefined;

/**
 * The histories of every run of a workflow ID, oldest first: the file's run, then the payment
 * schedule's runs it continued as. Walks back from the latest run through each run's predecessor.
 */
export async function fetchRunChain(fetch: (runId?: string) => Promise<History>): Promise<History[]> {
  const chain: History[] = [];
  let runId: string | undefined;
  do {
    const history = await fetch(runId);
    chain.unshift(history);
    runId = history.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId || undefined;
  } while (runId);
  return chain;
}

/** The auditor's timeline over a chain of runs (oldest first); the stage carries from run to run. */
export function readTimeline(chain: History[]): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  let stage: string | undefined;
  let status: string | undefined;
  for (const [run, history] of chain.entries())
    for (const e of history.events ?? []) {
      const at = tsToDate(e.eventTime!).toISOString();
      const eventId = Number(e.eventId);
      const base = { at, run, eventId };
      switch (e.eventType) {
        case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED: {
          const started = e.workflowExecutionStartedEventAttributes;
          if (started?.continuedExecutionRunId) {
            out.push({ ...base, type: 'run_continued', stage, status, note: `continued as ${started.workflowType?.name}` });
            break;
          }
          const input = decode<{ submittedBy: Actor; channel: string } | PaymentScheduleInputV2>(started?.input?.payloads?.[0]);
          if ('origin' in input && input.origin) {
            // A master named on paper: the chain begins at the payments, with what the paper records held.
            [stage, status] = ['payments', 'paying'];
            const { roundYear, actor } = input.origin;
            out.push({ ...base, type: 'imported', stage, status, role: actor.role, userId: actor.userId, note: paperNote(roundYear, input) });
            break;
          }
          if ('submittedBy' in input) {
            out.push({ ...base, type: 'nominated', role: input.submittedBy.role, userId: input.submittedBy.userId, note: `channel: ${input.channel}` });
          }
          break;
        }
        case EventType.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES: {
          const attrs = decodeSearchAttributes(e.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields);
          const nextStage = first(attrs, SA_STAGE.name) ?? stage;
          const nextStatus = first(attrs, SA_STATUS.name) ?? status;
          if (nextStage !== stage) out.push({ ...base, type: 'stage_entered', stage: nextStage, status: nextStatus });
          else if (nextStatus !== status) out.push({ ...base, type: 'status_changed', stage: nextStage, status: nextStatus });
          [stage, status] = [nextStage, nextStatus];
          break;
        }
        case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED: {
          const request = e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input;
          const arg = decode<Record<string, string> & { actor: Actor }>(request?.args?.payloads?.[0]);
          const who = { role: arg.actor.role, userId: arg.actor.userId };
          if (request?.name === 'decide') {
            const { overridePrechecks, missing, visit } = arg as unknown as Pick<TimelineEntry, 'overridePrechecks' | 'missing' | 'visit'>;
            out.push({
              ...base,
              ...who,
              type: 'decision',
              stage: arg.stage,
              outcome: arg.outcome,
              reason: arg.reason,
              ...(overridePrechecks && { overridePrechecks }),
              ...(missing && { missing }),
              ...(visit && { visit }),
            });
          }
          if (request?.name === 'resubmit') out.push({ ...base, ...who, type: 'resubmitted', stage, note: arg.note });
          if (request?.name === 'recordDeparture') out.push({ ...base, ...who, type: 'departure_recorded', reason: arg.reason, note: `left on ${arg.leftOn}` });
          if (request?.name === 'correctDeparture') {
            out.push({ ...base, ...who, type: 'departure_corrected', reason: arg.reason, note: arg.leftOn ? `left on ${arg.leftOn}` : 'departure removed' });
          }
          if (request?.name === 'assignPanel')
            out.push({ ...base, ...who, type: 'panel_seated', stage, experts: (arg as unknown as { experts: TimelineEntry['experts'] }).experts });
          if (request?.name === 'declareConflict') out.push({ ...base, ...who, type: 'conflict_declared', stage, reason: arg.reason });
          if (request?.name === 'submitScores')
            out.push({ ...base, ...who, type: 'scores_submitted', stage, scores: (arg as unknown as { scores: Record<string, number> }).scores });
          if (request?.name === 'withdraw') out.push({ ...base, ...who, type: 'withdrawn', stage, reason: arg.reason });
          if (request?.name === 'disqualify') out.push({ ...base, ...who, type: 'disqualified', stage, reason: arg.reason });
          break;
        }
        case EventType.EVENT_TYPE_TIMER_FIRED:
          if (stage === 'public_notice') out.push({ ...base, type: 'public_notice_ended', stage });
          break;
        case EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED: {
          const attrs = e.activityTaskScheduledEventAttributes;
          if (attrs?.activityType?.name === 'createPaymentTask') {
            const p = decode<TimelineEntry['payment'] & object>(attrs.input?.payloads?.[0]);
            out.push({ ...base, type: 'payment_task_created', payment: { kind: p.kind, instalment: p.instalment, amountFen: p.amountFen, dueOn: p.dueOn } });
          }
          if (attrs?.activityType?.name === 'raiseAlert') {
            const a = decode<{ stage: string; kind: string; dueAt: string }>(attrs.input?.payloads?.[0]);
            out.push({ ...base, type: 'alert_raised', stage: a.stage, alert: { kind: a.kind, dueAt: a.dueAt } });
          }
          break;
        }
        case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED:
          out.push({ ...base, type: 'closed', stage, status });
          break;
      }
    }
  return out;
}

/** What an import brought: the round, the commendation date and the payments the paper records show as made. */
function paperNote(roundYear: number, input: PaymentScheduleInputV2): string {
  const paid = input.file.payments;
  const bonus = paid.some((p) => p.kind === 'bonus') ? 'bonus paid' : 'bonus not paid';
  const months = paid.filter((p) => p.kind === 'subsidy').map((p) => p.instalment);
  return `named in round ${roundYear}, commended on ${shanghaiDate(Date.parse(input.commendedAt))}; on paper: ${bonus}, subsidy instalments paid: ${months.length ? months.join(', ') : 'none'}`;
}
