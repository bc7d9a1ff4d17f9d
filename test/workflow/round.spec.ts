import { WorkflowNotFoundError, type WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
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
  freezeReReviewListUpdate,
  openVotingUpdate,
  resolveObjectionUpdate,
  roundStateQuery,
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
} from '../../libs/contract';
import { candidateFileWorkflow, roundWorkflow } from '../../workflows';
import { decide, scorePanel } from '../support/decide';
import { FakePaymentStore } from '../support/fake-payment-store';
import { FakeReviewStore } from '../support/fake-review-store';
import { FakeRoundStore } from '../support/fake-round-store';
import { candidateInput, testWorker, timeSkippingEnv } from '../support/workflow-env';

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
  let running: Promise<void>;
  let stopWorker: () => void;

  beforeAll(async () => {
    env = await timeSkippingEnv();
    const send = async (candidateId: string, d: CohortDecisionV1) => {
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
  });
  afterAll(async () => {
    stopWorker?.();
    await running;
    await env?.teardown();
  });

  async function startRound(year: number, quota: number) {
    const now = await env.currentTimeMs();
    const input: RoundInputV1 = {
      roundId: randomUUID(),
      year,
      quota,
      nominationOpensAt: new Date(now - DAY).toISOString(),
      nominationClosesAt: new Date(now + DAY).toISOString(),
      reviewClosesAt: new Date(now + 10 * DAY).toISOString(),
      votingDays: 3,
      publicNoticeMs: 7 * DAY,
      weights: { expert: 70, vote: 30 },
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
    const listed = (await round.query(roundStateQuery)).entries;
    expect(listed.map((e) => [e.candidateId, e.rank])).toEqual([[a.workflowId.slice(10), 1], ...[b, c].map((h) => [h.workflowId.slice(10), 2]).sort()]);
    expect(await fileUntil(d, (s) => s.status === 'not_shortlisted')).toMatchObject({ closure: { kind: 'not_shortlisted' } });
    expect(await fileUntil(a, (s) => s.stage === 'voting')).toMatchObject({ status: 'awaiting_round' });
    // The round, not a reviewer, decides the stages after the list.
    await refused(decide(a, 'voting'), FailureType.NotAwaitingDecision, /decided by the round/);

    await round.executeUpdate(openVotingUpdate, { args: [{ reason: 'list published', actor: OFFICE }] });
    rounds.votes = { [id(a)]: 10, [id(b)]: 40, [id(c)]: 20 };
    await env.sleep('3 days');
    await until(async () => (await phaseOf(round)) === 'leadership_review');
    const ranked = Object.fromEntries((await round.query(roundStateQuery)).entries.map((e) => [e.candidateId, e]));
    // 70 % expert + 30 % vote, the vote score being 100 × votes / the most votes.
    expect(ranked[id(a)]).toMatchObject({ votes: 10, voteScoreCenti: 2500, combinedCenti: 7050, combinedRank: 3 });
    expect(ranked[id(b)]).toMatchObject({ votes: 40, voteScoreCenti: 10000, combinedCenti: 8600, combinedRank: 1 });
    expect(ranked[id(c)]).toMatchObject({ votes: 20, voteScoreCenti: 5000, combinedCenti: 7100, combinedRank: 2 });
    expect(await fileUntil(b, (s) => s.stage === 'leadership')).toMatchObject({ status: 'awaiting_round' });

    const all = [a, b, c].map((h) => ({ candidateId: id(h), reason: 'ranked' }));
    await refused(
      round.executeUpdate(formalListUpdate, { args: [{ selected: all, leftOut: [], actor: LEADERS }] }),
      FailureType.Unprocessable,
      /exceeds the round's quota of 2/,
    );
    await refused(
      round.executeUpdate(formalListUpdate, { args: [{ selected: all.slice(1), leftOut: [], actor: LEADERS }] }),
      FailureType.Unprocessable,
      new RegExp(`missing: ${id(a)}`),
    );
    await refused(round.executeUpdate(formalListUpdate, { args: [{ selected: all.slice(1), leftOut: [all[0]], actor: OFFICE }] }), FailureType.WrongRole);
    await round.executeUpdate(formalListUpdate, {
      args: [{ selected: all.slice(1), leftOut: [{ candidateId: id(a), reason: 'third on the combined ranking' }], actor: LEADERS }],
    });
    expect(await fileUntil(a, (s) => s.status === 'left_out')).toMatchObject({ stage: 'leadership', closure: { reason: 'third on the combined ranking' } });

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
    expect(final.phase).toBe('closed');
    expect(Object.fromEntries(final.entries.map((e) => [e.candidateId, e.outcome]))).toEqual({ [id(a)]: 'left_out', [id(b)]: 'disqualified', [id(c)]: 'commended' });
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
      writeFileSync(join(__dirname, '..', 'replay', 'histories', `round-${process.env.RECORD_HISTORIES}-every-phase.json`), historyToJSON(await round.fetchHistory()));
      // The file's first run (the one that followed the round), not the payment schedule it continued as.
      const fileRun = env.client.workflow.getHandle(c.workflowId, c.firstExecutionRunId);
      writeFileSync(
        join(__dirname, '..', 'replay', 'histories', `candidate-file-${process.env.RECORD_HISTORIES}-round-commended.json`),
        historyToJSON(await fileRun.fetchHistory()),
      );
    }
  });

  it('keeps its history short for a cohort of 1,000: the fan-out goes through batched activities', async () => {
    const { handle: round } = await startRound(2018, 30);
    const cohort = Array.from({ length: 1_000 }, (_, i) => ({ candidateId: randomUUID(), scoreCenti: 5000 + (i % 4000) }));
    rounds.synthetic = cohort;
    try {
      await env.sleep('1 day');
      await until(async () => (await phaseOf(round)) === 'reviewing');
      await round.executeUpdate(freezeReReviewListUpdate, { args: [{ reason: 'expert review done', actor: OFFICE }] });
      await round.executeUpdate(openVotingUpdate, { args: [{ reason: 'list published', actor: OFFICE }] });
      await env.sleep('3 days');
      await until(async () => (await phaseOf(round)) === 'leadership_review', 4000);
      const byScore = [...cohort].sort((x, y) => y.scoreCenti - x.scoreCenti);
      const selected = byScore.slice(0, 30).map((e) => ({ candidateId: e.candidateId, reason: 'top of the ranking' }));
      const leftOut = byScore.slice(30).map((e) => ({ candidateId: e.candidateId, reason: 'below the quota' }));
      await round.executeUpdate(formalListUpdate, { args: [{ selected, leftOut, actor: LEADERS }] });
      await round.executeUpdate(startNoticeUpdate, { args: [{ reason: 'published', actor: OFFICE }] });
      await env.sleep('8 days');
      await until(async () => (await phaseOf(round)) === 'government_approval', 4000);
      await round.executeUpdate(approvalUpdate, { args: [{ approved: selected.map((s) => s.candidateId), notApproved: [], actor: GOVERNMENT }] });
      await round.executeUpdate(ceremonyUpdate, { args: [{ date: shanghaiDate(await env.currentTimeMs()), reason: 'held today', actor: OFFICE }] });
      const final = await round.result();
      expect(final.entries.filter((e) => e.outcome === 'commended')).toHaveLength(30);
      // Every decision reached every file it concerned (here: no file listens, so each is counted).
      expect(undelivered).toMatchObject({ shortlisted: 1_000, voting_closed: 1_000, selected: 30, left_out: 970, notice_started: 30, approved: 30, commended: 30 });
      const events = (await round.fetchHistory()).events!.length;
      expect(events).toBeLessThan(2_000); // Temporal's limit is 51,200
    } finally {
      rounds.synthetic = [];
    }
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
