import { makeContinueAsNewFunc, setHandler } from '@temporalio/workflow';
import {
  PAYMENT_SCHEDULE_V2_WORKFLOW,
  SA_ROUND,
  SA_STAGE,
  SA_STATUS,
  correctDepartureUpdate,
  recordDepartureUpdate,
  stateQuery,
  type CandidateStateV2,
  type PaymentScheduleInputV2,
} from '../../libs/contract';
import { now, payments, review, schedules, subsidyStops } from '../activity-proxies';
import { validate } from '../validate';
import { PaymentSchedule, type ScheduleOptions } from './payment-schedule';
import { refuseReviewUpdates } from './review-over';

/**
 * The master's payment schedule (v2), run under the candidate's workflow ID as the continuation of
 * the file, one short run per instalment. It answers the same state query, takes the departure and
 * its corrections, and refuses the review's Updates with the reason (the review is over).
 */
export async function paymentScheduleV2Workflow(input: PaymentScheduleInputV2): Promise<CandidateStateV2> {
  return runPaymentSchedule(input, { instalmentsPerRun: 1 });
}

/** The wiring, apart so the replay test can build a variant with another cadence. */
export async function runPaymentSchedule(input: PaymentScheduleInputV2, options: ScheduleOptions): Promise<CandidateStateV2> {
  const next = (state: CandidateStateV2) =>
    makeContinueAsNewFunc<typeof paymentScheduleV2Workflow>({
      workflowType: PAYMENT_SCHEDULE_V2_WORKFLOW,
      typedSearchAttributes: [
        { key: SA_STAGE, value: 'payments' },
        { key: SA_STATUS, value: state.status },
        ...(input.roundId ? [{ key: SA_ROUND, value: input.roundId }] : []),
      ],
    });
  const schedule: PaymentSchedule = new PaymentSchedule(
    input,
    {
      now,
      createPaymentTask: payments.createPaymentTask,
      syncStatus: review.syncStatus,
      recordSchedule: schedules.recordSchedule,
      // Named one by one: an activity proxy has no keys to spread.
      cancelSubsidiesFrom: subsidyStops.cancelSubsidiesFrom,
      flagSubsidiesForRecovery: subsidyStops.flagSubsidiesForRecovery,
      restoreSubsidiesBefore: subsidyStops.restoreSubsidiesBefore,
      continueAsNew: (carried) => next(carried.file)(carried),
    },
    options,
  );

  setHandler(stateQuery, () => schedule.state);
  setHandler(recordDepartureUpdate, (req) => schedule.recordDeparture(req), { validator: validate(schedule.refuseDeparture.bind(schedule)) });
  setHandler(correctDepartureUpdate, (req) => schedule.correctDeparture(req), { validator: validate(schedule.refuseCorrection.bind(schedule)) });
  refuseReviewUpdates(schedule.state);

  return schedule.run();
}
