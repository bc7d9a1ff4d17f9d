import { allHandlersFinished, condition, makeContinueAsNewFunc, setHandler } from '@temporalio/workflow';
import {
  PAYMENT_SCHEDULE_V2_WORKFLOW,
  SA_ROUND,
  SA_STAGE,
  SA_STATUS,
  assignPanelUpdate,
  cohortDecisionSignal,
  decideUpdate,
  declareConflictUpdate,
  disqualifyUpdate,
  resubmitUpdate,
  stateQuery,
  submitScoresUpdate,
  withdrawUpdate,
  type CandidateInputV2,
  type CandidateStateV2,
} from '../../libs/contract';
import { now, review } from '../activity-proxies';
import type { paymentScheduleV2Workflow } from '../payment-schedule/workflow';
import { recordDepartures } from '../departure-handlers';
import { validate } from '../validate';
import { CandidateFile } from './candidate-file';

/**
 * A nomination's file (workflow ID `candidate-<id>`), from nomination to commendation. Then the same
 * workflow ID continues as the master's payment schedule, so each run stays short and the file's
 * code can change without carrying two years of payment history.
 */
export async function candidateFileWorkflow(input: CandidateInputV2): Promise<CandidateStateV2> {
  const file = new CandidateFile(input, { now, syncStatus: review.syncStatus, raiseAlert: review.raiseAlert });

  setHandler(stateQuery, () => file.state);
  setHandler(decideUpdate, (req) => file.decide(req), { validator: validate(file.refuseDecision.bind(file)) });
  setHandler(resubmitUpdate, (req) => file.resubmit(req), { validator: validate(file.refuseResubmission.bind(file)) });
  setHandler(assignPanelUpdate, (req) => file.assignPanel(req), { validator: validate(file.refuseAssignment.bind(file)) });
  setHandler(declareConflictUpdate, (req) => file.declareConflict(req), { validator: validate(file.refuseConflict.bind(file)) });
  setHandler(submitScoresUpdate, (req) => file.submitScores(req), { validator: validate(file.refuseScores.bind(file)) });
  setHandler(withdrawUpdate, (req) => file.close('withdrawn', req), { validator: validate(file.refuseWithdrawal.bind(file)) });
  setHandler(disqualifyUpdate, (req) => file.close('disqualified', req), { validator: validate(file.refuseDisqualification.bind(file)) });
  // Refused before commendation; taken in the moment between commendation and the schedule's first run.
  recordDepartures(file.state, () => file.reportChange());

  setHandler(cohortDecisionSignal, (d) => file.receiveCohortDecision(d));

  const outcome = await file.run();
  await file.tellRoundIfClosed();
  // Nothing may be lost across the boundary: every report written, every Update answered.
  await condition(() => file.flushed() && allHandlersFinished());
  if (outcome === 'closed') return file.state;

  // No patch for the new target: a replay checks that the run continued-as-new, not as which type
  // (the recorded candidate-file-v1 histories, which continued as v1, replay on this code).
  const continueAsPayments = makeContinueAsNewFunc<typeof paymentScheduleV2Workflow>({
    workflowType: PAYMENT_SCHEDULE_V2_WORKFLOW,
    typedSearchAttributes: [
      { key: SA_STAGE, value: 'payments' },
      { key: SA_STATUS, value: 'paying' },
      ...(input.roundId ? [{ key: SA_ROUND, value: input.roundId }] : []),
    ],
  });
  return continueAsPayments(file.paymentScheduleInput());
}
