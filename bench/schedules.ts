import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/client';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import {
  PAYMENT_SCHEDULE_V2_WORKFLOW,
  SA_STAGE,
  SA_STATUS,
  candidateWorkflowId,
  initialCandidateState,
  shanghaiDate,
  subsidyDueAt,
  type PaymentRecord,
  type PaymentScheduleInputV2,
  type PaymentTermsV2,
} from '../libs/contract';
import type { AppConfig } from '../libs/config';
import { pool } from '../libs/dev/pool';

/**
 * Masters whose payment schedules a benchmark runs, written straight into the candidates table (the
 * finance inbox's foreign key) and tagged by `submitted_by`, so the benchmark removes exactly its
 * own rows and workflows at the end.
 */
export interface Cohort {
  tag: string;
  ids: string[];
}

const DAY = 864e5;

export async function insertMasters(db: Pool, n: number, label: string): Promise<Cohort> {
  const tag = `bench-${label}-${randomBytes(4).toString('hex')}`;
  const ids = Array.from({ length: n }, () => randomUUID());
  await db.query(
    `INSERT INTO candidates (id, round_id, channel, name, id_number_cipher, id_number_index, mobile_cipher, employer, industry, trade,
                             years_of_work, skill_level, submitted_by, submitted_role, workflow_id, version)
     SELECT id, NULL, 'self', '工匠' || ord, 'sealed', $2 || '-' || ord, 'sealed', '瓯海眼镜厂', 'eyewear', '眼镜装配', 10, 'technician',
            $2, 'nominator', 'candidate-' || id, 1
       FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, ord)`,
    [ids, tag],
  );
  return { tag, ids };
}

/**
 * Where a master's schedule stands: commended `monthsAgo` months before this one, each instalment due
 * at midnight Asia/Shanghai on today's day of the month, so instalment `monthsAgo` falls due today
 * (already past) and the next one a month from now.
 */
export function surgeCalendar(config: AppConfig, monthsAgo: number, nowMs = Date.now()) {
  const today = shanghaiDate(nowMs);
  const [y, m, d] = today.split('-').map(Number);
  const commended = new Date(Date.UTC(y, m - 1 - monthsAgo, 1));
  const commendedAt = new Date(Date.parse(`${commended.toISOString().slice(0, 8)}01T10:00:00+08:00`)).toISOString();
  const terms: PaymentTermsV2 = {
    bonusFen: config.programme.bonusFen,
    subsidyMonthlyFen: config.programme.subsidyMonthlyFen,
    subsidyMonths: config.programme.subsidyMonths,
    subsidyDueDay: d,
  };
  const dueAt = (n: number) => subsidyDueAt(Date.parse(commendedAt), n, d);
  if (dueAt(monthsAgo) > nowMs || dueAt(monthsAgo) <= nowMs - DAY || dueAt(monthsAgo + 1) <= nowMs) {
    throw new Error(`instalment ${monthsAgo} is not the one due today (${today}) for a commendation on ${commendedAt}`);
  }
  return { commendedAt, terms, dueAt, dueOn: (n: number) => shanghaiDate(dueAt(n)) };
}

export type Calendar = ReturnType<typeof surgeCalendar>;

/**
 * Records the bonus and subsidy instalments 1..`paidThrough` as created, in payment_tasks (one
 * statement) and in each schedule's file, and returns each master's schedule input.
 */
export async function recordEarlierInstalments(db: Pool, cohort: Cohort, cal: Calendar, paidThrough: number): Promise<PaymentScheduleInputV2[]> {
  const rows: { candidateId: string; record: PaymentRecord }[] = [];
  const inputs = cohort.ids.map((candidateId) => {
    const payments: PaymentRecord[] = [
      { kind: 'bonus', instalment: 0, amountFen: cal.terms.bonusFen, dueOn: shanghaiDate(Date.parse(cal.commendedAt)), taskId: randomUUID() },
    ];
    for (let n = 1; n <= paidThrough; n++) {
      payments.push({ kind: 'subsidy', instalment: n, amountFen: cal.terms.subsidyMonthlyFen, dueOn: cal.dueOn(n), taskId: randomUUID() });
    }
    for (const record of payments) rows.push({ candidateId, record });
    return scheduleInput(candidateId, cal, payments);
  });
  await db.query(
    `INSERT INTO payment_tasks (id, candidate_id, kind, instalment, amount_fen, due_on)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[], $5::bigint[], $6::date[])`,
    [
      rows.map((r) => r.record.taskId),
      rows.map((r) => r.candidateId),
      rows.map((r) => r.record.kind),
      rows.map((r) => r.record.instalment),
      rows.map((r) => r.record.amountFen),
      rows.map((r) => r.record.dueOn),
    ],
  );
  return inputs;
}

/** A schedule as the file hands it over at commendation, with the payments already made. */
export function scheduleInput(candidateId: string, cal: Calendar, payments: PaymentRecord[]): PaymentScheduleInputV2 {
  const fileInput = {
    candidateId,
    roundId: null,
    channel: 'self' as const,
    submittedBy: { userId: 'bench-nominator', role: 'nominator' as const },
    settings: { publicNoticeMs: 7 * DAY, ...cal.terms },
    review: { deadlines: {}, reminderLeadMs: 2 * DAY, prechecks: [], conditions: ['superb_skill' as const], minPanelSize: 1 },
  };
  const file = { ...initialCandidateState(fileInput, cal.commendedAt), stage: 'payments' as const, status: 'paying' as const, commendedAt: cal.commendedAt, payments };
  return { candidateId, roundId: null, commendedAt: cal.commendedAt, terms: cal.terms, file, projectionSeq: 0 };
}

/** Starts the schedules, `parallel` starts in flight at a time. */
export async function startSchedules(client: Client, taskQueue: string, inputs: PaymentScheduleInputV2[], parallel: number): Promise<void> {
  await pool(inputs, parallel, (input) =>
    client.workflow.start(PAYMENT_SCHEDULE_V2_WORKFLOW, {
      workflowId: candidateWorkflowId(input.candidateId),
      taskQueue,
      args: [input],
      typedSearchAttributes: [
        { key: SA_STAGE, value: 'payments' },
        { key: SA_STATUS, value: 'paying' },
      ],
    }),
  );
}

/** Terminates the cohort's schedules (those already ended are skipped), then deletes its rows, children first. */
export async function removeCohort(client: Client, db: Pool, cohort: Cohort, parallel: number): Promise<void> {
  await pool(cohort.ids, parallel, (id) =>
    client.workflow
      .getHandle(candidateWorkflowId(id))
      .terminate('benchmark over')
      .catch((err: unknown) => {
        if (!(err instanceof WorkflowNotFoundError)) throw err;
      }),
  );
  const of = `SELECT id FROM candidates WHERE submitted_by = $1`;
  await db.query(`DELETE FROM payment_task_events WHERE task_id IN (SELECT id FROM payment_tasks WHERE candidate_id IN (${of}))`, [cohort.tag]);
  await db.query(`DELETE FROM payment_tasks WHERE candidate_id IN (${of})`, [cohort.tag]);
  await db.query(`DELETE FROM candidate_status WHERE candidate_id IN (${of})`, [cohort.tag]);
  await db.query(`DELETE FROM candidates WHERE submitted_by = $1`, [cohort.tag]);
}
