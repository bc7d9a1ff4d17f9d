import type { PaymentScheduleInputV2 } from '../../../libs/contract';
import { runPaymentSchedule } from '../../../workflows/payment-schedule/workflow';

/**
 * A deliberately non-deterministic change to the v2 schedule: it continues-as-new every two
 * instalments instead of every one, without a new type or `patched()`. A recorded run that
 * continued after its instalment now waits on a timer instead; replaying it must fail.
 */
export async function paymentScheduleV2Workflow(input: PaymentScheduleInputV2) {
  return runPaymentSchedule(input, { instalmentsPerRun: 2 });
}
