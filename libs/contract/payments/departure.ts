import { shanghaiDate, shanghaiMidnight } from '../calendar';
import type { CandidateStateV2, DepartureRecord } from '../candidate/messages';
import { FailureType } from '../failures';
import type { Refusal } from '../decision-rules';
import type { Actor } from '../roles';
import type { DepartureCorrectionV1, DepartureRequestV1 } from './messages';

const refuse = (type: FailureType, message: string): Refusal => ({ type, message });
const isDate = (d: unknown): d is string => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d) && shanghaiDate(shanghaiMidnight(d)) === d;

/** What a departure request and its correction share: the office, a reason, a commended master. */
function refuseOnFile(state: CandidateStateV2, req: { reason: string; actor: Actor }, what: string): Refusal | null {
  if (req.actor?.role !== 'union_office') return refuse(FailureType.WrongRole, `only the programme office ${what}`);
  if (!req.reason?.trim()) return refuse(FailureType.InvalidRequest, 'reason is required');
  if (state.commendedAt === null) return refuse(FailureType.WrongStage, 'a departure matters only once the master is commended');
  return null;
}

/** A master leaves Ouhai only after being named: a date before the commendation is a mistake, said plainly. */
function refuseDate(state: CandidateStateV2, leftOn: unknown): Refusal | null {
  if (!isDate(leftOn)) return refuse(FailureType.InvalidRequest, 'leftOn must be a real date YYYY-MM-DD');
  const commendedOn = shanghaiDate(Date.parse(state.commendedAt!));
  if (leftOn < commendedOn) {
    return refuse(FailureType.Unprocessable, `leftOn ${leftOn} is before the commendation date ${commendedOn}: a departure can only follow the commendation`);
  }
  return null;
}

/**
 * Whether a departure (离开瓯海工作) can be recorded on the file. Shared by the file's last moments
 * (commended, about to continue as the schedule) and the payment schedule, so a departure sent
 * across that boundary is taken either way and never lost. A return to the district is not in the
 * notice: once recorded, the departure stands unless the office corrects it.
 */
export function refuseDeparture(state: CandidateStateV2, req: DepartureRequestV1): Refusal | null {
  const basic = refuseOnFile(state, req, 'records a departure');
  if (basic) return basic;
  if (state.departure) {
    return refuse(
      FailureType.NotAwaitingDecision,
      `departure already recorded (left on ${state.departure.leftOn}); a wrong date is corrected, with a reason, through the correction`,
    );
  }
  return refuseDate(state, req.leftOn);
}

export function recordDeparture(state: CandidateStateV2, req: DepartureRequestV1, at: string): CandidateStateV2 {
  state.departure = { leftOn: req.leftOn, reason: req.reason, actor: req.actor, at };
  return state;
}

/** A correction needs a departure to correct and must change something. */
export function refuseDepartureCorrection(state: CandidateStateV2, req: DepartureCorrectionV1): Refusal | null {
  const basic = refuseOnFile(state, req, 'corrects a departure');
  if (basic) return basic;
  if (!state.departure) return refuse(FailureType.NotAwaitingDecision, 'no departure is recorded, so there is none to correct');
  if (req.leftOn === null) return null;
  const date = refuseDate(state, req.leftOn);
  if (date) return date;
  if (req.leftOn === state.departure.leftOn) return refuse(FailureType.NotAwaitingDecision, `the departure already says leftOn ${req.leftOn}`);
  return null;
}

/** Moves the departure to the corrected date, or removes it; the correction is kept beside it. */
export function correctDeparture(state: CandidateStateV2, req: DepartureCorrectionV1, at: string): CandidateStateV2 {
  const departure = state.departure!;
  (state.departureCorrections ??= []).push({ from: departure.leftOn, to: req.leftOn, reason: req.reason, actor: req.actor, at });
  state.departure = req.leftOn === null ? null : { leftOn: req.leftOn, reason: departure.reason, actor: departure.actor, at: departure.at };
  return state;
}

/**
 * Whether an instalment due on `dueOn` is owed: only while the master still works in the district
 * on its due date, so nothing due on or after the day they left.
 */
export function subsidyOwed(departure: Pick<DepartureRecord, 'leftOn'> | null, dueOn: string): boolean {
  return departure === null || dueOn < departure.leftOn;
}
