import { WorkflowUpdateRPCTimeoutOrCancelledError, WorkflowUpdateStage, type WorkflowHandle } from '@temporalio/client';
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

/**
 * Sends an Update and waits for its result, in two steps so that a timeout tells which side of
 * acceptance it fell on. An accepted Update is in the workflow's history and will complete; one not
 * yet accepted is held only in the server's memory, so a worker that comes back may still run it
 * (its validator deciding again) or it may be lost. A handler that finishes in the task that accepts
 * it answers in the first step: no extra round trip.
 */
export async function runUpdate<Ret, Arg>(handle: WorkflowHandle, def: UpdateDefinition<Ret, [Arg]>, arg: Arg): Promise<Ret> {
  let accepted = false;
  try {
    const update = await handle.startUpdate(def, { args: [arg], waitForStage: WorkflowUpdateStage.ACCEPTED });
    accepted = true;
    return await update.result();
  } catch (err) {
    if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) throw new UpdateUnconfirmed(accepted, err);
    throw err;
  }
}
