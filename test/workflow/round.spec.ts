import { Client, Connection, WorkflowNotFoundError, type WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { temporal } from '@temporalio/proto';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  FailureType,
  approvalUpdate,
  candidateWorkflowId,
  ceremonyUpdate,
  cohortDecisionSignal,
  fileObjectionUpdate,
  formalListUpdate,
  formalListV2Update,
  freezeReReviewListUpdate,
  reReviewList,
  withVotes,
  openVotingUpdate,
  resolveObjectionUpdate,
  roundSummaryQuery,
  roundWorkflowId,
  shanghaiDate,
  startNoticeUpdate,
  stateQuery,
  TASK_QUEUE,
  type Actor,
  type CandidateStateV2,
  type CohortDecisionV1,
  type RoundInputV1,
  type RoundStateV1,
} from '../../libs/contract';
import { fetchRunChain } from '../../apps/api/src/candidates/timeline';
import { candidateFileWorkflow, roundWorkflow } from '../../workflows';
import { decide, scorePanel } from '../support/decide';
import { FakePaymentStore } from '../support/fake-payment-store';
import { FakeReviewStore } from '../support/fake-review-store';
import { FakeRoundStore } from '../support/fake-round-store';
import { candidateInput, testDataConverter, testWorker, timeSkippingEnv } from '../support/workflow-env';
import { fetchDecodedHistory } from '../../libs/temporal/decode-history';

jest.setTimeout(Number(process.env.WF_TIMEOUT ?? 180_000));

const DAY = 864e5;
const OFFICE: Actor = { userId: 'office-1', role: 'union_office' };
const LEADERS: Actor = { userId: 'leader-1', role: 'leadership' };
const GOVERNMENT: Actor = { userId: 'gov-1', role: 'government' };

describe('roundWorkflow (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  const payments = new FakePaymentStore();
  const reviews = new FakeReviewStore();
  const rounds = new FakeRoundStore(reviews);
  /** Decisions delivered to files that do not exist (the large synthetic cohort), counted by step. */
  const undelivered: Record<string, number> = {};
  /** The synthetic cohort's ids: their decisions are counted without a signal (10,000 signals each step would dominate the test). */
  const synthetic = new Set<string>();
  let running: Promise<void>;
  let stopWorker: () => void;
  /** Reads whole histories: the default client refuses a message over 4 MB, which would hide the figure measured. */
  let reader: Client;

  beforeAll(async () => {
    env = await timeSkippingEnv();
    const send = async (candidateId: string, d: CohortDecisionV1) => {
      if (synthetic.has(candidateId)) {
        undelivered[d.step] = (undelivered[d.step] ?? 0) + 1;
        return;
      }
      await env.client.workflow
        .getHandle(candidateWorkflowId(candidateId))
        .signal(cohortDecisionSignal, d)
        .catch((err: unknown) => {
          if (!(err instanceof WorkflowNotFoundError)) throw err;
          undelivered[d.step] = (undelivered[d.step] ?? 0) + 1;
        });
    };
    const w = await testWorker(env, payments, reviews, TASK_QUEUE, { store: rounds, send });
    running = w.run();
    stopWorker = () => w.shutdown();
    reader = new Client({
      connection: await Connection.connect({ address: env.address, channelArgs: { 'grpc.max_receive_message_length': 64 << 20 } }),
      dataConverter: testDataConverter,
    });
  });
  afterAll(async () => {
    stopWorker?.();
    await running;
    await reader?.connection.close();
    await env?.teardown();
  });

  async function startRound(year: number, quota: number, state?: RoundStateV1) {
    const now = await env.currentTimeMs();
    const input: RoundInputV1 = {
      roundId: state?.roundId ?? randomUUID(),
      year,
      quota,
      nominationOpensAt: new Date(now - DAY).toISOString(),
      nominationClosesAt: new Date(now + DAY).toISOString(),
      reviewClosesAt: new Date(now + 10 * DAY).toISOString(),
      votingDays: 3,
      publicNoticeMs: 7 * DAY,
      weights: { expert: 70, vote: 30 },
      ...(state && { state }),
    };
    rounds.members.set(input.roundId, []);
    const handle = await env.client.workflow.start(roundWorkflow, { workflowId: roundWorkflowId(year), taskQueue: TASK_QUEUE, args: [input] });
    return { handle, input };
  }

  async function startFile(round: RoundInputV1) {
    const id = randomUUID();
    rounds.members.get(round.roundId)!.push(id);
    const input = { ...candidateInput(id, 'self'), roundId: round.roundId, roundWorkflowId: roundWorkflowId(round.year) };
    return env.client.workflow.start(candidateFileWorkflow, { workflowId: candidateWorkflowId(id), taskQueue: TASK_QUEUE, args: [input] });
  }

  async function throughExpertReview(h: WorkflowHandle, mark: number) {
    await decide(h, 'qualification');
    await decide(h, 'inspection');
    await scorePanel(h, [mark, mark, mark, mark, mark]);
  }

  /** Polls a file until `ok` (the round's decisions arrive by signal a moment after the Update). */
  async function fileUntil(h: WorkflowHandle, ok: (s: CandidateStateV2) => boolean): Promise<CandidateStateV2> {
    for (let i = 0; i < 400; i++) {
      const s = await h.query(stateQuery);
      if (ok(s)) return s;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`file did not reach the expected state: ${JSON.stringify((await h.query(stateQuery)).status)}`);
  }

  const refused = (p: Promise<unknown>, type: FailureType, message?: RegExp) =>
    expect(p).rejects.toMatchObject({ cause: { type, ...(message && { message: expect.stringMatching(message) }) } });
  const phaseOf = async (h: WorkflowHandle) => (await h.query(roundSummaryQuery)).phase;

  it('runs a round through every phase: list, vote, formal list in the quota, notice held by objections, approval, ceremony', async () => {
    const { handle: round, input } = await startRound(2017, 2);
    const [a, b, c, d] = [await startFile(input), await startFile(input), await startFile(input), await startFile(input)];
    await throughExpertReview(a, 90);
    await throughExpertReview(b, 80);
    await throughExpertReview(c, 80);
    await decide(d, 'qualification', 'return', 'skill certificate missing'); // d never completes its review
    expect(await fileUntil(a, (s) => s.status === 'awaiting_round')).toMatchObject({ stage: 'expert_review' });

    await refused(round.executeUpdate(freezeReReviewListUpdate, { args: [{ reason: 'early', actor: OFFICE }] }), FailureType.WrongPhase, /phase 'nominating'/);
    await env.sleep('1 day');
    expect(await phaseOf(round)).toBe('reviewing');

    const frozen = await round.executeUpdate(freezeReReviewListUpdate, { args: [{ reason: 'expert review done', actor: OFFICE }] });
    expect(frozen).toMatchObject({ phase: 're_review_list', listed: 3, notShortlisted: 1 });
    await until(async () => rounds.rows(input.roundId).length === 3);
    const listed = rounds.rows(input.roundId);
    expect(listed.map((e) => [e.candidateId, e.rank])).toEqual([[a.workflowId.slice(10), 1], ...[b, c].map((h) => [h.workflowId.slice(10), 2]).sort()]);
    expect(await fileUntil(d, (s) => s.status === 'not_shortlisted')).toMatchObject({ closure: { kind: 'not_shortlisted' } });
    expect(await fileUntil(a, (s) => s.stage === 'voting')).toMatchObject({ status: 'awaiting_round' });
    // The round, not a reviewer, decides the stages after the list.
    await refused(decide(a, 'voting'), FailureType.NotAwaitingDecision, /decided by the round/);

    await round.executeUpdate(openVotingUpdate, { args: [{ reason: 'list published', actor: OFFICE }] });
    rounds.votes = { [id(a)]: 10, [id(b)]: 40, [id(c)]: 20 };
    await env.sleep('3 days');
    await until(async () => rounds.rows(input.roundId).every((e) => e.combinedRank !== null));
    const ranked = Object.fromEntries(rounds.rows(input.roundId).map((e) => [e.candidateId, e]));
    // 70 % expert + 30 % vote, the vote score being 100 × votes / the most votes.
    expect(ranked[id(a)]).toMatchObject({ votes: 10, voteScoreCenti: 2500, combinedCenti: 7050, combinedRank: 3 });
    expect(ranked[id(b)]).toMatchObject({ votes: 40, voteScoreCenti: 10000, combinedCenti: 8600, combinedRank: 1 });
    expect(ranked[id(c)]).toMatchObject({ votes: 20, voteScoreCenti: 5000, combinedCenti: 7100, combinedRank: 2 });
    expect(await fileUntil(b, (s) => s.stage === 'leadership')).toMatchObject({ status: 'awaiting_round' });

    // The formal list by ids, its reasons stored first (as the API does).
    const all = [a, b, c].map(id);
    const reasonsId = rounds.storeReasons([
      { candidateId: id(a), reason: 'third on the combined ranking' },
      { candidateId: id(b), reason: 'first on the combined ranking' },
      { candidateId: id(c), reason: 'second on the combined ranking' },
    ]);
    const formal = (selected: string[], leftOut: string[], actor = LEADERS) =>
      round.executeUpdate(formalListV2Update, { args: [{ selected, leftOut, reasonsId, actor }] });
    await refused(formal(all, []), FailureType.Unprocessable, /exceeds the round's quota of 2/);
    await refused(formal(all.slice(1), []), FailureType.Unprocessable, new RegExp(`missing: ${id(a)}`));
    await refused(formal(all.slice(1), [id(a)], OFFICE), FailureType.WrongRole);
    await refused(
      round.executeUpdate(formalListV2Update, { args: [{ selected: all.slice(1), leftOut: [id(a)], reasonsId: '', actor: LEADERS }] }),
      FailureType.InvalidRequest,
    );
    await formal(all.slice(1), [id(a)]);
    expect(await fileUntil(a, (s) => s.status === 'left_out')).toMatchObject({ stage: 'leadership', closure: { reason: 'third on the combined ranking' } });
    expect(Object.fromEntries(rounds.rows(input.roundId).map((e) => [e.candidateId, [e.outcome, e.reason]]))).toEqual({
      [id(a)]: ['left_out', 'third on the combined ranking'],
      [id(b)]: ['selected', 'first on the combined ranking'],
      [id(c)]: ['selected', 'second on the combined ranking'],
    });

    const notice = await round.executeUpdate(startNoticeUpdate, { args: [{ reason: 'published on the portal', actor: OFFICE }] });
    expect(notice.phase).toBe('public_notice');
    expect(await fileUntil(b, (s) => s.status === 'in_public_notice')).toMatchObject({ publicNoticeEndsAt: notice.windows.noticeEndsAt });
    const objectB = await round.executeUpdate(fileObjectionUpdate, { args: [{ objectionId: randomUUID(), candidateId: id(b) }] });
    const objectC = await round.executeUpdate(fileObjectionUpdate, { args: [{ objectionId: randomUUID(), candidateId: id(c) }] });
    await refused(
      round.executeUpdate(fileObjectionUpdate, { args: [{ objectionId: randomUUID(), candidateId: id(a) }] }),
      FailureType.Unprocessable,
      /not on the public notice/,
    );

    // Past its seven days the notice stays open while an objection is unresolved.
    await env.sleep('8 days');
    expect(await phaseOf(round)).toBe('public_notice');
    await round.executeUpdate(resolveObjectionUpdate, {
      args: [{ objectionId: objectB.objectionId, outcome: 'upheld', reason: 'honours were never awarded', actor: OFFICE }],
    });
    expect(await fileUntil(b, (s) => s.status === 'disqualified')).toMatchObject({ closure: { reason: 'objection upheld: honours were never awarded' } });
    expect(await phaseOf(round)).toBe('public_notice');
    await round.executeUpdate(resolveObjectionUpdate, {
      args: [{ objectionId: objectC.objectionId, outcome: 'dismissed', reason: 'the award is on record', actor: OFFICE }],
    });
    await until(async () => (await phaseOf(round)) === 'government_approval');
    expect(rounds.resolutions.map((r) => r.outcome)).toEqual(['upheld', 'dismissed']);
    expect(await fileUntil(c, (s) => s.stage === 'government_approval')).toMatchObject({ status: 'awaiting_round' });

    await refused(
      round.executeUpdate(approvalUpdate, { args: [{ approved: [id(b), id(c)], notApproved: [], actor: GOVERNMENT }] }),
      FailureType.Unprocessable,
      /not on the list awaiting this decision/,
    );
    await round.executeUpdate(approvalUpdate, { args: [{ approved: [id(c)], notApproved: [], actor: GOVERNMENT }] });
    expect(await fileUntil(c, (s) => s.stage === 'commendation')).toMatchObject({ status: 'awaiting_round' });

    // The ceremony lies five days ahead: commendation takes effect on that date, not before.
    const ceremonyDate = shanghaiDate((await env.currentTimeMs()) + 5 * DAY);
    await round.executeUpdate(ceremonyUpdate, { args: [{ date: ceremonyDate, place: '区行政中心', reason: 'ceremony scheduled', actor: OFFICE }] });
    await env.sleep('2 days');
    expect((await c.query(stateQuery)).stage).toBe('commendation');
    await env.sleep('4 days');
    const commended = await fileUntil(c, (s) => s.payments.length > 0);
    expect(commended).toMatchObject({ stage: 'payments', status: 'paying' });
    expect(shanghaiDate(Date.parse(commended.commendedAt!))).toBe(ceremonyDate);
    expect(payments.forCandidate(id(c))).toEqual([expect.objectContaining({ kind: 'bonus', amountFen: 2_000_000, dueOn: ceremonyDate })]);
    const final = await round.result();
    expect(final).toMatchObject({ phase: 'closed', listed: 3, notShortlisted: 1, outcomes: { left_out: 1, disqualified: 1, commended: 1 } });
    expect(Object.fromEntries(rounds.rows(input.roundId).map((e) => [e.candidateId, [e.outcome, e.reason]]))).toEqual({
      [id(a)]: ['left_out', 'third on the combined ranking'],
      [id(b)]: ['disqualified', 'objection upheld: honours were never awarded'],
      [id(c)]: ['commended', null],
    });
    expect(final.actions.map((x) => x.action)).toEqual([
      'freeze_re_review_list',
      'open_voting',
      'formal_list',
      'start_public_notice',
      'objection_upheld',
      'objection_dismissed',
      'approval',
      'ceremony',
    ]);
    expect(rounds.lastPhase(input.roundId)).toBe('closed');
    // `RECORD_HISTORIES=1 npx jest test/workflow/round.spec.ts -t 'every phase'` records this run for the replay test.
    if (process.env.RECORD_HISTORIES) {
      writeFileSync(
        join(__dirname, '..', 'replay', 'histories', `round-${process.env.RECORD_HISTORIES}-every-phase.json`),
        historyToJSON(await fetchDecodedHistory(round)),
      );
      // The file's first run (the one that followed the round), not the payment schedule it continued as.
      const fileRun = env.client.workflow.getHandle(c.workflowId, c.firstExecutionRunId);
      writeFileSync(
        join(__dirname, '..', 'replay', 'histories', `candidate-file-${process.env.RECORD_HISTORIES}-round-commended.json`),
        historyToJSON(await fetchDecodedHistory(fileRun)),
      );
    }
  });

  /**
   * A synthetic cohort (no files: each decision is counted) through every phase: the list (2 % still
   * in their individual stages), the vote, a formal list of 30 that leaves out everyone else each with
   * a reason of its own, the notice, the approval and the ceremony.
   */
  async function cohortRound(year: number, size: number) {
    for (const step of Object.keys(undelivered)) delete undelivered[step];
    const { handle: round, input } = await startRound(year, 30);
    const reviewed = Array.from({ length: size }, (_, i) => ({ candidateId: randomUUID(), scoreCenti: 5000 + ((i * 7) % 4000) }));
    const unfinished = Array.from({ length: size / 50 }, () => ({ candidateId: randomUUID(), scoreCenti: null }));
    rounds.synthetic = [...reviewed, ...unfinished];
    rounds.synthetic.forEach((c) => synthetic.add(c.candidateId));
    rounds.votes = Object.fromEntries(reviewed.map((c, i) => [c.candidateId, (i * 7919) % 3000]));
    try {
      await env.sleep('1 day');
      await until(async () => (await phaseOf(round)) === 'reviewing');
      await round.executeUpdate(freezeReReviewListUpdate, { args: [{ reason: 'expert review done', actor: OFFICE }] });
      await round.executeUpdate(openVotingUpdate, { args: [{ reason: 'list published', actor: OFFICE }] });
      await env.sleep('3 days');
      await until(async () => rounds.rows(input.roundId).every((e) => e.combinedRank !== null), 4000);
      const ranking = rounds.rows(input.roundId).sort((x, y) => x.combinedRank! - y.combinedRank!);
      const reasons = ranking.map((e, i) => ({ candidateId: e.candidateId, reason: i < 30 ? `综合排名第${i + 1}位，入选` : `综合排名第${i + 1}位，未进入前30名` }));
      // What the list would weigh with its reasons inline (FormalListV1), against the ids the round is sent.
      const inlineBytes = Buffer.byteLength(JSON.stringify({ selected: reasons.slice(0, 30), leftOut: reasons.slice(30), actor: LEADERS }));
      const ids = ranking.map((e) => e.candidateId);
      const formalList = { selected: ids.slice(0, 30), leftOut: ids.slice(30), reasonsId: rounds.storeReasons(reasons), actor: LEADERS };
      await round.executeUpdate(formalListV2Update, { args: [formalList] });
      await round.executeUpdate(startNoticeUpdate, { args: [{ reason: 'published', actor: OFFICE }] });
      await env.sleep('8 days');
      await until(async () => (await phaseOf(round)) === 'government_approval', 4000);
      await round.executeUpdate(approvalUpdate, { args: [{ approved: formalList.selected, notApproved: [], actor: GOVERNMENT }] });
      await round.executeUpdate(ceremonyUpdate, { args: [{ date: shanghaiDate(await env.currentTimeMs()), reason: 'held today', actor: OFFICE }] });
      const final = await round.result();
      return { final, rows: rounds.rows(input.roundId), reasons, inlineBytes, idsBytes: Buffer.byteLength(JSON.stringify(formalList)), runs: await runsOf(round) };
    } finally {
      rounds.synthetic = [];
      rounds.votes = {};
    }
  }

  /** Each run of the round, oldest first: its length, its largest event's payloads, how it ended and whether Temporal suggested continuing as new. */
  async function runsOf(h: WorkflowHandle) {
    const chain = await fetchRunChain((runId) => reader.workflow.getHandle(h.workflowId, runId).fetchHistory());
    return chain.map(({ events }) => ({
      events: events!.length,
      largestPayload: Math.max(...events!.map(payloadBytes)),
      historyBytes: Number(events!.filter((e) => e.workflowTaskStartedEventAttributes).at(-1)!.workflowTaskStartedEventAttributes!.historySizeBytes ?? 0),
      suggested: events!.some((e) => e.workflowTaskStartedEventAttributes?.suggestContinueAsNew),
      continued: !!events!.at(-1)!.workflowExecutionContinuedAsNewEventAttributes,
    }));
  }

  /** Every run Temporal told to continue as new did, unless that run closed the round. */
  const continuedWhenSuggested = (runs: Awaited<ReturnType<typeof runsOf>>) => runs.every((r, i) => !r.suggested || r.continued || i === runs.length - 1);

  it('keeps its history short for a cohort of 1,000: the fan-out goes through batched activities', async () => {
    const { final, rows, runs } = await cohortRound(2018, 1_000);
    expect(final.outcomes).toEqual({ commended: 30, left_out: 970 });
    expect(rows.filter((e) => e.outcome === 'commended')).toHaveLength(30);
    // Every decision reached every file it concerned (here: no file listens, so each is counted).
    expect(undelivered).toEqual({
      shortlisted: 1_000,
      not_shortlisted: 20,
      voting_closed: 1_000,
      selected: 30,
      left_out: 970,
      notice_started: 30,
      notice_closed: 30,
      approved: 30,
      commended: 30,
    });
    expect(runs.reduce((n, r) => n + r.events, 0)).toBeLessThan(2_000); // Temporal's limit is 51,200
    expect(continuedWhenSuggested(runs)).toBe(true);
  });

  it('runs a round of 10,000: every reason in the database, a short history, no payload near the 2 MB limit', async () => {
    const { final, rows, reasons, inlineBytes, idsBytes, runs } = await cohortRound(2019, 10_000);
    expect(final).toMatchObject({ phase: 'closed', listed: 10_000, notShortlisted: 200, outcomes: { commended: 30, left_out: 9_970 } });
    expect(undelivered).toMatchObject({ shortlisted: 10_000, not_shortlisted: 200, voting_closed: 10_000, left_out: 9_970, commended: 30 });
    // Each left-out candidate's own reason is in round_entries (and went to its file), not in the round's messages.
    const reasonOf = new Map(reasons.map((r) => [r.candidateId, r.reason]));
    expect(rows.filter((e) => e.outcome === 'left_out' && e.reason === reasonOf.get(e.candidateId))).toHaveLength(9_970);
    expect(idsBytes).toBeLessThan(inlineBytes / 2);
    // It continued as new past 1 MB of history (Temporal's own suggestion comes at 4 MB): short runs, each under 4 MB.
    expect(runs.length).toBeGreaterThan(1);
    expect(runs.slice(0, -1).every((r) => r.continued)).toBe(true);
    for (const run of runs) {
      expect(run.events).toBeLessThan(5_000); // Temporal's limit is 51,200
      expect(run.largestPayload).toBeLessThan(1_000_000); // Temporal refuses a payload over 2 MB
      expect(run.historyBytes).toBeLessThan(4_000_000);
    }
    expect(continuedWhenSuggested(runs)).toBe(true);
    if (process.env.ROUND_FIGURES) console.log(JSON.stringify({ inlineBytes, idsBytes, runs }));
  });

  it('takes up a run started before V2: the state it continued as new with, reasons and the not-shortlisted by name', async () => {
    const [x, y, z] = [randomUUID(), randomUUID(), randomUUID()];
    const ranked = withVotes(
      reReviewList([
        { candidateId: x, scoreCenti: 9000 },
        { candidateId: y, scoreCenti: 8000 },
        { candidateId: z, scoreCenti: 7000 },
      ]),
      { [x]: 5, [y]: 3 },
      { expert: 70, vote: 30 },
    );
    const now = await env.currentTimeMs();
    const iso = (days: number) => new Date(now + days * DAY).toISOString();
    const old: RoundStateV1 = {
      roundId: randomUUID(),
      year: 2020,
      quota: 2,
      phase: 'leadership_review',
      windows: {
        nominationOpensAt: iso(-30),
        nominationClosesAt: iso(-20),
        reviewClosesAt: iso(-10),
        votingOpensAt: iso(-4),
        votingClosesAt: iso(-1),
        noticeStartsAt: null,
        noticeEndsAt: null,
        ceremonyAt: null,
      },
      weights: { expert: 70, vote: 30 },
      notShortlisted: [randomUUID(), randomUUID()],
      entries: ranked.map((e) => (e.candidateId === z ? { ...e, outcome: 'withdrawn', reason: 'the file was withdrawn' } : { ...e, reason: null })),
      objections: [],
      ceremony: null,
      actions: [{ phase: 'reviewing', action: 'freeze_re_review_list', reason: 'expert review done', actor: OFFICE, at: iso(-10) }],
      cohortSeq: 3,
    };
    const { handle: round, input } = await startRound(2020, 2, old);
    expect(await round.query(roundSummaryQuery)).toMatchObject({ phase: 'leadership_review', listed: 3, notShortlisted: 2, outcomes: { standing: 2, withdrawn: 1 } });
    // The API of that time sent the formal list with its reasons inline: still accepted.
    await round.executeUpdate(formalListUpdate, {
      args: [{ selected: [{ candidateId: x, reason: 'first' }], leftOut: [{ candidateId: y, reason: 'second' }], actor: LEADERS }],
    });
    await round.executeUpdate(startNoticeUpdate, { args: [{ reason: 'published', actor: OFFICE }] });
    await env.sleep('8 days');
    await until(async () => (await phaseOf(round)) === 'government_approval');
    await round.executeUpdate(approvalUpdate, { args: [{ approved: [x], notApproved: [], actor: GOVERNMENT }] });
    await round.executeUpdate(ceremonyUpdate, { args: [{ date: shanghaiDate(await env.currentTimeMs()), reason: 'held today', actor: OFFICE }] });
    const final = await round.result();
    expect(final).toMatchObject({ phase: 'closed', cohortSeq: 9, outcomes: { commended: 1, left_out: 1, withdrawn: 1 } });
    expect(final.actions.map((a) => a.action)).toEqual(['freeze_re_review_list', 'formal_list', 'start_public_notice', 'approval', 'ceremony']);
    expect(Object.fromEntries(rounds.rows(input.roundId).map((e) => [e.candidateId, [e.outcome, e.reason]]))).toEqual({
      [x]: ['commended', null],
      [y]: ['left_out', 'second'],
    });
  });

  async function until(ok: () => Promise<boolean>, tries = 400) {
    for (let i = 0; i < tries; i++) {
      if (await ok()) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('the round did not reach the expected phase');
  }
});

const id = (h: WorkflowHandle) => h.workflowId.replace(/^candidate-/, '');

/** The payloads one event carries (its input, result or details), encoded (encrypted): what Temporal's limits apply to. */
function payloadBytes(node: unknown): number {
  if (!node || typeof node !== 'object' || node instanceof Uint8Array) return 0;
  if ((node as { data?: unknown }).data instanceof Uint8Array) return temporal.api.common.v1.Payload.encode(node as temporal.api.common.v1.IPayload).finish().length;
  return Object.values(node).reduce((n: number, v) => n + payloadBytes(v), 0);
}
