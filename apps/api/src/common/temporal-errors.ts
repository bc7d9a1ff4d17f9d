import { ConflictException, HttpException, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { isGrpcDeadlineError, WorkflowNotFoundError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { FailureType } from '../../../../libs/contract';
import { UpdateUnconfirmed } from './engine-update';
import { refuse } from './refuse';

const FINISHED = /workflow execution already completed|workflow is not running|execution.*(completed|closed)|update was aborted by closing workflow/i;

/** Turns what the engine says into an HTTP answer a reviewer can act on. */
export function toHttpError(err: unknown): unknown {
  if (err instanceof HttpException) return err;
  if (err instanceof UpdateUnconfirmed) return noAnswer(err.accepted);
  // An Update sent without runUpdate cannot tell whether it was accepted: say the least.
  if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return noAnswer(false);
  if (isGrpcDeadlineError(err)) return noAnswer(null);
  // An Update to a workflow that has finished, or that finishes while the Update waits, comes back as
  // NOT_FOUND ("workflow execution already completed", "workflow update was aborted by closing
  // workflow"): the candidacy exists and is closed, which is a 409 below, not a 404.
  if (err instanceof WorkflowNotFoundError && !FINISHED.test(err.message)) return new NotFoundException('no such candidate');
  if (err instanceof WorkflowUpdateFailedError || err instanceof ApplicationFailure) {
    const failure = err instanceof ApplicationFailure ? err : err.cause;
    if (failure instanceof ApplicationFailure) {
      const message = failure.message;
      // A run of a frozen workflow version that never learnt the action (e.g. a departure correction).
      if (/^No registered handler for update/.test(message))
        return new ConflictException('this file runs an earlier version of its workflow, which does not take that action');
      switch (failure.type) {
        case FailureType.WrongRole:
          return refuse('wrong_role', message);
        case FailureType.InvalidRequest:
          return refuse('invalid_request', message);
        case FailureType.WrongStage:
          return refuse('wrong_stage', message);
        case FailureType.NotAwaitingDecision:
          return refuse('not_awaiting_decision', message);
        case FailureType.CandidateClosed:
          return refuse('candidate_closed', message);
        case FailureType.WrongPhase:
          return refuse('wrong_phase', message);
        case FailureType.Unprocessable:
          return refuse('list_rule', message);
      }
    }
  }
  const text = err instanceof Error ? err.message : String(err);
  // An Update to a workflow that has finished: the candidacy is closed.
  if (FINISHED.test(text)) return refuse('candidate_closed', 'the candidacy is closed; no decision can be taken');
  if (/UNAVAILABLE|ECONNREFUSED|deadline exceeded/i.test(text)) return new ServiceUnavailableException('the workflow engine is unavailable; try again');
  return err;
}

/**
 * 503 when the engine did not answer within the request's deadline (TEMPORAL_CALL_TIMEOUT), saying
 * whether an action may still take effect. `accepted`: null when no Update was waiting.
 */
function noAnswer(accepted: boolean | null): ServiceUnavailableException {
  const message =
    accepted === null
      ? 'the workflow engine did not answer in time (is a worker running?); try again shortly'
      : accepted
        ? 'the workflow engine accepted the action but did not finish it in time; it will take effect: ' +
          'check the file or round shortly (GET it) instead of sending the action again'
        : 'the workflow engine did not answer in time (no worker took the action); the action is not confirmed: ' +
          'it may still take effect once a worker is back, or not at all. Check the file or round (GET it) before ' +
          'sending it again: a decision already taken is refused (409) rather than applied twice';
  return new ServiceUnavailableException({ statusCode: 503, error: 'Service Unavailable', message, ...(accepted !== null && { accepted }) });
}

/** Whether the engine said the workflow has already finished (the caller words the 409). */
export function workflowFinished(err: unknown): boolean {
  return !(err instanceof HttpException) && FINISHED.test(err instanceof Error ? err.message : String(err));
}

export async function engine<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw toHttpError(err);
  }
}
