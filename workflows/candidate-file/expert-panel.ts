import { FailureType, averageCenti, panelScoreCenti, type Actor, type Condition, type PanelAssignmentV1, type PanelSeatState, type Refusal } from '../../libs/contract';

/**
 * The expert panel (专家评审) of one file: pure state and rules, no Temporal calls, so it is unit
 * tested on its own. The office seats at least `minSize` experts; an expert of the candidate's
 * employer arrives recused; any seated expert may declare a conflict; each scores 0-100 for every
 * condition claimed, once; the panel's score is the trimmed mean of the experts' means.
 */
export class ExpertPanel {
  constructor(
    /** The file's seats, shared by reference with the file's state so queries see every change. */
    readonly seats: PanelSeatState[],
    readonly minSize: number,
  ) {}

  /** The seats that count: assigned or scored (not recused, not conflicted). */
  active(): PanelSeatState[] {
    return this.seats.filter((s) => s.status === 'assigned' || s.status === 'scored');
  }

  /** Enough experts seated, and every one of them has scored. */
  isComplete(): boolean {
    const seats = this.active();
    return seats.length >= this.minSize && seats.every((s) => s.status === 'scored');
  }

  /** The expert-review status a reviewer sees: waiting for the office to seat the panel, or for scores. */
  status(): 'awaiting_panel' | 'scoring' {
    return this.active().length >= this.minSize ? 'scoring' : 'awaiting_panel';
  }

  result(): { scoreCenti: number; counted: number; dropped: number } {
    return panelScoreCenti(this.active().map((s) => s.averageCenti!));
  }

  /** Checked after the role (the programme office) and the stage: the experts named. */
  refuseAssignment(req: PanelAssignmentV1): Refusal | null {
    const ids = req.experts.map((e) => e.userId);
    if (!ids.length) return { type: FailureType.InvalidRequest, message: 'name at least one expert' };
    const dup = ids.find((id, i) => ids.indexOf(id) !== i || this.seatOf(id));
    if (dup) return { type: FailureType.InvalidRequest, message: `expert ${dup} is named twice or already on the panel` };
    return null;
  }

  assign(req: PanelAssignmentV1, at: string): void {
    for (const e of req.experts) {
      this.seats.push({
        userId: e.userId,
        status: e.recusedBecause ? 'recused' : 'assigned',
        ...(e.recusedBecause && { reason: e.recusedBecause }),
        at,
      });
    }
  }

  /** Checked after the role (only an expert) and the stage (expert review): the seat, then the reason. */
  refuseConflict(actor: Actor, reason: string | undefined): Refusal | null {
    const notSeated = this.refuseNotSeated(actor);
    if (notSeated) return notSeated;
    const seat = this.seatOf(actor.userId)!;
    if (seat.status !== 'assigned') return { type: FailureType.NotAwaitingDecision, message: `your seat is already ${seat.status}` };
    if (!reason?.trim()) return { type: FailureType.InvalidRequest, message: 'say what the conflict is' };
    return null;
  }

  declareConflict(actor: Actor, reason: string, at: string): void {
    Object.assign(this.seatOf(actor.userId)!, { status: 'conflict', reason: reason.trim(), at });
  }

  /** Checked after the role and the stage: the seat, then every score. */
  refuseScores(actor: Actor, scores: Record<string, number> | undefined, conditions: Condition[]): Refusal | null {
    const notSeated = this.refuseNotSeated(actor);
    if (notSeated) return notSeated;
    const seat = this.seatOf(actor.userId)!;
    if (seat.status !== 'assigned') return { type: FailureType.NotAwaitingDecision, message: `your seat is ${seat.status}; scores are given once` };
    const keys = scoreKeys(conditions);
    const extra = Object.keys(scores ?? {}).filter((k) => !keys.includes(k));
    if (extra.length) return { type: FailureType.InvalidRequest, message: `the candidate claims no ${extra.join(', ')}; score ${keys.join(', ')}` };
    for (const k of keys) {
      const v = scores?.[k];
      if (!Number.isInteger(v) || v! < 0 || v! > 100) return { type: FailureType.InvalidRequest, message: `scores.${k} must be a whole number from 0 to 100` };
    }
    return null;
  }

  score(actor: Actor, given: Record<string, number>, conditions: Condition[], at: string): void {
    const scores = Object.fromEntries(scoreKeys(conditions).map((k) => [k, given[k]]));
    Object.assign(this.seatOf(actor.userId)!, { status: 'scored', scores, averageCenti: averageCenti(scores), at });
  }

  private seatOf(userId: string): PanelSeatState | undefined {
    return this.seats.find((s) => s.userId === userId);
  }

  private refuseNotSeated(actor: Actor): Refusal | null {
    return this.seatOf(actor.userId) ? null : { type: FailureType.WrongRole, message: "you are not on this candidate's panel" };
  }
}

/** The conditions each expert scores: those claimed, or one overall score if none were recorded. */
export function scoreKeys(conditions: Condition[]): string[] {
  return conditions.length ? [...conditions] : ['overall'];
}
