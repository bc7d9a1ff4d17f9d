import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  HttpException,
  NotFoundException,
  ServiceUnavailableException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { FailureType } from '../../../../libs/contract';

const FINISHED = /workflow execution already completed|workflow is not running|execution.*(completed|closed)|update was aborted by closing workflow/i;

/** Turns what the engine says into an HTTP answer a reviewer can act on. */
export function toHttpError(err: unknown): unknown {
  if (err instanceof HttpException) return err;
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
          return new ForbiddenException(message);
        case FailureType.InvalidRequest:
          return new BadRequestException(message);
        case FailureType.WrongStage:
        case FailureType.NotAwaitingDecision:
        case FailureType.CandidateClosed:
        case FailureType.WrongPhase:
          return new ConflictException(message);
        case FailureType.Unprocessable:
          return new UnprocessableEntityException(message);
      }
    }
  }
  const text = err instanceof Error ? err.message : String(err);
  // An Update to a workflow that has finished: the candidacy is closed.
  if (FINISHED.test(text)) return new ConflictException('the candidacy is closed; no decision can be taken');
  if (/UNAVAILABLE|ECONNREFUSED|deadline exceeded/i.test(text)) return new ServiceUnavailableException('the workflow engine is unavailable; try again');
  return err;
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
