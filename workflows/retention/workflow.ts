import { continueAsNew, proxyActivities } from '@temporalio/workflow';
import type { RetentionActivities } from '../../activities/retention.activities';
import type { RetentionSweepResultV1 } from '../../libs/contract';

const { eraseExpiredPersonalData } = proxyActivities<RetentionActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1s', maximumInterval: '5 minutes', backoffCoefficient: 2 },
});

/** Batches per run before continuing as new, so a large backlog never grows one history without bound. */
const BATCHES_PER_RUN = 200;

/**
 * The daily retention sweep, started by a Schedule (overlap SKIP): erases the sensitive data of files
 * past retention, batch after batch, until a batch comes back short. Each batch is idempotent, so a
 * retried or repeated run erases nothing twice. Ids only pass through: nothing personal in the history.
 */
export async function retentionSweepWorkflow(done: RetentionSweepResultV1 = { erased: 0, batches: 0 }): Promise<RetentionSweepResultV1> {
  let { erased, batches } = done;
  for (let i = 0; i < BATCHES_PER_RUN; i++) {
    const batch = await eraseExpiredPersonalData();
    erased += batch.erased.length;
    batches += 1;
    if (!batch.more) return { erased, batches };
  }
  return continueAsNew<typeof retentionSweepWorkflow>({ erased, batches });
}
