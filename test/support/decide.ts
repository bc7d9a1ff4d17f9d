import type { WorkflowHandle } from '@temporalio/client';
import { decideUpdate, STAGE_OWNER, stateQuery, type CandidateStateV1, type DecisionStage, type Outcome } from '../../libs/contract';

/** Takes a decision at the candidate's current stage, as the role that owns it. */
export function decide(handle: WorkflowHandle, stage: DecisionStage, outcome: Outcome = 'approve', reason = `${stage} ${outcome}`): Promise<CandidateStateV1> {
  return handle.executeUpdate(decideUpdate, {
    args: [{ stage, outcome, reason, actor: { userId: `${STAGE_OWNER[stage]}-1`, role: STAGE_OWNER[stage] } }],
  });
}

/** Approves stage after stage until the candidate reaches `until` (or the public notice). */
export async function approveUntil(handle: WorkflowHandle, until: CandidateStateV1['stage']): Promise<CandidateStateV1> {
  let state = await handle.query(stateQuery);
  while (state.stage !== until && state.stage !== 'public_notice' && state.stage !== 'payments' && state.stage !== 'closed') {
    state = await decide(handle, state.stage as DecisionStage);
  }
  return state;
}
