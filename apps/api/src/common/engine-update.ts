import { randomUUID } from 'node:crypto';
import { WorkflowUpdateRPCTimeoutOrCancelledError, type WorkflowHandle } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';

/** An Update the engine did not finish before the request's deadline; `accepted` says whether the workflow had taken it. */
export class UpdateUnconfirmed extends Error {
  constructor(
    readonly accepted: boolean,
    override readonly cause: Error,
  ) {
    super(`workflow Update ${accepted ? 'accepted but not completed' : 'not accepted'} before the deadline`);
  }
}

/** How long the history may take to say whether a timed-out Update was accepted. */
const PROBE_MS = 2_000;

/**
 * Sends an Update and waits for its result in one call (a decision's latency is one round trip to
 * the engine). When the request's deadline passes first, the workflow's history tells which side
 * of acceptance the Update fell on: an accepted Update is in it and will complete; one not yet
 * accepted is held only in the server's memory, so a worker that comes back may still run it (its
 * validator deciding again) or it may be lost. A history that cannot be read counts as not accepted,
 * the answer that asks the caller to check before resending.
 */
export async function runUpdate<Ret, Arg>(handle: WorkflowHandle, def: UpdateDefinition<Ret, [Arg]>, arg: Arg, accepted = acceptedInHistory): Promise<Ret> {
  const updateId = randomUUID();
  try {
    return await handle.executeUpdate(def, { args: [arg], updateId });
  } catch (err) {
    if (!(err instanceof WorkflowUpdateRPCTimeoutOrCancelledError)) throw err;
    throw new UpdateUnconfirmed(await accepted(handle, updateId).catch(() => false), err);
  }
}

/** Reads the history under a deadline of its own: the request's has passed by now. */
async function acceptedInHistory(handle: WorkflowHandle, updateId: string): Promise<boolean> {
  const history = await handle.client.withDeadline(Date.now() + PROBE_MS, () => handle.fetchHistory());
  return (history.events ?? []).some((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.meta?.updateId === updateId);
}
