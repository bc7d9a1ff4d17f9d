import { condition, getExternalWorkflowHandle, upsertSearchAttributes } from '@temporalio/workflow';
import type { AlertReport, StatusReport } from '../../activities/review.activities';
import {
  FailureType,
  ROUND_DECIDED_STAGES,
  SA_ROUND,
  SA_STAGE,
  SA_STATUS,
  initialCandidateState,
  isClosedStatus,
  refuseDecision,
  refuseReviewDecision,
  fileClosedSignal,
  stagesFor,
  type Actor,
  type ClosureKind,
  type CohortDecisionV1,
  type CandidateInputV2,
  type CandidateStateV2,
  type CandidateStatus,
  type ClosingRequestV1,
  type ConflictDeclarationV1,
  type DecisionRecord,
  type DecisionRequestV2,
  type PanelAssignmentV1,
  type PaymentScheduleInputV2,
  type Refusal,
  type ResubmissionRequestV2,
  type Role,
  type ScoreSubmissionV1,
  type Stage,
  sameActor,
} from '../../libs/contract';
import { awaitWithDeadlines } from '../deadlines';
import { StatusProjection } from '../status-projection';
import { ExpertPanel } from './expert-panel';

/** What the file asks of the world: the clock and its two activities. */
export interface FileEffects {
  now(): string;
  syncStatus(report: StatusReport): Promise<void>;
  raiseAlert(alert: AlertReport): Promise<void>;
}

const refusal = (type: FailureType, message: string): Refusal => ({ type, message });
const onlyRole = (actor: Actor, role: Role, message: string): Refusal | null => (actor.role === role ? null : refusal(FailureType.WrongRole, message));

/**
 * One candidate's file from nomination to commendation: the individual stages in the notice's order,
 * reviewers acting through Updates. Update handlers only check and record; the main loop (`run`)
 * moves the file on. At commendation the run ends and the workflow continues as the master's payment
 * schedule (see `paymentScheduleInput`).
 */
export class CandidateFile {
  readonly state: CandidateStateV2;
  private readonly panel: ExpertPanel;
  private readonly projection: StatusProjection;
  /** The decision the main loop has yet to act on; the decide handler only records it. */
  private pending: DecisionRecord | null = null;
  /** The round's decisions not yet acted on, in order, and the last one taken. */
  private readonly cohort: CohortDecisionV1[] = [];
  private cohortSeq = 0;

  constructor(
    private readonly input: CandidateInputV2,
    private readonly fx: FileEffects,
  ) {
    this.state = initialCandidateState(input, fx.now());
    this.state.dueAt = input.review.deadlines[this.state.stage as Stage] ?? null;
    this.panel = new ExpertPanel(this.state.panel, input.review.minPanelSize);
    this.projection = new StatusProjection(input.candidateId, this.state, (r) => fx.syncStatus(r));
  }

  // Stage decisions -------------------------------------------------------------------------

  refuseDecision(req: DecisionRequestV2): Refusal | null {
    // The round's stages first: whatever stage the file is at, the answer that helps is "the round decides this".
    const refused = this.refuseRoundDecided(req) ?? refuseDecision(this.state, req) ?? refuseReviewDecision(this.state, req);
    if (refused) return refused;
    return this.pending ? refusal(FailureType.NotAwaitingDecision, `stage '${this.state.stage}' was decided a moment ago`) : null;
  }

  /** Replies once the main loop has acted, so the caller sees the stage the file moved to. */
  async decide(req: DecisionRequestV2): Promise<CandidateStateV2> {
    const record: DecisionRecord = { ...req, reason: req.reason.trim(), at: this.fx.now() };
    this.state.decisions.push(record);
    this.pending = record;
    await condition(() => this.pending !== record);
    return this.state;
  }

  refuseResubmission(req: ResubmissionRequestV2): Refusal | null {
    if (this.state.status !== 'returned') {
      return refusal(FailureType.NotAwaitingDecision, `the file is not with its submitter (status '${this.state.status}')`);
    }
    if (!sameActor(this.input.submittedBy, req.actor) && req.actor.role !== 'union_office') {
      return refusal(FailureType.WrongRole, 'only the submitter or the programme office may resubmit the file');
    }
    return null;
  }

  resubmit(req: ResubmissionRequestV2): CandidateStateV2 {
    const s = this.state;
    s.resubmissions.push({ stage: s.stage as Stage, note: req.note, actor: req.actor, at: this.fx.now(), ...(req.version && { version: req.version }) });
    if (req.version) s.version = req.version;
    if (req.prechecks) s.prechecks = req.prechecks;
    if (req.conditions?.length) s.conditions = req.conditions;
    this.enter(s.stage, 'awaiting_decision');
    return s;
  }

  // The expert panel --------------------------------------------------------------------------

  refuseAssignment(req: PanelAssignmentV1): Refusal | null {
    return onlyRole(req.actor, 'union_office', 'only the programme office seats the expert panel') ?? this.refuseUnlessExpertReview() ?? this.panel.refuseAssignment(req);
  }

  assignPanel(req: PanelAssignmentV1): CandidateStateV2 {
    this.panel.assign(req, this.fx.now());
    this.refreshPanelStatus();
    return this.state;
  }

  refuseConflict(req: ConflictDeclarationV1): Refusal | null {
    return (
      onlyRole(req.actor, 'expert', 'only an expert declares a conflict of interest') ??
      this.refuseUnlessExpertReview() ??
      this.panel.refuseConflict(req.actor, req.reason)
    );
  }

  declareConflict(req: ConflictDeclarationV1): CandidateStateV2 {
    this.panel.declareConflict(req.actor, req.reason, this.fx.now());
    this.refreshPanelStatus();
    return this.state;
  }

  refuseScores(req: ScoreSubmissionV1): Refusal | null {
    return (
      onlyRole(req.actor, 'expert', 'only an expert scores') ?? this.refuseUnlessExpertReview() ?? this.panel.refuseScores(req.actor, req.scores, this.state.conditions)
    );
  }

  /** The last score completes the stage: reply once the main loop has moved on, with the panel's score. */
  async submitScores(req: ScoreSubmissionV1): Promise<CandidateStateV2> {
    this.panel.score(req.actor, req.scores, this.state.conditions, this.fx.now());
    this.projection.changed();
    if (this.panel.isComplete()) await condition(() => this.state.expertScore !== null || this.state.closure !== null);
    return this.state;
  }

  // Withdrawal and disqualification -------------------------------------------------------------

  refuseWithdrawal(req: ClosingRequestV1): Refusal | null {
    // The candidate withdraws through the nominating side that filed the file, or the office records it for them.
    // Validators do not run on replay, so tightening who may withdraw changes no recorded history.
    if (!sameActor(this.input.submittedBy, req.actor) && req.actor.role !== 'union_office') {
      return refusal(FailureType.WrongRole, 'only the nominating unit or person who filed it, or the programme office, may withdraw a file');
    }
    return this.refuseClosing(req);
  }

  refuseDisqualification(req: ClosingRequestV1): Refusal | null {
    return onlyRole(req.actor, 'union_office', 'only the programme office disqualifies') ?? this.refuseClosing(req);
  }

  close(kind: ClosureKind, req: ClosingRequestV1): CandidateStateV2 {
    this.state.closure = { kind, reason: req.reason.trim(), actor: req.actor, at: this.fx.now() };
    this.enter(this.state.stage, kind);
    return this.state;
  }

  // The round's decisions ----------------------------------------------------------------------

  /**
   * A decision of the round about this file. Each is applied once (by `seq`); a decision that ends
   * the candidacy takes effect at once, whatever stage the file is at; the others wait in order for
   * the main loop, which follows the round once the individual stages are done.
   */
  receiveCohortDecision(d: CohortDecisionV1): void {
    if (d.seq <= this.cohortSeq || !this.input.roundWorkflowId || this.state.commendedAt) return;
    this.cohortSeq = d.seq;
    if (this.isClosed()) return;
    const actor = d.actor ?? { userId: this.input.roundWorkflowId, role: 'union_office' };
    const decided = (stage: Stage, outcome: 'approve' | 'reject') =>
      this.state.decisions.push({ stage: stage as DecisionRequestV2['stage'], outcome, reason: d.reason ?? d.step, actor, at: this.fx.now() });
    const ending: Partial<Record<CohortDecisionV1['step'], [ClosureKind, Stage | null]>> = {
      not_shortlisted: ['not_shortlisted', null],
      left_out: ['left_out', 'leadership'],
      objection_upheld: ['disqualified', null],
      not_approved: ['not_approved', 'government_approval'],
    };
    const end = ending[d.step];
    if (end) {
      if (end[1]) decided(end[1], 'reject');
      this.close(end[0], { reason: d.reason ?? d.step, actor });
      return;
    }
    if (d.step === 'selected') decided('leadership', 'approve');
    if (d.step === 'approved') decided('government_approval', 'approve');
    if (d.step === 'commended') decided('commendation', 'approve');
    this.cohort.push(d);
  }

  /** The state changed from outside the class (a departure, in the moment after commendation): report it. */
  reportChange(): void {
    this.projection.changed();
  }

  // The main loop -----------------------------------------------------------------------------

  /** Walks the stages; resolves 'commended' when the file is done and the payments should start. */
  async run(): Promise<'commended' | 'closed'> {
    const s = this.state;
    // The stage lives in search attributes too: the history shows each entry, staff list files by it.
    upsertSearchAttributes([
      { key: SA_STAGE, value: s.stage },
      { key: SA_STATUS, value: s.status },
      ...(this.input.roundId ? [{ key: SA_ROUND, value: this.input.roundId }] : []),
    ]);
    this.projection.changed();
    this.projection.start();

    for (const stage of stagesFor(this.input.channel)) {
      if (this.isClosed()) return 'closed';
      if (stage === 'public_notice') {
        s.publicNoticeEndsAt = new Date(Date.now() + this.input.settings.publicNoticeMs).toISOString();
        this.enter(stage, 'in_public_notice');
        await condition(() => this.isClosed(), this.input.settings.publicNoticeMs);
        continue;
      }
      if (stage === 'expert_review') {
        await this.expertReview();
        if (this.input.roundWorkflowId) return this.followRound();
        continue;
      }
      if (s.stage !== stage) this.enter(stage, 'awaiting_decision');
      if (!(await this.decided(stage))) return 'closed';
    }
    if (this.isClosed()) return 'closed';
    s.commendedAt = new Date(Date.now()).toISOString();
    this.enter('payments', 'paying');
    return 'commended';
  }

  /**
   * Once its individual stages are done, a file in a round follows the round: the re-review list,
   * the vote, the formal list, the public notice, the government's approval, the ceremony.
   */
  private async followRound(): Promise<'commended' | 'closed'> {
    if (!this.isClosed()) this.enter('expert_review', 'awaiting_round');
    for (;;) {
      await condition(() => this.cohort.length > 0 || this.isClosed());
      if (this.isClosed()) return 'closed';
      const d = this.cohort.shift()!;
      const s = this.state;
      if (d.step === 'shortlisted') this.enter('voting', 'awaiting_round');
      if (d.step === 'voting_closed') this.enter('leadership', 'awaiting_round');
      if (d.step === 'selected') this.enter('public_notice', 'awaiting_round');
      if (d.step === 'notice_started') {
        s.publicNoticeEndsAt = d.detail?.noticeEndsAt ?? null;
        this.enter('public_notice', 'in_public_notice');
      }
      if (d.step === 'notice_closed') this.enter('government_approval', 'awaiting_round');
      if (d.step === 'approved') this.enter('commendation', 'awaiting_round');
      if (d.step === 'commended') {
        // Commendation takes effect on the ceremony date the office recorded, not when the signal arrived.
        s.commendedAt = d.at;
        this.enter('payments', 'paying');
        return 'commended';
      }
    }
  }

  /** Tells the round when the file ends on its own, so the round stops counting it. */
  async tellRoundIfClosed(): Promise<void> {
    const closure = this.state.closure;
    const round = this.input.roundWorkflowId;
    if (!round || !closure || (closure.kind !== 'withdrawn' && closure.kind !== 'disqualified')) return;
    // A round created before rounds ran as workflows has none to tell: nothing to do.
    await getExternalWorkflowHandle(round)
      .signal(fileClosedSignal, { candidateId: this.input.candidateId, kind: closure.kind })
      .catch(() => undefined);
  }

  /** True once every report has reached the database and no handler is still running. */
  flushed(): boolean {
    return this.projection.flushed();
  }

  /** The payment schedule's first input: the file as it stands at commendation. */
  paymentScheduleInput(): PaymentScheduleInputV2 {
    const { candidateId, roundId, settings } = this.input;
    const { bonusFen, subsidyMonthlyFen, subsidyMonths, subsidyDueDay } = settings;
    return {
      candidateId,
      roundId,
      commendedAt: this.state.commendedAt!,
      // Files nominated before the due day was a setting have none: their schedule keeps the 1st.
      terms: { bonusFen, subsidyMonthlyFen, subsidyMonths, ...(subsidyDueDay !== undefined && { subsidyDueDay }) },
      file: this.state,
      projectionSeq: this.projection.lastSeq,
    };
  }

  /** Waits for the stage's decision, through returns and resubmissions; false if the candidacy ended. */
  private async decided(stage: Stage): Promise<boolean> {
    for (;;) {
      await this.waitFor(stage, () => this.pending !== null);
      if (this.isClosed()) return false;
      const decision = this.pending!;
      this.pending = null;
      if (decision.outcome === 'approve') return true;
      if (decision.outcome === 'reject') {
        this.enter(stage, 'rejected');
        return false;
      }
      this.enter(stage, 'returned'); // resumes through the resubmit Update
    }
  }

  /** Completes by itself when every seated expert has scored; the panel's score is the trimmed mean. */
  private async expertReview(): Promise<void> {
    this.enter('expert_review', this.panel.status());
    await this.waitFor('expert_review', () => this.panel.isComplete());
    if (this.state.closure) return;
    this.state.expertScore = this.panel.result();
    this.projection.changed();
  }

  private waitFor(stage: Stage, done: () => boolean): Promise<void> {
    return awaitWithDeadlines({
      stage,
      plan: this.input.review,
      alerts: this.state.alerts,
      done: () => done() || this.isClosed(),
      raise: async (alert) => {
        this.state.alerts.push({ ...alert, at: this.fx.now() });
        this.projection.changed();
        await this.fx.raiseAlert({ candidateId: this.input.candidateId, ...alert });
      },
    });
  }

  private enter(stage: CandidateStateV2['stage'], status: CandidateStatus): void {
    const s = this.state;
    if (s.stage !== stage) {
      s.stageEnteredAt = this.fx.now();
      s.dueAt = this.input.review.deadlines[stage as Stage] ?? null;
    }
    s.stage = stage;
    s.status = status;
    this.projection.changed();
    upsertSearchAttributes([
      { key: SA_STAGE, value: stage },
      { key: SA_STATUS, value: status },
    ]);
  }

  private refreshPanelStatus(): void {
    const status = this.panel.status();
    if (this.state.status !== status) this.enter('expert_review', status);
    else this.projection.changed();
  }

  private refuseRoundDecided(req: DecisionRequestV2): Refusal | null {
    if (!this.input.roundWorkflowId || !(ROUND_DECIDED_STAGES as readonly string[]).includes(req.stage)) return null;
    return refusal(FailureType.NotAwaitingDecision, `stage '${req.stage}' is decided by the round for all its candidates, not file by file`);
  }

  private refuseUnlessExpertReview(): Refusal | null {
    const s = this.state;
    if (isClosedStatus(s.status)) return refusal(FailureType.CandidateClosed, `the candidacy is ${s.status}`);
    if (s.stage !== 'expert_review') return refusal(FailureType.WrongStage, `the candidate is at stage '${s.stage}' (${s.status}), not in expert review`);
    return null;
  }

  private refuseClosing(req: ClosingRequestV1): Refusal | null {
    if (!req.reason?.trim()) return refusal(FailureType.InvalidRequest, 'a reason is required');
    const s = this.state;
    if (isClosedStatus(s.status) || s.stage === 'payments' || s.stage === 'closed') {
      return refusal(FailureType.CandidateClosed, `too late: the candidacy is at '${s.stage}' (${s.status})`);
    }
    return null;
  }

  private isClosed(): boolean {
    return this.state.closure !== null;
  }
}
