/**
 * Records the event histories the replay test guards, on the time-skipping server:
 *   npx ts-node -P tsconfig.json test/replay/record-histories.ts v2 [workflowType]
 * The workflow type defaults to today's file (candidateFileWorkflow); every run of the chain is
 * written, named by its own type (`candidate-file-v1-x.json`, `payment-schedule-v1-x.json`).
 * Run it when a new workflow version ships, and commit the new files beside the old ones; never
 * rewrite an old history — running workflows were started from it. A scenario whose first file
 * already exists is left alone, so adding a scenario records only the new one.
 */
import type { WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { randomUUID } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CANDIDATE_FILE_WORKFLOW,
  CANDIDATE_WORKFLOW,
  PAYMENT_SCHEDULE_WORKFLOW,
  assignPanelUpdate,
  candidateWorkflowId,
  recordDepartureUpdate,
  resubmitUpdate,
  submitScoresUpdate,
  subsidyDueAt,
  TASK_QUEUE,
  withdrawUpdate,
  type CandidateInputV2,
} from '../../libs/contract';
import { candidateWorkflow } from '../../workflows';
import { fetchRunChain } from '../../apps/api/src/candidates/timeline';
import { approveUntil, decide, stateWhen } from '../support/decide';
import { FakePaymentStore } from '../support/fake-payment-store';
import { candidateInput, testWorker, timeSkippingEnv } from '../support/workflow-env';

const VERSION = process.argv[2] ?? 'v1';
const TYPE = process.argv[3] ?? CANDIDATE_FILE_WORKFLOW;
/** File-name prefix of each workflow type's histories. */
const PREFIX: Record<string, string> = {
  [CANDIDATE_WORKFLOW]: 'candidate',
  [CANDIDATE_FILE_WORKFLOW]: 'candidate-file',
  [PAYMENT_SCHEDULE_WORKFLOW]: 'payment-schedule',
};
const DAY = 864e5;
const SUBMITTER = { userId: 'unit-1', role: 'nominator' } as const; // candidateInput's submittedBy

type Handle = WorkflowHandle<typeof candidateWorkflow>;

async function main(): Promise<void> {
  const env = await timeSkippingEnv();
  const worker = await testWorker(env, new FakePaymentStore());
  interface Scenario {
    /** The workflow's input (default: an organisational nomination with no deadlines). */
    input?: (id: string) => Promise<CandidateInputV2>;
    run: (h: Handle) => Promise<void>;
  }
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
  };
  await worker.runUntil(async () => {
    for (const [name, scenario] of Object.entries(scenarios)) {
      const first = join(__dirname, 'histories', `${PREFIX[TYPE]}-${VERSION}-${name}.json`);
      if (existsSync(first)) {
        console.log(`kept ${first} (already recorded)`);
        continue;
      }
      const id = randomUUID();
      const input = scenario.input ? await scenario.input(id) : candidateInput(id);
      const handle: Handle = await env.client.workflow.start(TYPE, { workflowId: candidateWorkflowId(id), taskQueue: TASK_QUEUE, args: [input] });
      await scenario.run(handle);
      const chain = await fetchRunChain((runId) => env.client.workflow.getHandle(candidateWorkflowId(id), runId).fetchHistory());
      for (const history of chain) {
        const type = history.events![0].workflowExecutionStartedEventAttributes!.workflowType!.name!;
        const file = join(__dirname, 'histories', `${PREFIX[type]}-${VERSION}-${name}.json`);
        writeFileSync(file, historyToJSON(history));
        console.log(`wrote ${file}`);
      }
    }
  });
  await env.teardown();
}

void main();
