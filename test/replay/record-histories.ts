/**
 * Records the event histories the replay test guards, on the time-skipping server:
 *   npx ts-node -P tsconfig.json test/replay/record-histories.ts
 * Run it when a new workflow version ships, and commit the new files beside the old ones; never
 * rewrite an old history — running workflows were started from it.
 */
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { candidateWorkflowId, recordDepartureUpdate, resubmitUpdate, subsidyDueAt, TASK_QUEUE } from '../../libs/contract';
import { candidateWorkflow } from '../../workflows';
import { approveUntil, decide } from '../support/decide';
import { FakePaymentStore } from '../support/fake-payment-store';
import { candidateInput, testWorker, timeSkippingEnv } from '../support/workflow-env';

const VERSION = process.argv[2] ?? 'v1';

async function main(): Promise<void> {
  const env = await timeSkippingEnv();
  const worker = await testWorker(env, new FakePaymentStore());
  const scenarios: Record<string, (h: Awaited<ReturnType<typeof start>>) => Promise<void>> = {
    'full-with-return': async (h) => {
      await decide(h, 'endorsement');
      await decide(h, 'qualification', 'return', 'missing skill certificate');
      await h.executeUpdate(resubmitUpdate, { args: [{ note: 'certificate attached', actor: { userId: 'unit-1', role: 'nominator' } }] });
      await approveUntil(h, 'public_notice');
      await env.sleep('7 days');
      await decide(h, 'government_approval');
      await decide(h, 'commendation');
      await h.result();
    },
    rejected: async (h) => {
      await decide(h, 'endorsement');
      await decide(h, 'qualification', 'reject', 'fewer than 3 years in the district');
      await h.result();
    },
    'subsidy-stopped': async (h) => {
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
  };
  function start(id: string) {
    return env.client.workflow.start(candidateWorkflow, { workflowId: candidateWorkflowId(id), taskQueue: TASK_QUEUE, args: [candidateInput(id)] });
  }
  await worker.runUntil(async () => {
    for (const [name, run] of Object.entries(scenarios)) {
      const handle = await start(randomUUID());
      await run(handle);
      const file = join(__dirname, 'histories', `candidate-${VERSION}-${name}.json`);
      writeFileSync(file, historyToJSON(await handle.fetchHistory()));
      console.log(`wrote ${file}`);
    }
  });
  await env.teardown();
}

void main();
