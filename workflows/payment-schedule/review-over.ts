import { setHandler } from '@temporalio/workflow';
import {
  assignPanelUpdate,
  decideUpdate,
  declareConflictUpdate,
  disqualifyUpdate,
  FailureType,
  refuseDecision,
  resubmitUpdate,
  submitScoresUpdate,
  withdrawUpdate,
  type CandidateStateV2,
  type DecisionRequestV2,
  type Refusal,
} from '../../libs/contract';
import { validate } from '../validate';

/** What the file's own Updates meet once the master is commended: the review is over. */
function reviewOver(state: CandidateStateV2, kind: 'resubmit' | 'panel' | 'closing'): Refusal {
  const { stage, status } = state;
  if (kind === 'resubmit') return { type: FailureType.NotAwaitingDecision, message: `the file is not with its submitter (status '${status}')` };
  if (kind === 'panel') return { type: FailureType.WrongStage, message: `the candidate is at stage '${stage}' (${status}), not in expert review` };
  return { type: FailureType.CandidateClosed, message: `too late: the candidacy is at '${stage}' (${status})` };
}

/**
 * The payment schedule runs under the candidate's workflow ID, so callers of the review's Updates
 * reach it: each is refused with the reason (a validator's refusal leaves nothing in the history).
 */
export function refuseReviewUpdates(state: CandidateStateV2): void {
  const refused = () => state;
  setHandler(decideUpdate, refused, { validator: validate((req: DecisionRequestV2) => refuseDecision(state, req)) });
  setHandler(resubmitUpdate, refused, { validator: validate(() => reviewOver(state, 'resubmit')) });
  for (const update of [assignPanelUpdate, declareConflictUpdate, submitScoresUpdate]) {
    setHandler(update, refused, { validator: validate(() => reviewOver(state, 'panel')) });
  }
  for (const update of [withdrawUpdate, disqualifyUpdate]) {
    setHandler(update, refused, { validator: validate(() => reviewOver(state, 'closing')) });
  }
}
