/**
 * Records the event histories the replay test guards, on the time-skipping server:
 *   npx ts-node -P tsconfig.json test/replay/record-histories.ts v2 [workflowType] [scenario,scenario…]
 * The workflow type defaults to today's file (candidateFileWorkflow); every run of the chain is
 * written, named by its own type's prefix (`candidate-file-v2-x.json`, `payment-schedule-v2-x.json`),
 * with `-1`, `-2`… when the chain holds several runs of one type (the schedule continues-as-new
 * after each instalment). The replay test reads each history's type from its first event.
 * Run it when a new workflow version ships, and commit the new files beside the old ones; never
 * rewrite an old history — running workflows were started from it. A scenario with any file
 * recorded is left alone, and no file is ever overwritten, so adding a scenario records only the
 * new one; runs that repeat another scenario's (the file's run, the first instalments) may be deleted. Scenarios that stop mid-way leave the last run open: its history is what a worker
 * replays after a restart.
 */
import type { WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CANDIDATE_FILE_WORKFLOW,
  CANDIDATE_WORKFLOW,
  PAYMENT_SCHEDULE_V2_WORKFLOW,
  PAYMENT_SCHEDULE_WORKFLOW,
  assignPanelUpdate,
  candidateWorkflowId,
  correctDepartureUpdate,
  recordDepartureUpdate,
  shanghaiDate,
  resubmitUpdate,
  submitScoresUpdate,
  subsidyDueAt,
  TASK_QUEUE,
  withdrawUpdate,
  initialCandidateState,
  type CandidateInputV2,
  type PaymentScheduleInputV1,
} from '../../libs/contract';
import { candidateWorkflow } from '../../workflows';
import { fetchRunChain } from '../../apps/api/src/candidates/timeline';
import { approveUntil, decide, stateWhen } from '../support/decide';
import { FakePaymentStore } from '../support/fake-payment-store';
import { candidateInput, testWorker, timeSkippingEnv } from '../support/workflow-env';
import { fetchDecodedHistory } from '../../libs/temporal/decode-history';

const VERSION = process.argv[2] ?? 'v1';
const TYPE = process.argv[3] ?? CANDIDATE_FILE_WORKFLOW;
const ONLY = process.argv[4]?.split(',');
/** File-name prefix of each workflow type's histories. */
const PREFIX: Record<string, string> = {
  [CANDIDATE_WORKFLOW]: 'candidate',
  [CANDIDATE_FILE_WORKFLOW]: 'candidate-file',
  [PAYMENT_SCHEDULE_WORKFLOW]: 'payment-schedule',
  [PAYMENT_SCHEDULE_V2_WORKFLOW]: 'payment-schedule',
};
const DAY = 864e5;
const SUBMITTER = { userId: 'unit-1', role: 'nominator' } as const; // candidateInput's submittedBy
const OFFICE = { userId: 'office-1', role: 'union_office' } as const;

type Handle = WorkflowHandle<typeof candidateWorkflow>;

async function main(): Promise<void> {
  const env = await timeSkippingEnv();
  const worker = await testWorker(env, new FakePaymentStore());
  interface Scenario {
    /** The workflow type it starts, when not the one on the command line. */
    type?: string;
    /** The workflow's input (default: an organisational nomination with no deadlines). */
    input?: (id: string) => Promise<CandidateInputV2 | PaymentScheduleInputV1>;
    run: (h: Handle) => Promise<void>;
  }
  /** Approves a file to its commendation; returns when instalment n falls due (the schedule's due day, 10 in candidateInput). */
  const commend = async (h: Handle) => {
    await approveUntil(h, 'public_notice');
    await env.sleep('7 days');
    await decide(h, 'government_approval');
    const commendedAt = Date.parse((await decide(h, 'commendation')).commendedAt!);
    return (n: number) => subsidyDueAt(commendedAt, n, 10);
  };
  /** Lets time run past instalment n's due date and waits until the schedule has made it. */
  const pastInstalment = async (h: Handle, dueAt: (n: number) => number, n: number) => {
    await env.sleep(dueAt(n) + 3600e3 - (await env.currentTimeMs()));
    await stateWhen(h, (s) => s.payments.some((p) => p.kind === 'subsidy' && p.instalment === n));
  };
  const correct = (h: Handle, leftOn: string | null, reason: string) => h.executeUpdate(correctDepartureUpdate, { args: [{ leftOn, reason, actor: OFFICE }] });
  /** A departure recorded in month 3, dated the day instalment 2 fell due: 2 and 3 cancelled. */
  const lateDeparture = async (h: Handle) => {
    const dueAt = await commend(h);
    await pastInstalment(h, dueAt, 3);
    await h.executeUpdate(recordDepartureUpdate, { args: [{ leftOn: shanghaiDate(dueAt(2)), reason: 'moved to Hangzhou', actor: OFFICE }] });
    return dueAt;
  };
  const scenarios: Record<string, Scenario> = {
    'full-with-return': {
      run: async (h) => {
        await decide(h, 'endorsement');
        await decide(h, 'qualification', 'return', 'missing skill certificate');
        await h.executeUpdate(resubmitUpdate, { args: [{ note: 'certificate attached', actor: { userId: 'unit-1', role: 'nominator' } }] });
        await approveUntil(h, 'public_notice');
        await env.sleep('7 days');
        await decide(h, 'government_approval');
        await decide(h, 'commendation');
        await h.result();
      },
    },
    rejected: {
      run: async (h) => {
        await decide(h, 'endorsement');
        await decide(h, 'qualification', 'reject', 'fewer than 3 years in the district');
        await h.result();
      },
    },
    'subsidy-stopped': {
      run: async (h) => {
        await approveUntil(h, 'public_notice');
        await env.sleep('7 days');
        await decide(h, 'government_approval');
        const s = await decide(h, 'commendation');
        const commendedAt = Date.parse(s.commendedAt!);
        await env.sleep(subsidyDueAt(commendedAt, 2) - commendedAt + 3600e3);
        const leftOn = new Date(subsidyDueAt(commendedAt, 3) + 8 * 3600e3).toISOString().slice(0, 10);
        await h.executeUpdate(recordDepartureUpdate, { args: [{ leftOn, reason: 'moved away', actor: { userId: 'o', role: 'union_office' } }] });
        await h.result();
      },
    },
    // Five experts seated, three score, then the submitter withdraws mid-review.
    'panel-withdrawn': {
      run: async (h) => {
        await approveUntil(h, 'expert_review');
        const experts = [1, 2, 3, 4, 5].map((n) => ({ userId: `expert-${n}` }));
        const seated = await h.executeUpdate(assignPanelUpdate, { args: [{ experts, actor: { userId: 'office-1', role: 'union_office' } }] });
        for (const [n, mark] of [
          [1, 80],
          [2, 85],
          [3, 90],
        ] as const) {
          const scores = Object.fromEntries(seated.conditions.map((c) => [c, mark]));
          await h.executeUpdate(submitScoresUpdate, { args: [{ scores, actor: { userId: `expert-${n}`, role: 'expert' } }] });
        }
        await h.executeUpdate(withdrawUpdate, { args: [{ reason: 'the candidate has moved to Ningbo', actor: SUBMITTER }] });
        await h.result();
      },
    },
    // Qualification due 5 days after the start: the reminder (day 3) and the escalation (day 5)
    // fire; then the file is approved on to the public notice and withdrawn there.
    deadlines: {
      input: async (id) => {
        const due = new Date((await env.currentTimeMs()) + 5 * DAY).toISOString();
        return candidateInput(id, 'self', {}, { deadlines: { qualification: due }, reminderLeadMs: 2 * DAY });
      },
      run: async (h) => {
        await env.sleep(3 * DAY + 3600e3);
        await stateWhen(h, (s) => s.alerts.some((a) => a.kind === 'reminder'));
        await env.sleep(2 * DAY);
        await stateWhen(h, (s) => s.alerts.some((a) => a.kind === 'escalation'));
        await approveUntil(h, 'public_notice');
        await env.sleep('1 day');
        await h.executeUpdate(withdrawUpdate, { args: [{ reason: 'the candidate declines the award', actor: SUBMITTER }] });
        await h.result();
      },
    },
    // Three instalments made, one run each; the last run waits for the 3rd's timer.
    'mid-subsidy': {
      run: async (h) => {
        const dueAt = await commend(h);
        await pastInstalment(h, dueAt, 2);
      },
    },
    // The late departure settled; the run parked until the end of the term.
    'after-departure': {
      run: async (h) => {
        const dueAt = await lateDeparture(h);
        await env.sleep(dueAt(4) + 3600e3 - (await env.currentTimeMs()));
      },
    },
    // The date moved later (2 given back), then the departure removed (3 given back, 4 made at once).
    'after-correction': {
      run: async (h) => {
        const dueAt = await lateDeparture(h);
        await env.sleep(dueAt(4) + 3600e3 - (await env.currentTimeMs()));
        await correct(h, shanghaiDate(dueAt(3)), 'the employer confirms the last working day');
        await correct(h, null, 'recorded for the wrong master');
        await stateWhen(h, (s) => s.payments.some((p) => p.kind === 'subsidy' && p.instalment === 4));
      },
    },
    // With the schedule's record for the forecast (patch record-schedule): at the start of each run,
    // after a departure (for a date ahead) and its correction, and at the finish of the parked run.
    'record-schedule': {
      run: async (h) => {
        const dueAt = await commend(h);
        await pastInstalment(h, dueAt, 2);
        await h.executeUpdate(recordDepartureUpdate, { args: [{ leftOn: shanghaiDate(dueAt(5)), reason: 'moving to Ningbo', actor: OFFICE }] });
        await correct(h, shanghaiDate(dueAt(4)), 'the employer confirms an earlier last day');
        await pastInstalment(h, dueAt, 3);
        await h.result();
      },
    },
    // A v1 schedule still running when v2 shipped: at its first instalment it hands over (a patch
    // marker, then continue-as-new as v2), which makes that instalment on the 1st it was promised.
    'hand-over': {
      type: PAYMENT_SCHEDULE_WORKFLOW,
      input: async (id) => {
        const commendedAt = new Date(await env.currentTimeMs()).toISOString();
        const file = { ...initialCandidateState(candidateInput(id), commendedAt), stage: 'payments' as const, status: 'paying' as const, commendedAt };
        return { candidateId: id, roundId: null, commendedAt, terms: { bonusFen: 2_000_000, subsidyMonthlyFen: 80_000, subsidyMonths: 24 }, file, projectionSeq: 0 };
      },
      run: async (h) => {
        const commendedAt = Date.parse((await stateWhen(h, (s) => s.payments.length === 1)).commendedAt!);
        await pastInstalment(h, (n) => subsidyDueAt(commendedAt, n), 1);
      },
    },
    // A master named on paper, imported 100 days after the commendation: bonus and instalments 1, 2
    // and 4 paid on paper; the first run makes 3 (the gap), the next the months due since.
    'after-import': {
      type: PAYMENT_SCHEDULE_V2_WORKFLOW,
      input: async (id) => {
        const now = await env.currentTimeMs();
        const commendedAt = new Date(now - 100 * DAY).toISOString();
        const paid = (kind: 'bonus' | 'subsidy', instalment: number) => ({
          kind,
          instalment,
          amountFen: kind === 'bonus' ? 2_000_000 : 80_000,
          dueOn: shanghaiDate(instalment ? subsidyDueAt(Date.parse(commendedAt), instalment, 10) : Date.parse(commendedAt)),
          taskId: randomUUID(),
        });
        const file = {
          ...initialCandidateState({ ...candidateInput(id), channel: 'self' }, commendedAt),
          channel: 'imported' as const,
          stage: 'payments' as const,
          status: 'paying' as const,
          commendedAt,
          payments: [paid('bonus', 0), paid('subsidy', 1), paid('subsidy', 2), paid('subsidy', 4)],
        };
        const terms = { bonusFen: 2_000_000, subsidyMonthlyFen: 80_000, subsidyMonths: 24, subsidyDueDay: 10 };
        const origin = { kind: 'paper_import' as const, roundYear: 2019, actor: OFFICE, at: new Date(now).toISOString() };
        return { candidateId: id, roundId: null, commendedAt, terms, file, projectionSeq: 0, settledLeftOn: null, origin } as PaymentScheduleInputV1;
      },
      run: async (h) => {
        const { commendedAt } = await stateWhen(h, (s) => s.payments.some((p) => p.instalment === 3));
        const dueAt = (n: number) => subsidyDueAt(Date.parse(commendedAt!), n, 10);
        let last = 4;
        while (dueAt(last + 1) <= (await env.currentTimeMs())) last++;
        await stateWhen(h, (s) => s.payments.some((p) => p.kind === 'subsidy' && p.instalment === last));
      },
    },
  };
  await worker.runUntil(async () => {
    for (const [name, scenario] of Object.entries(scenarios)) {
      if (ONLY && !ONLY.includes(name)) continue;
      // Recorded already, perhaps with its runs that repeat another scenario's deleted: left alone.
      const recorded = readdirSync(join(__dirname, 'histories')).find((f) => new RegExp(`-${VERSION}-${name}(-\\d+)?\\.json$`).test(f));
      if (recorded) {
        console.log(`kept ${name} (already recorded: ${recorded})`);
        continue;
      }
      const id = randomUUID();
      const input = scenario.input ? await scenario.input(id) : candidateInput(id);
      const handle: Handle = await env.client.workflow.start(scenario.type ?? TYPE, { workflowId: candidateWorkflowId(id), taskQueue: TASK_QUEUE, args: [input] });
      await scenario.run(handle);
      const chain = await fetchRunChain((runId) => fetchDecodedHistory(env.client.workflow.getHandle(candidateWorkflowId(id), runId)));
      const typeOf = (history: (typeof chain)[number]) => history.events![0].workflowExecutionStartedEventAttributes!.workflowType!.name!;
      const seen = new Map<string, number>();
      for (const history of chain) {
        const prefix = PREFIX[typeOf(history)];
        const runs = chain.filter((h) => PREFIX[typeOf(h)] === prefix).length;
        const k = (seen.get(prefix) ?? 0) + 1;
        seen.set(prefix, k);
        const file = join(__dirname, 'histories', `${prefix}-${VERSION}-${name}${runs > 1 ? `-${k}` : ''}.json`);
        if (existsSync(file)) {
          console.log(`kept ${file} (never overwritten)`);
          continue;
        }
        writeFileSync(file, historyToJSON(history));
        console.log(`wrote ${file}`);
      }
    }
  });
  await env.teardown();
}

void main();
