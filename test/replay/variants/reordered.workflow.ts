import { sleep } from '@temporalio/workflow';
import type { CandidateInputV1 } from '../../../libs/contract';
import { candidateWorkflow as current } from '../../../workflows/candidate.workflow';

/**
 * A deliberately incompatible change, for the replay test to catch: a timer added before
 * anything else, without `patched()`. Replaying recorded histories against it must fail.
 */
export async function candidateWorkflow(input: CandidateInputV1) {
  await sleep('1 minute');
  return current(input);
}
