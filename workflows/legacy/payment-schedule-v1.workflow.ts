import { makeContinueAsNewFunc, setHandler } from '@temporalio/workflow';
import { PAYMENT_SCHEDULE_V2_WORKFLOW, SA_ROUND, SA_STAGE, SA_STATUS, stateQuery, type CandidateStateV2, type PaymentScheduleInputV1 } from '../../libs/contract';
import { now, payments, review } from '../activity-proxies';
import type { paymentScheduleV2Workflow } from '../payment-schedule/workflow';
import { refuseReviewUpdates } from '../payment-schedule/review-over';
import { recordDepartures } from '../departure-handlers';
import { PaymentScheduleV1 } from './payment-schedule-v1';

/**
 * Frozen: the first version of the master's payment schedule, one run for all 24 months. Files
 * commended since v2 continue as `paymentScheduleV2Workflow`; a v1 run still open hands over to v2
 * at its next instalment or departure (behind a patch), so this type can be deleted, with its
 * histories, once no v1 run is open.
 */
export async function paymentScheduleWorkflow(input: PaymentScheduleInputV1): Promise<CandidateStateV2> {
  const handOver = makeContinueAsNewFunc<typeof paymentScheduleV2Workflow>({
    workflowType: PAYMENT_SCHEDULE_V2_WORKFLOW,
    typedSearchAttributes: [
      { key: SA_STAGE, value: 'payments' },
      { key: SA_STATUS, value: 'paying' },
      ...(input.roundId ? [{ key: SA_ROUND, value: input.roundId }] : []),
    ],
  });
  const schedule = new PaymentScheduleV1(input, { now, createPaymentTask: payments.createPaymentTask, syncStatus: review.syncStatus, handOver });

  setHandler(stateQuery, () => schedule.state);
  recordDepartures(schedule.state, () => schedule.reportChange());
  refuseReviewUpdates(schedule.state);

  return schedule.run();
}
