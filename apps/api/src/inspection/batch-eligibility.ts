import { isClosedStatus, STAGES, type CandidateStateV2 } from '../../../../libs/contract';

const INSPECTION = STAGES.indexOf('inspection');

/**
 * Why a candidate cannot be put in an inspection batch, or null if it can: a batch plans a visit,
 * which makes sense only for a candidacy still running and not yet past inspection.
 */
export function batchRefusal(state: Pick<CandidateStateV2, 'stage' | 'status'>): string | null {
  if (isClosedStatus(state.status)) return `the candidacy is ${state.status}`;
  const at = (STAGES as readonly string[]).indexOf(state.stage);
  if (at < 0 || at > INSPECTION) return `it is already past inspection (at '${state.stage}')`;
  return null;
}
