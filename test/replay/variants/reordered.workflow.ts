import { sleep } from '@temporalio/workflow';
import type { CandidateInputV1, CandidateInputV2, PaymentScheduleInputV1, PaymentScheduleInputV2, RoundInputV1, StudioInputV1 } from '../../../libs/contract';
import { candidateFileWorkflow as currentFile } from '../../../workflows/candidate-file/workflow';
import { candidateWorkflow as currentLegacy } from '../../../workflows/legacy/candidate.workflow';
import { paymentScheduleWorkflow as currentScheduleV1 } from '../../../workflows/legacy/payment-schedule-v1.workflow';
import { paymentScheduleV2Workflow as currentSchedule } from '../../../workflows/payment-schedule/workflow';
import { roundWorkflow as currentRound } from '../../../workflows/round/workflow';
import { studioWorkflow as currentStudio } from '../../../workflows/studio/workflow';

/**
 * A deliberately incompatible change to every workflow type, for the replay test to catch: a timer
 * added before anything else, without `patched()`. Replaying recorded histories against it must fail.
 */
export async function candidateWorkflow(input: CandidateInputV1) {
  await sleep('1 minute');
  return currentLegacy(input);
}

export async function candidateFileWorkflow(input: CandidateInputV2) {
  await sleep('1 minute');
  return currentFile(input);
}

export async function paymentScheduleWorkflow(input: PaymentScheduleInputV1) {
  await sleep('1 minute');
  return currentScheduleV1(input);
}

export async function paymentScheduleV2Workflow(input: PaymentScheduleInputV2) {
  await sleep('1 minute');
  return currentSchedule(input);
}

export async function roundWorkflow(input: RoundInputV1) {
  await sleep('1 minute');
  return currentRound(input);
}

export async function studioWorkflow(input: StudioInputV1) {
  await sleep('1 minute');
  return currentStudio(input);
}
