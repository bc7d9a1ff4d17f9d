import { condition } from '@temporalio/workflow';
import type { RoundActivities } from '../../activities/round.activities';
import {
  cohortBatch,
  packWrites,
  unpackCandidates,
  reReviewList,
  roundSummary,
  shanghaiMidnight,
  standing,
  unpackState,
  withVotes,
  type Actor,
  type ApprovalV1,
  type CeremonyV1,
  type CohortDecisionV1,
  type CohortStepV1,
  type CohortTarget,
  type FileClosedV1,
  type FormalListV1,
  type FormalListV2,
  type ObjectionFiledV1,
  type ObjectionResolutionV1,
  type ObjectionStateV1,
  type OpenVotingV1,
  type PhaseChangeV1,
  type ReReviewListV1,
  type RoundEntryV2,
  type RoundEntryWriteV2,
  type RoundInputV1,
  type RoundPhase,
  type RoundStateV2,
  type RoundSummaryV1,
  type StartNoticeV1,
} from '../../libs/contract';

export type RoundEffects = Pick<RoundActivities, 'syncRound' | 'openCandidates' | 'saveEntries' | 'votesByCandidate' | 'saveObjectionResolution' | 'notifyCohort'> & {
  now(): string;
};

/**
 * Decisions for the files, waiting to be sent; each job carries one cohort step. Its reasons are
 * inline, or (`reasonsId`) the ones the API stored, which the activity reads as it sends.
 */
interface Job {
  decision: Omit<CohortDecisionV1, 'reason' | 'detail'>;
  targets: CohortTarget[];
  reasonsId?: string;
}

/** The reason an entry's next write gives it: a text (null: none), or the API's stored one. */
type ReasonChange = Pick<RoundEntryWriteV2, 'reason' | 'reasonsId'>;

const DAY_MS = 86_400_000;
/** Batch size of the fan-out and of entry writes: a few events in the round's history per batch. */
export const BATCH = 500;

function chunks<T>(items: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function initialRoundState(input: RoundInputV1): RoundStateV2 {
  return {
    roundId: input.roundId,
    year: input.year,
    quota: input.quota,
    phase: 'nominating',
    windows: {
      nominationOpensAt: input.nominationOpensAt,
      nominationClosesAt: input.nominationClosesAt,
      reviewClosesAt: input.reviewClosesAt,
      votingOpensAt: null,
      votingClosesAt: null,
      noticeStartsAt: null,
      noticeEndsAt: null,
      ceremonyAt: null,
    },
    weights: input.weights,
    notShortlisted: 0,
    entries: [],
    objections: [],
    ceremony: null,
    actions: [],
    cohortSeq: 0,
  };
}

/**
 * One annual round (年度评选): its windows, the re-review list, the vote, the formal list within the
 * quota, the public notice and its objections, the government's approval and the ceremony. Update
 * handlers check (in the validators) and record; the main loop (`run`) moves the phase on at the
 * ends of windows and sends the cohort's decisions to the files, in batches, through activities.
 */
export class AnnualRound {
  readonly state: RoundStateV2;
  private readonly outbox: Job[] = [];
  /**
   * Entries changed since they were last written to `round_entries`, with the reason their outcome
   * came with: reasons wait here until written, and never enter the state (nor the next run's input).
   */
  private readonly dirty = new Map<string, ReasonChange>();
  private reported = '';
  private indexed: RoundEntryV2[] | null = null;
  private index = new Map<string, RoundEntryV2>();

  constructor(
    private readonly input: RoundInputV1,
    private readonly fx: RoundEffects,
  ) {
    this.state = input.state ? unpackState(input.state) : initialRoundState(input);
  }

  // The office's, the leadership group's and the government's actions --------------------------

  async changePhase(req: PhaseChangeV1): Promise<RoundSummaryV1> {
    const w = this.state.windows;
    const until = req.action === 'close' ? this.fx.now() : new Date(Date.parse(req.until!)).toISOString();
    const phase = this.state.phase;
    if (phase === 'nominating') w.nominationClosesAt = until;
    if (phase === 'reviewing') w.reviewClosesAt = until;
    if (phase === 'voting') w.votingClosesAt = until;
    if (phase === 'public_notice') w.noticeEndsAt = until;
    this.record(req.action, req.reason, req.actor, { until });
    await this.sync();
    return roundSummary(this.state);
  }

  /** 复审名单: those who completed expert review, ranked; files still in individual stages end as not shortlisted. */
  async freezeReReviewList(req: ReReviewListV1): Promise<RoundSummaryV1> {
    const s = this.state;
    s.phase = 're_review_list'; // at once, so a second request is refused while this one works
    const open = unpackCandidates(await this.fx.openCandidates(s.roundId));
    const reviewed = open.filter((c) => c.scoreCenti !== null).map((c) => ({ candidateId: c.candidateId, scoreCenti: c.scoreCenti! }));
    s.entries = reReviewList(reviewed, req.size);
    const listed = new Set(s.entries.map((e) => e.candidateId));
    const notShortlisted = open.filter((c) => !listed.has(c.candidateId)).map((c) => c.candidateId);
    s.notShortlisted = notShortlisted.length;
    s.entries.forEach((e) => this.dirty.set(e.candidateId, { reason: null }));
    this.record('freeze_re_review_list', req.reason, req.actor, { size: req.size });
    this.send(
      'shortlisted',
      req.actor,
      s.entries.map((e) => ({ candidateId: e.candidateId, detail: { rank: e.rank } })),
    );
    const why =
      req.size && reviewed.length > s.entries.length
        ? `not among the first ${req.size} of the re-review list`
        : 'expert review was not completed when the re-review list was frozen';
    this.send(
      'not_shortlisted',
      req.actor,
      notShortlisted.map((candidateId) => ({ candidateId, reason: `${why}: ${req.reason.trim()}` })),
    );
    await this.sync();
    return roundSummary(s);
  }

  async openVoting(req: OpenVotingV1): Promise<RoundSummaryV1> {
    const s = this.state;
    const now = Date.now();
    s.windows.votingOpensAt = new Date(now).toISOString();
    s.windows.votingClosesAt = new Date(req.closesAt ? Date.parse(req.closesAt) : now + this.input.votingDays * DAY_MS).toISOString();
    s.phase = 'voting';
    this.record('open_voting', req.reason, req.actor, { until: s.windows.votingClosesAt });
    // Written before the reply: the public vote reads the window from the database.
    await this.sync();
    return roundSummary(s);
  }

  formalList(req: FormalListV1): RoundSummaryV1 {
    for (const { candidateId, reason } of req.selected) this.decide(candidateId, 'selected', reason);
    for (const { candidateId, reason } of req.leftOut) this.decide(candidateId, 'left_out', reason);
    this.record('formal_list', `${req.selected.length} selected, ${req.leftOut.length} left out`, req.actor);
    this.send('selected', req.actor, req.selected);
    this.send('left_out', req.actor, req.leftOut);
    return roundSummary(this.state);
  }

  /** The formal list by ids: each reason is the one the API stored under `reasonsId`. */
  formalListV2(req: FormalListV2): RoundSummaryV1 {
    const stored = { reasonsId: req.reasonsId };
    for (const candidateId of req.selected) this.decide(candidateId, 'selected', stored);
    for (const candidateId of req.leftOut) this.decide(candidateId, 'left_out', stored);
    this.record('formal_list', `${req.selected.length} selected, ${req.leftOut.length} left out`, req.actor);
    const targets = (ids: string[]) => ids.map((candidateId) => ({ candidateId }));
    this.send('selected', req.actor, targets(req.selected), stored);
    this.send('left_out', req.actor, targets(req.leftOut), stored);
    return roundSummary(this.state);
  }

  async startNotice(req: StartNoticeV1): Promise<RoundSummaryV1> {
    const s = this.state;
    const now = Date.now();
    s.windows.noticeStartsAt = new Date(now).toISOString();
    s.windows.noticeEndsAt = new Date(now + this.input.publicNoticeMs).toISOString();
    s.phase = 'public_notice';
    this.record('start_public_notice', req.reason, req.actor, { until: s.windows.noticeEndsAt });
    const selected = standing(s, 'selected').map((e) => ({ candidateId: e.candidateId, detail: { noticeEndsAt: s.windows.noticeEndsAt! } }));
    this.send('notice_started', req.actor, selected);
    await this.sync();
    return roundSummary(s);
  }

  fileObjection(req: ObjectionFiledV1): ObjectionStateV1 {
    const objection: ObjectionStateV1 = { objectionId: req.objectionId, candidateId: req.candidateId, filedAt: this.fx.now(), status: 'open' };
    this.state.objections.push(objection);
    return objection;
  }

  /** Upheld: the candidate is disqualified (reason kept); dismissed: the notice goes on. */
  async resolveObjection(req: ObjectionResolutionV1): Promise<ObjectionStateV1> {
    const objection = this.state.objections.find((o) => o.objectionId === req.objectionId)!;
    Object.assign(objection, { status: req.outcome, reason: req.reason.trim(), resolvedBy: req.actor, resolvedAt: this.fx.now() });
    if (req.outcome === 'upheld') {
      const entry = this.entry(objection.candidateId);
      if (entry?.outcome === 'selected') {
        this.decide(objection.candidateId, 'disqualified', `objection upheld: ${req.reason.trim()}`);
        this.send('objection_upheld', req.actor, [{ candidateId: objection.candidateId, reason: `objection upheld: ${req.reason.trim()}` }]);
      }
    }
    this.record(`objection_${req.outcome}`, req.reason, req.actor);
    await this.fx.saveObjectionResolution({
      objectionId: objection.objectionId,
      outcome: req.outcome,
      reason: objection.reason!,
      resolvedBy: req.actor.userId,
      resolvedAt: objection.resolvedAt!,
    });
    return objection;
  }

  approve(req: ApprovalV1): RoundSummaryV1 {
    for (const candidateId of req.approved) this.decide(candidateId, 'approved', null);
    for (const { candidateId, reason } of req.notApproved) this.decide(candidateId, 'not_approved', reason);
    this.state.phase = 'commendation';
    this.record('approval', `${req.approved.length} approved, ${req.notApproved.length} not approved`, req.actor);
    this.send(
      'approved',
      req.actor,
      req.approved.map((candidateId) => ({ candidateId })),
    );
    this.send('not_approved', req.actor, req.notApproved);
    return roundSummary(this.state);
  }

  /** The ceremony date may lie ahead: commendation takes effect on it, by a durable timer. */
  ceremony(req: CeremonyV1): RoundSummaryV1 {
    const s = this.state;
    s.ceremony = { date: req.date, place: req.place?.trim() || null };
    s.windows.ceremonyAt = new Date(shanghaiMidnight(req.date)).toISOString();
    this.record('ceremony', req.reason, req.actor, { until: s.windows.ceremonyAt });
    return roundSummary(s);
  }

  /** A file that ended on its own (withdrawn, disqualified) no longer counts on the list. */
  fileClosed(req: FileClosedV1): void {
    const entry = this.entry(req.candidateId);
    if (entry && (entry.outcome === null || entry.outcome === 'selected' || entry.outcome === 'approved')) {
      this.decide(req.candidateId, req.kind === 'withdrawn' ? 'withdrawn' : 'disqualified', `the file was ${req.kind}`);
    }
  }

  // The main loop ------------------------------------------------------------------------------

  /** Runs the phases; resolves 'continue' when the history is long enough to continue as new. */
  async run(shouldContinue: () => boolean): Promise<'closed' | 'continue'> {
    for (;;) {
      await this.drain();
      const phase = this.state.phase;
      if (phase === 'closed') return 'closed';
      if (shouldContinue()) return 'continue';
      const due = this.dueAt();
      if (due !== null && due <= Date.now()) {
        await this.onDue(phase);
        continue;
      }
      const moved = () => this.outbox.length > 0 || this.dirty.size > 0 || this.state.phase !== phase || this.dueAt() !== due;
      if (due === null) await condition(moved);
      else await condition(moved, due - Date.now());
    }
  }

  /** True when nothing is left to send or write, so the run can end or continue as new. */
  idle(): boolean {
    return this.outbox.length === 0 && this.dirty.size === 0;
  }

  /** When the main loop itself must move the phase on, or null while it waits for people. */
  private dueAt(): number | null {
    const s = this.state;
    const w = s.windows;
    const at = (iso: string | null) => (iso ? Date.parse(iso) : null);
    switch (s.phase) {
      case 'nominating':
        return at(w.nominationClosesAt);
      case 'voting':
        return at(w.votingClosesAt);
      case 'public_notice':
        // The notice cannot close while an objection is unresolved.
        return s.objections.some((o) => o.status === 'open') ? null : at(w.noticeEndsAt);
      case 'commendation':
        return at(w.ceremonyAt);
      default:
        return null;
    }
  }

  private async onDue(phase: RoundPhase): Promise<void> {
    const s = this.state;
    if (phase === 'nominating') s.phase = 'reviewing';
    if (phase === 'voting') {
      const votes = await this.fx.votesByCandidate(s.roundId);
      s.entries = withVotes(s.entries, votes, s.weights);
      // Re-ranked, each keeps its reason (an outcome decided but not yet written keeps the new one).
      s.entries.forEach((e) => this.dirty.set(e.candidateId, this.dirty.get(e.candidateId) ?? {}));
      s.phase = 'leadership_review';
      this.send(
        'voting_closed',
        null,
        standing(s).map((e) => ({ candidateId: e.candidateId, detail: { votes: e.votes ?? 0 } })),
      );
    }
    if (phase === 'public_notice') {
      s.phase = 'government_approval';
      this.send(
        'notice_closed',
        null,
        standing(s, 'selected').map((e) => ({ candidateId: e.candidateId })),
      );
    }
    if (phase === 'commendation') {
      const approved = standing(s, 'approved');
      approved.forEach((e) => this.decide(e.candidateId, 'commended', null));
      s.phase = 'closed';
      this.send(
        'commended',
        null,
        approved.map((e) => ({ candidateId: e.candidateId })),
        { at: s.windows.ceremonyAt! },
      );
    }
    await this.sync();
  }

  /** Writes changed entries, then sends the waiting decisions, batch by batch, in order. */
  async drain(): Promise<void> {
    if (this.dirty.size) {
      const changed: RoundEntryWriteV2[] = this.state.entries.filter((e) => this.dirty.has(e.candidateId)).map((e) => ({ ...e, ...this.dirty.get(e.candidateId) }));
      this.dirty.clear();
      for (const batch of chunks(changed)) await this.fx.saveEntries({ roundId: this.state.roundId, entries: packWrites(batch) });
    }
    while (this.outbox.length) {
      const job = this.outbox[0];
      for (const batch of chunks(job.targets)) await this.fx.notifyCohort(cohortBatch(job.decision, batch, job.reasonsId));
      this.outbox.shift();
    }
    await this.sync();
  }

  /** Reports the phase and windows to the `rounds` row when they changed. */
  private async sync(): Promise<void> {
    const s = this.state;
    const report = { roundId: s.roundId, phase: s.phase, windows: s.windows, ceremonyDate: s.ceremony?.date ?? null };
    const key = JSON.stringify(report);
    if (key === this.reported) return;
    await this.fx.syncRound(report);
    this.reported = key;
  }

  private send(step: CohortStepV1, actor: Actor | null, targets: Job['targets'], extra: { at?: string; reasonsId?: string } = {}): void {
    if (!targets.length) return;
    const at = extra.at ?? this.fx.now();
    this.outbox.push({ decision: { seq: ++this.state.cohortSeq, step, at, ...(actor && { actor }) }, targets, ...(extra.reasonsId && { reasonsId: extra.reasonsId }) });
  }

  private decide(candidateId: string, outcome: NonNullable<RoundEntryV2['outcome']>, reason: string | null | { reasonsId: string }): void {
    const entry = this.entry(candidateId);
    if (!entry) return;
    entry.outcome = outcome;
    this.dirty.set(candidateId, typeof reason === 'object' && reason ? reason : { reason: reason?.trim() || null });
  }

  /** Entries by candidate; rebuilt whenever the list itself is replaced (frozen, or re-ranked with the votes). */
  private entry(candidateId: string): RoundEntryV2 | undefined {
    if (this.indexed !== this.state.entries) {
      this.indexed = this.state.entries;
      this.index = new Map(this.state.entries.map((e) => [e.candidateId, e]));
    }
    return this.index.get(candidateId);
  }

  private record(action: string, reason: string, actor: Actor, extra: { until?: string; size?: number } = {}): void {
    this.state.actions.push({
      phase: this.state.phase,
      action,
      reason: reason.trim(),
      actor,
      at: this.fx.now(),
      ...(extra.until && { until: extra.until }),
      ...(extra.size && { size: extra.size }),
    });
  }
}
