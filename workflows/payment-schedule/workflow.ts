import { setHandler } from '@temporalio/workflow';
import {
  assignPanelUpdate,
  decideUpdate,
  declareConflictUpdate,
  disqualifyUpdate,
  recordDepartureUpdate,
  refuseDecision,
  resubmitUpdate,
  stateQuery,
  submitScoresUpdate,
  withdrawUpdate,
  type CandidateStateV2,
  type DecisionRequestV2,
  type PaymentScheduleInputV1,
} from '../../libs/contract';
import { now, payments, review } from '../activity-proxies';
import { validate } from '../validate';
import { PaymentSchedule } from './payment-schedule';

/**
 * The master's payment schedule, run under the candidate's workflow ID as the continuation of the
 * file. It answers the same state query, takes the departure, and refuses the review's Updates with
 * the reason (the review is over), so callers of the one workflow ID get a clear answer.
 */
export async function paymentScheduleWorkflow(input: PaymentScheduleInputV1): Promise<CandidateStateV2> {
  const schedule = new PaymentSchedule(input, { now, createPaymentTask: payments.createPaymentTask, syncStatus: review.syncStatus });

  setHandler(stateQuery, () => schedule.state);
  setHandler(recordDepartureUpdate, (req) => schedule.recordDeparture(req), { validator: validate(schedule.refuseDeparture.bind(schedule)) });
  const refused = () => schedule.state;
  setHandler(decideUpdate, refused, { validator: validate((req: DecisionRequestV2) => refuseDecision(schedule.state, req)) });
  setHandler(resubmitUpdate, refused, { validator: validate(() => schedule.refuseReviewAction('resubmit')) });
  for (const update of [assignPanelUpdate, declareConflictUpdate, submitScoresUpdate]) {
    setHandler(update, refused, { validator: validate(() => schedule.refuseReviewAction('panel')) });
  }
  for (const update of [withdrawUpdate, disqualifyUpdate]) {
    setHandler(update, refused, { validator: validate(() => schedule.refuseReviewAction('closing')) });
  }

  return schedule.run();
}
