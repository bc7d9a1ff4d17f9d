import { condition, defineSignal, defineUpdate, setHandler } from '@temporalio/workflow';

/**
 * The floor of the decision benchmark: an Update whose handler only returns, on the same dev server
 * and the same kind of worker as the candidate file. What a decision costs above this is the file's
 * own work (its commands, its state, its activities), the API's and the reply's.
 * Bundled on its own (bench/decision.bench.ts), never registered by the real worker.
 */
export const pingUpdate = defineUpdate<string, [string]>('ping');
export const stopSignal = defineSignal('stop');

export async function floorWorkflow(): Promise<void> {
  let stopped = false;
  setHandler(pingUpdate, (stage) => stage);
  setHandler(stopSignal, () => {
    stopped = true;
  });
  await condition(() => stopped);
}
