import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowHandle } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import type { AlertReport, StatusReport } from '../../activities';
import { candidateFileWorkflow } from '../../workflows';
import {
  assignPanelUpdate,
  candidateWorkflowId,
  declareConflictUpdate,
  decideUpdate,
  disqualifyUpdate,
  FailureType,
  recordDepartureUpdate,
  resubmitUpdate,
  shanghaiDate,
  stateQuery,
  submitScoresUpdate,
  TASK_QUEUE,
  withdrawUpdate,
  type Actor,
  type CandidateStateV2,
  type Channel,
  type DecisionRequestV2,
  type ProgrammeSettingsV1,
  type ResubmissionRequestV2,
  type ReviewPlanV1,
} from '../../libs/contract';
import { approveUntil, decide, eventually, VISIT } from '../support/decide';
import { FakePaymentStore } from '../support/fake-payment-store';
import { FakeReviewStore } from '../support/fake-review-store';
import { candidateInput, testWorker, timeSkippingEnv } from '../support/workflow-env';

jest.setTimeout(Number(process.env.WF_TIMEOUT ?? 120_000));

const DAY = 864e5;
const HOUR = 3600e3;

/** The fake review store, recording every raw call, and able to hold a candidate's status writes (which keeps its workflow open). */
class RecordingReviewStore extends FakeReviewStore {
  readonly reports: StatusReport[] = [];
  readonly alertCalls: AlertReport[] = [];
  private readonly held = new Map<string, { promise: Promise<void>; release: () => void }>();

  hold(candidateId: string): void {
    let release!: () => void;
    const promise = new Promise<void>((r) => (release = r));
    this.held.set(candidateId, { promise, release });
  }

  release(candidateId: string): void {
    this.held.get(candidateId)?.release();
    this.held.delete(candidateId);
  }

  override async saveStatus(r: StatusReport): Promise<void> {
    this.reports.push(r);
    const gate = this.held.get(r.candidateId);
    if (gate) await gate.promise;
    return super.saveStatus(r);
  }

  override async saveAlert(a: AlertReport): Promise<void> {
    this.alertCalls.push(a);
    return super.saveAlert(a);
  }

  reportsFor(candidateId: string): StatusReport[] {
    return this.reports.filter((r) => r.candidateId === candidateId);
  }
}

const OFFICE: Actor = { userId: 'office-1', role: 'union_office' };
const SUBMITTER: Actor = { userId: 'unit-1', role: 'nominator' }; // candidateInput's submittedBy
const expert = (n: number): Actor => ({ userId: `expert-${n}`, role: 'expert' });
/** Scores for the two conditions candidateInput claims by default. */
const marks = (superb: number, leading = superb) => ({ superb_skill: superb, leading_role: leading });

describe('candidateFileWorkflow: review in depth (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  const payments = new FakePaymentStore();
  const reviews = new RecordingReviewStore();
  // One worker for the suite (see candidate-lifecycle.spec.ts): never stopped between tests.
  let running: Promise<void>;
  let stopWorker: () => void;

  beforeAll(async () => {
    env = await timeSkippingEnv();
    const w = await testWorker(env, payments, reviews);
    running = w.run();
    stopWorker = () => w.shutdown();
  });
  afterAll(async () => {
    stopWorker?.();
    await running;
    await env?.teardown();
  });

  interface StartOptions {
    channel?: Channel;
    settings?: Partial<ProgrammeSettingsV1>;
    review?: Partial<ReviewPlanV1>;
    submittedBy?: Actor;
  }
  const start = (id: string, o: StartOptions = {}) =>
    env.client.workflow.start(candidateFileWorkflow, {
      workflowId: candidateWorkflowId(id),
      taskQueue: TASK_QUEUE,
      args: [{ ...candidateInput(id, o.channel ?? 'self', o.settings ?? {}, o.review ?? {}), ...(o.submittedBy && { submittedBy: o.submittedBy }) }],
    });
  const state = (h: WorkflowHandle) => h.query(stateQuery);
  const seat = (h: WorkflowHandle, experts: Array<{ userId: string; recusedBecause?: string }>, actor: Actor = OFFICE) =>
    h.executeUpdate(assignPanelUpdate, { args: [{ experts, actor }] });
  const seatExperts = (h: WorkflowHandle, ...ns: number[]) =>
    seat(
      h,
      ns.map((n) => ({ userId: `expert-${n}` })),
    );
  const score = (h: WorkflowHandle, actor: Actor, scores: Record<string, number>) => h.executeUpdate(submitScoresUpdate, { args: [{ scores, actor }] });
  const conflict = (h: WorkflowHandle, actor: Actor, reason: string) => h.executeUpdate(declareConflictUpdate, { args: [{ reason, actor }] });
  const withdraw = (h: WorkflowHandle, actor: Actor, reason = 'the candidate has changed jobs') => h.executeUpdate(withdrawUpdate, { args: [{ reason, actor }] });
  const disqualify = (h: WorkflowHandle, actor: Actor, reason = 'honours on the form were never awarded') =>
    h.executeUpdate(disqualifyUpdate, { args: [{ reason, actor }] });
  const rawDecide = (h: WorkflowHandle, req: Omit<DecisionRequestV2, 'actor'> & { actor?: Actor }) =>
    h.executeUpdate(decideUpdate, { args: [{ actor: { userId: 'staff-1', role: 'union_office' }, ...req }] });
  const resubmit = (h: WorkflowHandle, extra: Partial<ResubmissionRequestV2> = {}) =>
    h.executeUpdate(resubmitUpdate, { args: [{ note: 'material added', actor: SUBMITTER, ...extra }] });
  /** An Update refused by its validator with the given failure type (and message). */
  const refused = (p: Promise<unknown>, type: FailureType, message?: RegExp) =>
    expect(p).rejects.toMatchObject({ cause: { type, ...(message && { message: expect.stringMatching(message) }) } });
  /**
   * Ends a test's candidate by withdrawal, which waits for its last status report. Not terminate():
   * the test server leaks its time-skipping lock for an activity in flight at termination
   * (temporalio/sdk-java#1138), and every later env.sleep then runs in real time.
   */
  const closeFile = async (h: WorkflowHandle) => {
    await withdraw(h, OFFICE, 'test finished');
    await h.result();
  };
  /** A 'self' candidate taken through qualification and inspection to the expert review. */
  const atExpertReview = async (id = randomUUID(), o: StartOptions = {}) => {
    const h = await start(id, o);
    await decide(h, 'qualification');
    const s = await decide(h, 'inspection');
    expect(s).toMatchObject({ stage: 'expert_review', status: 'awaiting_panel', panel: [] });
    return h;
  };

  describe('expert panel', () => {
    it('seats experts, recuses and takes conflicts out of the count, and scores the trimmed mean of the active seats', async () => {
      const h = await start(randomUUID());
      // Not yet at the expert review: the panel cannot be seated.
      await refused(seatExperts(h, 1, 2, 3, 4, 5), FailureType.WrongStage);
      await decide(h, 'qualification');
      await decide(h, 'inspection');

      await refused(seat(h, [{ userId: 'expert-1' }], { userId: 'lead-1', role: 'leadership' }), FailureType.WrongRole);
      await refused(seat(h, []), FailureType.InvalidRequest);
      await refused(seatExperts(h, 1, 1), FailureType.InvalidRequest, /expert-1/);

      let s = await seat(h, [{ userId: 'expert-1' }, { userId: 'expert-2', recusedBecause: 'same employer as the candidate' }, { userId: 'expert-3' }]);
      expect(s.panel.map((p) => [p.userId, p.status])).toEqual([
        ['expert-1', 'assigned'],
        ['expert-2', 'recused'],
        ['expert-3', 'assigned'],
      ]);
      expect(s.panel[1].reason).toBe('same employer as the candidate');
      expect(s.status).toBe('awaiting_panel'); // 2 active seats
      await refused(seatExperts(h, 3), FailureType.InvalidRequest, /expert-3/); // already on the panel
      await refused(seatExperts(h, 2), FailureType.InvalidRequest, /expert-2/); // a recused expert is not re-seated

      s = await seatExperts(h, 4, 5);
      expect(s.status).toBe('awaiting_panel'); // 4 active seats: the recused one does not count
      s = await seatExperts(h, 6);
      expect(s).toMatchObject({ stage: 'expert_review', status: 'scoring' }); // 5 active

      // A recused expert cannot score; an expert off the panel neither.
      await refused(score(h, expert(2), marks(99)), FailureType.NotAwaitingDecision);
      await refused(conflict(h, expert(9), 'my cousin'), FailureType.WrongRole);
      await refused(conflict(h, expert(6), '  '), FailureType.InvalidRequest);

      s = await conflict(h, expert(6), 'former colleague of the candidate');
      expect(s.panel.find((p) => p.userId === 'expert-6')).toMatchObject({ status: 'conflict', reason: 'former colleague of the candidate' });
      expect(s.status).toBe('awaiting_panel'); // back to 4 active seats
      await refused(score(h, expert(6), marks(99)), FailureType.NotAwaitingDecision);
      await refused(conflict(h, expert(6), 'again'), FailureType.NotAwaitingDecision);

      // A stage decision is never what completes the expert review.
      await refused(decide(h, 'expert_review'), FailureType.NotAwaitingDecision);

      s = await seatExperts(h, 7);
      expect(s.status).toBe('scoring');

      // Per-expert averages 60, 70, 80, 90, 100 → drop 60 and 100 → 80.00.
      await score(h, expert(1), marks(60));
      await score(h, expert(3), marks(70));
      await score(h, expert(4), marks(80));
      s = await score(h, expert(5), marks(90));
      expect(s).toMatchObject({ stage: 'expert_review', status: 'scoring', expertScore: null }); // expert-7 has not scored
      await score(h, expert(7), marks(100)); // its reply may still show the expert review: the main loop moves on after it

      s = await eventually(
        () => state(h),
        (x) => x.stage === 'voting',
      );
      expect(s).toMatchObject({ stage: 'voting', status: 'awaiting_decision' });
      expect(s.expertScore).toEqual({ scoreCenti: 8000, counted: 3, dropped: 2 });
      expect(s.panel.map((p) => [p.userId, p.status, p.averageCenti])).toEqual([
        ['expert-1', 'scored', 6000],
        ['expert-2', 'recused', undefined],
        ['expert-3', 'scored', 7000],
        ['expert-4', 'scored', 8000],
        ['expert-5', 'scored', 9000],
        ['expert-6', 'conflict', undefined],
        ['expert-7', 'scored', 10000],
      ]);
      // The review is over: no more seating or scoring, and no expert_review decision (the stage is past).
      await refused(seatExperts(h, 8), FailureType.WrongStage);
      await refused(score(h, expert(6), marks(50)), FailureType.WrongStage);
      await refused(decide(h, 'expert_review'), FailureType.WrongStage);
      await closeFile(h);
    });

    it('refuses bad score submissions, averages each expert over the conditions, and with 6 experts drops one highest and one lowest', async () => {
      const h = await atExpertReview();
      await seatExperts(h, 1, 2, 3, 4, 5, 6);
      expect((await state(h)).status).toBe('scoring');

      await refused(score(h, { userId: 'expert-1', role: 'union_office' }, marks(80)), FailureType.WrongRole); // not an expert
      await refused(score(h, { userId: 'inspector-1', role: 'inspector' }, marks(80)), FailureType.WrongRole);
      await refused(score(h, expert(42), marks(80)), FailureType.WrongRole); // not on this panel
      await refused(score(h, expert(1), marks(101)), FailureType.InvalidRequest, /leading_role|superb_skill/);
      await refused(score(h, expert(1), marks(80, -1)), FailureType.InvalidRequest, /leading_role/);
      await refused(score(h, expert(1), marks(7.5, 80)), FailureType.InvalidRequest, /superb_skill/);
      await refused(score(h, expert(1), { superb_skill: 80 }), FailureType.InvalidRequest, /leading_role/); // a condition missing
      await refused(score(h, expert(1), { ...marks(80), craft_specialty: 90 }), FailureType.InvalidRequest, /craft_specialty/); // not claimed
      expect((await state(h)).panel.every((p) => p.status === 'assigned')).toBe(true);

      let s = await score(h, expert(1), marks(81, 84));
      expect(s.panel[0]).toMatchObject({ userId: 'expert-1', status: 'scored', scores: { superb_skill: 81, leading_role: 84 }, averageCenti: 8250 });
      await refused(score(h, expert(1), marks(90)), FailureType.NotAwaitingDecision); // scores are given once
      expect((await state(h)).panel[0].scores).toEqual({ superb_skill: 81, leading_role: 84 });

      await score(h, expert(2), marks(50));
      await score(h, expert(3), marks(60));
      await score(h, expert(4), marks(70));
      s = await score(h, expert(5), marks(91, 92)); // 91.50
      expect(s).toMatchObject({ stage: 'expert_review', status: 'scoring', expertScore: null }); // five of six: not complete
      await score(h, expert(6), marks(99));

      s = await eventually(
        () => state(h),
        (x) => x.stage === 'voting',
      );
      // 50, 60, 70, 82.50, 91.50, 99 → drop 50 and 99 → (60 + 70 + 82.5 + 91.5) / 4 = 76.00
      expect(s.expertScore).toEqual({ scoreCenti: 7600, counted: 4, dropped: 2 });
      expect(s.status).toBe('awaiting_decision');
      await closeFile(h);
    });
  });

  describe('qualification pre-checks', () => {
    const failedPlan = { prechecks: [{ check: 'years_of_work' as const, passed: false, detail: '2 years < 3' }] };

    it('refuses a plain approval over a failed pre-check and lets an explicit override through', async () => {
      const h = await start(randomUUID(), { review: failedPlan });
      expect((await state(h)).prechecks).toEqual(failedPlan.prechecks);
      await refused(decide(h, 'qualification'), FailureType.InvalidRequest, /years_of_work.*2 years < 3/);
      await refused(decide(h, 'qualification', 'approve', 'ok', { overridePrechecks: false }), FailureType.InvalidRequest, /years_of_work/);
      expect((await state(h)).decisions).toHaveLength(0);

      const s = await decide(h, 'qualification', 'approve', 'years in the competition team count as front-line work', { overridePrechecks: true });
      expect(s.stage).toBe('inspection');
      expect(s.decisions).toEqual([expect.objectContaining({ stage: 'qualification', outcome: 'approve', overridePrechecks: true })]);
      await closeFile(h);
    });

    it('needs no override to reject', async () => {
      const h = await start(randomUUID(), { review: failedPlan });
      const s = await decide(h, 'qualification', 'reject', 'fewer than 3 years in the district');
      expect(s).toMatchObject({ stage: 'qualification', status: 'rejected' });
      expect((await h.result()).status).toBe('rejected');
    });

    it('takes the pre-checks of a resubmission: once all pass, a plain approval goes through', async () => {
      const h = await start(randomUUID(), { review: failedPlan });
      await decide(h, 'qualification', 'return', 'proof of years in post missing', { missing: ['proof_of_years'] });
      const passed = [{ check: 'years_of_work' as const, passed: true, detail: '4 years >= 3' }];
      const resumed = await resubmit(h, { version: 2, prechecks: passed });
      expect(resumed).toMatchObject({ stage: 'qualification', status: 'awaiting_decision', version: 2, prechecks: passed });
      const s = await decide(h, 'qualification');
      expect(s.stage).toBe('inspection');
      await closeFile(h);
    });
  });

  describe('inspection visit', () => {
    it('needs a visit to approve or reject, keeps it on the record, and needs none to return', async () => {
      const h = await start(randomUUID());
      await decide(h, 'qualification');
      const inspector: Actor = { userId: 'inspector-1', role: 'inspector' };
      await refused(rawDecide(h, { stage: 'inspection', outcome: 'approve', reason: 'fine', actor: inspector }), FailureType.InvalidRequest, /visit/);
      await refused(rawDecide(h, { stage: 'inspection', outcome: 'reject', reason: 'not in post', actor: inspector }), FailureType.InvalidRequest, /visit/);

      let s = await rawDecide(h, { stage: 'inspection', outcome: 'return', reason: 'workshop closed that day', actor: inspector });
      expect(s).toMatchObject({ stage: 'inspection', status: 'returned' });
      await resubmit(h);
      s = await rawDecide(h, { stage: 'inspection', outcome: 'approve', reason: 'seen at work', actor: inspector, visit: VISIT });
      expect(s.stage).toBe('expert_review');
      expect(s.decisions.at(-1)).toMatchObject({ stage: 'inspection', outcome: 'approve', visit: VISIT });
      expect(s.decisions.at(-2)).toMatchObject({ stage: 'inspection', outcome: 'return' });
      expect(s.decisions.at(-2)!.visit).toBeUndefined();
      await closeFile(h);
    });

    it('rejects with a visit on the record', async () => {
      const h = await start(randomUUID());
      await decide(h, 'qualification');
      const visit = { ...VISIT, findings: '已调离技能岗位' };
      const s = await decide(h, 'inspection', 'reject', 'no longer in a skill post', { visit });
      expect(s).toMatchObject({ stage: 'inspection', status: 'rejected' });
      const final = await h.result();
      expect(final.decisions.at(-1)).toMatchObject({ stage: 'inspection', outcome: 'reject', visit });
    });
  });

  describe('return for more material', () => {
    it('returns at inspection with what is missing; version 2 resumes the same stage with both on record', async () => {
      const h = await start(randomUUID());
      await decide(h, 'qualification');
      let s = await decide(h, 'inspection', 'return', 'skill certificate missing', { missing: ['skill_certificate'] });
      expect(s).toMatchObject({ stage: 'inspection', status: 'returned', version: 1 });
      await refused(decide(h, 'inspection'), FailureType.NotAwaitingDecision);

      s = await resubmit(h, { note: 'certificate attached', version: 2 });
      expect(s).toMatchObject({ stage: 'inspection', status: 'awaiting_decision', version: 2 });
      expect(s.decisions.at(-1)).toMatchObject({ stage: 'inspection', outcome: 'return', missing: ['skill_certificate'] });
      expect(s.resubmissions).toEqual([expect.objectContaining({ stage: 'inspection', note: 'certificate attached', version: 2, actor: SUBMITTER })]);
      expect((await decide(h, 'inspection')).stage).toBe('expert_review');
      await closeFile(h);
    });

    it('returns and resumes at every stage that takes a decision, the version counting up', async () => {
      const h = await start(randomUUID(), { channel: 'organisational', settings: { publicNoticeMs: 1000 } });
      let version = 1;
      for (const stage of ['endorsement', 'qualification', 'inspection', 'voting', 'leadership', 'government_approval', 'commendation'] as const) {
        let s = await state(h);
        if (s.stage === 'expert_review') s = await approveUntil(h, 'voting');
        if (s.stage === 'public_notice') {
          await env.sleep(2000);
          s = await eventually(
            () => state(h),
            (x) => x.stage === 'government_approval',
          );
        }
        expect(s.stage).toBe(stage);
        s = await decide(h, stage, 'return', `${stage}: more material`, { missing: ['honours'] });
        expect(s).toMatchObject({ stage, status: 'returned' });
        version++;
        s = await resubmit(h, { version });
        expect(s).toMatchObject({ stage, status: 'awaiting_decision', version });
        if (stage !== 'commendation') await decide(h, stage);
      }
      const s = await state(h);
      expect(s.resubmissions.map((r) => [r.stage, r.version])).toEqual([
        ['endorsement', 2],
        ['qualification', 3],
        ['inspection', 4],
        ['voting', 5],
        ['leadership', 6],
        ['government_approval', 7],
        ['commendation', 8],
      ]);
      expect(s.decisions.filter((d) => d.outcome === 'return')).toHaveLength(7);
      await withdraw(h, SUBMITTER);
      expect((await h.result()).status).toBe('withdrawn');
    });
  });

  describe('deadlines', () => {
    it('raises the reminder, then the escalation, each once, even across a return and resubmission', async () => {
      const id = randomUUID();
      const due = new Date((await env.currentTimeMs()) + 5 * DAY).toISOString();
      const h = await start(id, { review: { deadlines: { qualification: due }, reminderLeadMs: 2 * DAY } });
      expect((await state(h)).dueAt).toBe(due);

      await env.sleep(3 * DAY + HOUR);
      let s = await eventually(
        () => state(h),
        (x) => x.alerts.length > 0,
      );
      expect(s.alerts).toEqual([expect.objectContaining({ stage: 'qualification', kind: 'reminder', dueAt: due })]);
      await eventually(
        () => reviews.alertsFor(id),
        (a) => a.length > 0,
      );
      expect(reviews.alertsFor(id)).toEqual([{ candidateId: id, stage: 'qualification', kind: 'reminder', dueAt: due }]);

      await env.sleep(2 * DAY);
      s = await eventually(
        () => state(h),
        (x) => x.alerts.length > 1,
      );
      expect(s.alerts.map((a) => a.kind)).toEqual(['reminder', 'escalation']);
      expect(s.alerts[1]).toMatchObject({ stage: 'qualification', dueAt: due });
      expect(Date.parse(s.alerts[1].at)).toBeGreaterThanOrEqual(Date.parse(due));
      await eventually(
        () => reviews.alertsFor(id),
        (a) => a.length > 1,
      );

      // Returned and resubmitted at the same stage: the stage's clock is not reset, nothing is raised again.
      await decide(h, 'qualification', 'return', 'photo of the certificate unreadable');
      await env.sleep(DAY);
      await resubmit(h, { version: 2 });
      await env.sleep(3 * DAY);
      s = await state(h);
      expect(s).toMatchObject({ stage: 'qualification', status: 'awaiting_decision', dueAt: due });
      expect(s.alerts.map((a) => a.kind)).toEqual(['reminder', 'escalation']);
      expect(reviews.alertCalls.filter((a) => a.candidateId === id).map((a) => a.kind)).toEqual(['reminder', 'escalation']);

      s = await decide(h, 'qualification');
      expect(s).toMatchObject({ stage: 'inspection', dueAt: null });
      await closeFile(h);
    });

    it('raises nothing for a stage decided before its reminder time', async () => {
      const id = randomUUID();
      const now = await env.currentTimeMs();
      const deadlines = { qualification: new Date(now + 5 * DAY).toISOString(), inspection: new Date(now + 10 * DAY).toISOString() };
      const h = await start(id, { review: { deadlines } });
      await env.sleep(DAY);
      let s = await decide(h, 'qualification');
      expect(s).toMatchObject({ stage: 'inspection', dueAt: deadlines.inspection });
      s = await decide(h, 'inspection');
      expect(s).toMatchObject({ stage: 'expert_review', dueAt: null });
      await env.sleep(12 * DAY);
      s = await state(h);
      expect(s.alerts).toEqual([]);
      expect(reviews.alertCalls.filter((a) => a.candidateId === id)).toEqual([]);
      await closeFile(h);
    });

    it('escalates at once a stage entered after its due instant, and reminds at once one entered within the lead time', async () => {
      const id = randomUUID();
      const now = await env.currentTimeMs();
      // Inspection is due a day after the start, expert review 4 days after (reminder from day 2).
      const deadlines = { inspection: new Date(now + DAY).toISOString(), expert_review: new Date(now + 4 * DAY).toISOString() };
      const h = await start(id, { review: { deadlines } });
      expect((await state(h)).dueAt).toBeNull(); // qualification has no deadline
      await env.sleep(2 * DAY);
      expect((await state(h)).alerts).toEqual([]);

      await decide(h, 'qualification');
      let s = await eventually(
        () => state(h),
        (x) => x.alerts.length > 0,
      );
      expect(s).toMatchObject({ stage: 'inspection', dueAt: deadlines.inspection });
      expect(s.alerts).toEqual([expect.objectContaining({ stage: 'inspection', kind: 'escalation', dueAt: deadlines.inspection })]);
      await eventually(
        () => reviews.alertsFor(id),
        (a) => a.length > 0,
      );
      expect(reviews.alertsFor(id).map((a) => [a.stage, a.kind])).toEqual([['inspection', 'escalation']]);

      await env.sleep(HOUR);
      await decide(h, 'inspection'); // day 2: expert review due on day 4, reminder time already passed
      s = await eventually(
        () => state(h),
        (x) => x.alerts.length > 1,
      );
      expect(s).toMatchObject({ stage: 'expert_review', dueAt: deadlines.expert_review });
      expect(s.alerts.map((a) => [a.stage, a.kind])).toEqual([
        ['inspection', 'escalation'],
        ['expert_review', 'reminder'],
      ]);
      await env.sleep(2 * DAY);
      s = await eventually(
        () => state(h),
        (x) => x.alerts.length > 2,
      );
      expect(s.alerts.map((a) => [a.stage, a.kind])).toEqual([
        ['inspection', 'escalation'],
        ['expert_review', 'reminder'],
        ['expert_review', 'escalation'],
      ]);
      await closeFile(h);
    });
  });

  describe('withdrawal and disqualification', () => {
    it('knows the submitter by issuer, subject and role together: the same subject is not enough', async () => {
      const submitter: Actor = { issuer: 'https://idp.test/realms/ouhai', userId: 'unit-9', role: 'nominator' };
      const h = await start(randomUUID(), { submittedBy: submitter });
      await refused(withdraw(h, { ...submitter, issuer: 'urn:ouhai-masters:local' }), FailureType.WrongRole, /only the nominating unit/);
      await refused(withdraw(h, { ...submitter, role: 'street_union' }), FailureType.WrongRole, /only the nominating unit/);
      expect((await withdraw(h, submitter)).closure).toMatchObject({ kind: 'withdrawn', actor: submitter });
      await h.result();
    });

    it('matches a submitter recorded before actors named their issuer on subject and role', async () => {
      const h = await start(randomUUID());
      await refused(withdraw(h, { ...SUBMITTER, role: 'street_union' }), FailureType.WrongRole);
      expect((await withdraw(h, { ...SUBMITTER, issuer: 'urn:ouhai-masters:local' })).closure).toMatchObject({ kind: 'withdrawn' });
      await h.result();
    });

    it('lets the submitter withdraw with a reason; the workflow completes with the closure, and takes nothing more', async () => {
      const id = randomUUID();
      const h = await start(id);
      await refused(withdraw(h, { userId: 'unit-2', role: 'nominator' }), FailureType.WrongRole);
      await refused(withdraw(h, SUBMITTER, '  '), FailureType.InvalidRequest);
      await refused(disqualify(h, SUBMITTER), FailureType.WrongRole);

      reviews.hold(id); // keeps the workflow open (it reports its last status before it ends)
      let s: CandidateStateV2;
      try {
        s = await withdraw(h, SUBMITTER, 'the candidate has moved to Ningbo');
        expect(s).toMatchObject({ stage: 'qualification', status: 'withdrawn' });
        expect(s.closure).toMatchObject({ kind: 'withdrawn', reason: 'the candidate has moved to Ningbo', actor: SUBMITTER });
        await refused(decide(h, 'qualification'), FailureType.CandidateClosed);
        await refused(withdraw(h, SUBMITTER), FailureType.CandidateClosed);
        await refused(disqualify(h, OFFICE), FailureType.CandidateClosed);
      } finally {
        reviews.release(id);
      }
      const final = await h.result();
      expect(final).toMatchObject({ status: 'withdrawn', closure: { kind: 'withdrawn', actor: SUBMITTER } });
      // Once the workflow has ended, an Update cannot reach it at all.
      await expect(decide(h, 'qualification')).rejects.toThrow();
    });

    it("lets the programme office withdraw on the candidate's behalf during the expert review", async () => {
      const h = await atExpertReview();
      await seatExperts(h, 1, 2, 3, 4, 5);
      await score(h, expert(1), marks(80));
      await score(h, expert(2), marks(85));
      await score(h, expert(3), marks(90));
      const s = await withdraw(h, OFFICE, 'the candidate asked the office in writing');
      expect(s).toMatchObject({ stage: 'expert_review', status: 'withdrawn' });
      const final = await h.result();
      expect(final).toMatchObject({ stage: 'expert_review', status: 'withdrawn', expertScore: null, closure: { kind: 'withdrawn', actor: OFFICE } });
    });

    it('disqualifies only by the programme office with a reason, also during the expert review', async () => {
      const h = await atExpertReview();
      await seatExperts(h, 1, 2, 3, 4, 5);
      await score(h, expert(1), marks(80));
      await refused(disqualify(h, SUBMITTER), FailureType.WrongRole);
      await refused(disqualify(h, expert(2)), FailureType.WrongRole);
      await refused(disqualify(h, { userId: 'lead-1', role: 'leadership' }), FailureType.WrongRole);
      await refused(disqualify(h, OFFICE, ''), FailureType.InvalidRequest);
      const s = await disqualify(h, OFFICE, 'forged honours certificate');
      expect(s.status).toBe('disqualified');
      // No more scoring either (refused as WrongStage today; CandidateClosed would be as right — both are 409).
      await expect(score(h, expert(2), marks(80))).rejects.toMatchObject({ cause: { type: expect.stringMatching(/^(WrongStage|CandidateClosed)$/) } });
      const final = await h.result();
      expect(final).toMatchObject({ status: 'disqualified', closure: { kind: 'disqualified', reason: 'forged honours certificate', actor: OFFICE } });
    });

    it.each([
      ['withdrawal by the submitter', (h: WorkflowHandle) => withdraw(h, SUBMITTER), 'withdrawn'],
      ['disqualification', (h: WorkflowHandle) => disqualify(h, OFFICE, 'objection upheld'), 'disqualified'],
    ] as const)('closes during the public notice without waiting out its timer: %s', async (_name, close, status) => {
      const h = await start(randomUUID());
      const atNotice = await approveUntil(h, 'public_notice');
      expect(atNotice).toMatchObject({ stage: 'public_notice', status: 'in_public_notice' });
      const endsAt = Date.parse(atNotice.publicNoticeEndsAt!);
      const s = await close(h);
      expect(s).toMatchObject({ stage: 'public_notice', status });
      // Wait by describe(), not result(): result() lets the test server skip time, which would hide
      // a workflow held open by the notice's timer. With time held still, it must end on its own.
      const closed = await eventually(
        () => h.describe(),
        (d) => d.status.name !== 'RUNNING',
      );
      expect(closed.status.name).toBe('COMPLETED');
      expect(closed.closeTime!.getTime()).toBeLessThan(endsAt);
      expect(await env.currentTimeMs()).toBeLessThan(endsAt);
      const final = await h.result();
      expect(final).toMatchObject({ stage: 'public_notice', status, closure: { kind: status } });
      expect(payments.forCandidate(final.candidateId)).toEqual([]);
    });

    it('refuses both after commendation', async () => {
      const h = await start(randomUUID(), { settings: { publicNoticeMs: 1000 } });
      await approveUntil(h, 'public_notice');
      await env.sleep(2000);
      await eventually(
        () => state(h),
        (x) => x.stage === 'government_approval',
      );
      await decide(h, 'government_approval');
      const paying = await decide(h, 'commendation');
      expect(paying).toMatchObject({ stage: 'payments', status: 'paying' });
      await refused(withdraw(h, SUBMITTER), FailureType.CandidateClosed);
      await refused(withdraw(h, OFFICE), FailureType.CandidateClosed);
      await refused(disqualify(h, OFFICE), FailureType.CandidateClosed);
      expect((await state(h)).closure).toBeNull();
      // End the file the only way left: the master leaves Ouhai, and the subsidy stops at once.
      const leftOn = shanghaiDate(Date.parse(paying.commendedAt!));
      await h.executeUpdate(recordDepartureUpdate, { args: [{ leftOn, reason: 'moved away', actor: OFFICE }] });
      expect((await h.result()).status).toBe('subsidy_stopped');
    });
  });

  describe('status projection', () => {
    const reported = (id: string) => reviews.status.get(id);
    const projected = (s: CandidateStateV2) => ({
      candidateId: s.candidateId,
      stage: s.stage,
      status: s.status,
      dueAt: s.dueAt,
      scoreCenti: s.expertScore?.scoreCenti ?? null,
      panel: s.panel.map((p) => ({ userId: p.userId, status: p.status })),
    });
    /** Waits until the store's latest report matches the workflow's state, then checks it is the highest seq written. */
    const inSync = async (h: WorkflowHandle, id: string) => {
      const s = await state(h);
      const report = await eventually(
        () => reported(id),
        (r) => r !== undefined && JSON.stringify(pick(r)) === JSON.stringify(projected(s)),
      );
      expect(report).toEqual({ ...projected(s), seq: expect.any(Number) });
      expect(report!.seq).toBe(Math.max(...reviews.reportsFor(id).map((r) => r.seq)));
      return { s, report: report! };
    };
    const pick = (r: StatusReport) => ({ candidateId: r.candidateId, stage: r.stage, status: r.status, dueAt: r.dueAt, scoreCenti: r.scoreCenti, panel: r.panel });

    it('keeps the latest status of the candidate, in step with the workflow', async () => {
      const id = randomUUID();
      const due = new Date((await env.currentTimeMs()) + 10 * DAY).toISOString();
      const h = await start(id, { review: { deadlines: { inspection: due } } });

      let { report } = await inSync(h, id);
      expect(report).toMatchObject({ stage: 'qualification', status: 'awaiting_decision', dueAt: null, panel: [] });

      await decide(h, 'qualification');
      ({ report } = await inSync(h, id));
      expect(report).toMatchObject({ stage: 'inspection', status: 'awaiting_decision', dueAt: due });

      await decide(h, 'inspection', 'return', 'visit postponed');
      ({ report } = await inSync(h, id));
      expect(report).toMatchObject({ stage: 'inspection', status: 'returned' });
      await resubmit(h);
      await decide(h, 'inspection');

      await seat(h, [...[1, 2, 3, 4, 5].map((n) => ({ userId: `expert-${n}` })), { userId: 'expert-6', recusedBecause: 'same employer' }]);
      await score(h, expert(1), marks(70));
      await score(h, expert(2), marks(80));
      await score(h, expert(3), marks(90));
      ({ report } = await inSync(h, id));
      expect(report).toMatchObject({ stage: 'expert_review', status: 'scoring', dueAt: null, scoreCenti: null });
      expect(report.panel).toEqual([
        { userId: 'expert-1', status: 'scored' },
        { userId: 'expert-2', status: 'scored' },
        { userId: 'expert-3', status: 'scored' },
        { userId: 'expert-4', status: 'assigned' },
        { userId: 'expert-5', status: 'assigned' },
        { userId: 'expert-6', status: 'recused' },
      ]);
      expect(JSON.stringify(report.panel)).not.toMatch(/scores|averageCenti|reason/);

      await score(h, expert(4), marks(60));
      await score(h, expert(5), marks(100));
      await eventually(
        () => state(h),
        (x) => x.stage === 'voting',
      );
      let s: CandidateStateV2;
      ({ report, s } = await inSync(h, id));
      expect(s.expertScore).toEqual({ scoreCenti: 8000, counted: 3, dropped: 2 });
      expect(report).toMatchObject({ stage: 'voting', status: 'awaiting_decision', scoreCenti: 8000 });

      // Seqs only go up, and each report was written once in order.
      const seqs = reviews.reportsFor(id).map((r) => r.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(new Set(seqs).size).toBe(seqs.length);

      await withdraw(h, SUBMITTER);
      await h.result();
      ({ report } = await inSync(h, id));
      expect(report).toMatchObject({ stage: 'voting', status: 'withdrawn', scoreCenti: 8000 });
    });
  });
});
