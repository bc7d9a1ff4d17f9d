import { ApplicationFailure } from '@temporalio/workflow';
import type { Refusal } from '../libs/contract';

/**
 * An Update validator from a refusal rule. A refusal becomes a non-retryable typed failure that the
 * API maps to a 4xx; a refused Update leaves nothing in the workflow's history.
 */
export function validate<A>(refuse: (arg: A) => Refusal | null) {
  return (arg: A): void => {
    const refused = refuse(arg);
    if (refused) throw ApplicationFailure.create({ type: refused.type, message: refused.message, nonRetryable: true });
  };
}
