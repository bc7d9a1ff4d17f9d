import { condition } from '@temporalio/workflow';
import type { StudioGrantRequest, StudioReport } from '../../activities/studio.activities';
import {
  CLOSED_STUDIO_STATUSES,
  FailureType,
  initialStudioState,
  sameActor,
  screeningProblems,
  shanghaiDate,
  type Actor,
  type Refusal,
  type ScreeningV1,
  type StudioApprovalV1,
  type StudioClosure,
  type StudioInputV1,
  type StudioResubmissionV1,
  type StudioStateV1,
  type StudioWithdrawalV1,
} from '../../libs/contract';

/** What the studio asks of the world: the clock, its record in PostgreSQL and the grant's instruction. */
export interface StudioEffects {
  now(): string;
  syncStudio(report: StudioReport): Promise<void>;
  createStudioGrant(req: StudioGrantRequest): Promise<{ taskId: string }>;
}

const refusal = (type: FailureType, message: string): Refusal => ({ type, message });

/**
 * One demonstration studio's application (以大师个人名字命名的示范性工作室), from filing to naming and
 * its grant. Update handlers check and record; the main loop (`run`) creates the grant once the
 * leadership group has approved, then the run ends. Every change is written to the `studios` row
 * (in order, by `seq`), which the lists and the programme report read.
 */
export class Studio {
  readonly state: StudioStateV1;
  private seq = 0;
  private synced = 0;

  constructor(
    private readonly input: StudioInputV1,
    private readonly fx: StudioEffects,
  ) {
    this.state = initialStudioState(input, fx.now());
  }

  // Screening against the batch's creation standard --------------------------------------------

  refuseScreening(req: ScreeningV1): Refusal | null {
    if (req.actor.role !== 'union_office') return refusal(FailureType.WrongRole, 'only the programme office screens studio applications');
    const waiting = this.refuseUnless('applied', 'awaiting screening');
    if (waiting) return waiting;
    const problems = screeningProblems(this.input.criteria, req);
    return problems.length ? refusal(FailureType.InvalidRequest, problems.map((p) => `${p.field}: ${p.reason}`).join('; ')) : null;
  }

  screen(req: ScreeningV1): StudioStateV1 {
    this.state.screenings.push({ ...req, reason: req.reason.trim(), at: this.fx.now() });
    if (req.outcome === 'pass') this.state.status = 'screened';
    if (req.outcome === 'return') this.state.status = 'returned';
    if (req.outcome === 'fail') this.close('rejected', req.reason, req.actor);
    this.changed();
    return this.state;
  }

  refuseResubmission(req: StudioResubmissionV1): Refusal | null {
    return this.refuseUnlessApplicant(req.actor, 'resubmit it') ?? this.refuseUnless('returned', 'with its applicant');
  }

  resubmit(req: StudioResubmissionV1): StudioStateV1 {
    this.state.resubmissions.push({ ...req, at: this.fx.now() });
    this.state.status = 'applied';
    this.changed();
    return this.state;
  }

  // Withdrawal ----------------------------------------------------------------------------------

  refuseWithdrawal(req: StudioWithdrawalV1): Refusal | null {
    const who = this.refuseUnlessApplicant(req.actor, 'withdraw it');
    if (who) return who;
    if (!req.reason?.trim()) return refusal(FailureType.InvalidRequest, 'reason: a reason is required');
    if (this.state.status === 'named') return refusal(FailureType.CandidateClosed, `too late: the studio was named on ${this.state.namedOn}`);
    return this.refuseIfClosed();
  }

  withdraw(req: StudioWithdrawalV1): StudioStateV1 {
    this.close('withdrawn', req.reason, req.actor);
    this.changed();
    return this.state;
  }

  // The leadership group's approval of the batch ------------------------------------------------

  refuseApproval(req: StudioApprovalV1): Refusal | null {
    if (req.actor.role !== 'leadership') return refusal(FailureType.WrongRole, 'only the leadership group approves studios');
    // The same batch approval again (a retry): answered with where the studio stands.
    if (this.state.approval?.approvalId === req.approvalId) return null;
    if (!req.approved && !req.reason?.trim()) return refusal(FailureType.InvalidRequest, 'reason: a reason is required for a studio not approved');
    return this.refuseUnless('screened', 'screened and awaiting approval');
  }

  /** An approved studio is answered once its grant's instruction exists, so the reply shows it. */
  async decide(req: StudioApprovalV1): Promise<StudioStateV1> {
    const s = this.state;
    if (s.approval?.approvalId !== req.approvalId) {
      s.approval = { ...req, reason: req.reason?.trim() || null, at: this.fx.now() };
      if (req.approved) {
        s.status = 'named';
        s.namedOn = shanghaiDate(Date.now());
      } else this.close('not_approved', req.reason ?? '', req.actor);
      this.changed();
    }
    if (s.status === 'named') await condition(() => s.grant !== null);
    return s;
  }

  // The main loop -------------------------------------------------------------------------------

  /** Waits for the naming (or the end), creates the grant's instruction once, and ends with everything recorded. */
  async run(): Promise<StudioStateV1> {
    const s = this.state;
    this.changed();
    void this.pump();
    await condition(() => s.status === 'named' || s.closure !== null);
    if (s.status === 'named') {
      const dueOn = s.namedOn!;
      const { taskId } = await this.fx.createStudioGrant({ studioId: s.studioId, masterId: s.masterId, amountFen: this.input.grantFen, dueOn });
      s.grant = { taskId, amountFen: this.input.grantFen, dueOn };
      this.changed();
    }
    return s;
  }

  /** True once the last change has reached the database. */
  flushed(): boolean {
    return this.synced === this.seq;
  }

  private changed(): void {
    this.seq++;
  }

  /** Writes the latest state whenever the row is behind; runs for the life of the run. */
  private async pump(): Promise<void> {
    for (;;) {
      await condition(() => this.seq > this.synced);
      const seq = this.seq;
      await this.fx.syncStudio({ studioId: this.state.studioId, seq, state: this.state });
      this.synced = seq;
    }
  }

  private close(kind: StudioClosure, reason: string, actor: Actor): void {
    this.state.closure = { kind, reason: reason.trim(), actor, at: this.fx.now() };
    this.state.status = kind;
  }

  private refuseUnlessApplicant(actor: Actor, what: string): Refusal | null {
    if (sameActor(this.input.submittedBy, actor) || actor.role === 'union_office') return null;
    return refusal(FailureType.WrongRole, `only the applicant or the programme office may ${what}`);
  }

  private refuseIfClosed(): Refusal | null {
    const s = this.state;
    return CLOSED_STUDIO_STATUSES.includes(s.status)
      ? refusal(FailureType.CandidateClosed, `the studio application is ${s.status}: ${s.closure?.reason ?? ''}`.trim())
      : null;
  }

  private refuseUnless(status: StudioStateV1['status'], meaning: string): Refusal | null {
    if (this.state.status === status) return null;
    return this.refuseIfClosed() ?? refusal(FailureType.NotAwaitingDecision, `the studio is '${this.state.status}', not ${meaning}`);
  }
}
