import type { CandidateStateV2 } from '../candidate/messages';
import { FailureType } from '../failures';
import type { Refusal } from '../decision-rules';
import type { DepartureRequestV1 } from './messages';

/**
 * Whether a departure (离开瓯海工作) can be recorded on the file. Shared by the file's last moments
 * (commended, about to continue as the schedule) and the payment schedule, so a departure sent
 * across that boundary is taken either way and never lost.
 */
export function refuseDeparture(state: CandidateStateV2, req: DepartureRequestV1): Refusal | null {
  if (req.actor?.role !== 'union_office') return { type: FailureType.WrongRole, message: 'only the programme office records a departure' };
  if (state.commendedAt === null) return { type: FailureType.WrongStage, message: 'a departure matters only once the master is commended' };
  if (state.departure) return { type: FailureType.NotAwaitingDecision, message: `departure already recorded (${state.departure.leftOn})` };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(req.leftOn)) return { type: FailureType.InvalidRequest, message: 'leftOn must be YYYY-MM-DD' };
  return null;
}

export function recordDeparture(state: CandidateStateV2, req: DepartureRequestV1, at: string): CandidateStateV2 {
  state.departure = { leftOn: req.leftOn, reason: req.reason, actor: req.actor, at };
  return state;
}
