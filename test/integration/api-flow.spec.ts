import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { STAGE_OWNER, type DecisionStage } from '../../libs/contract';
import { createRound } from '../support/review-helpers';
import { act, freezeList, runVote, today } from '../support/round-driver';
import { client, eventually, nomination, scoreThroughApi, startApi, startWorker, token, VISIT } from '../support/service';

jest.setTimeout(120_000);

describe('a candidate through the HTTP API (real Temporal dev server and PostgreSQL)', () => {
  const env = { TEMPORAL_TASK_QUEUE: `it-flow-${randomUUID()}` };
  let api: Awaited<ReturnType<typeof startApi>>;
  let worker: INestApplicationContext;
  let http: ReturnType<typeof client>;

  beforeAll(async () => {
    worker = await startWorker(env);
    api = await startApi(env);
    http = client(api.url);
  });
  afterAll(async () => {
    await api?.close();
    await worker?.close();
  });

  const tokens = new Map<string, string>();
  const as = (role: DecisionStage | 'finance' | 'auditor' | 'nominator') => {
    const r = role in STAGE_OWNER ? STAGE_OWNER[role as DecisionStage] : role;
    if (!tokens.has(r)) tokens.set(r, token(r as never));
    return tokens.get(r)!;
  };

  it('goes from nomination to the bonus payment, confirmed once, with an audit timeline', async () => {
    const health = await http.get('/health');
    expect(health).toMatchObject({ status: 200, body: { database: { status: 'up' }, temporal: { status: 'up' } } });

    const { roundId } = await createRound(http);
    const created = await http.post('/nominations', nomination({ roundId }), as('nominator'));
    expect(created.status).toBe(201);
    const { candidateId, workflowId } = created.body;
    expect(workflowId).toBe(`candidate-${candidateId}`);
    expect(workflowId).not.toContain('11010519491231002X');

    for (const stage of ['endorsement', 'qualification', 'inspection', 'expert_review'] as const) {
      if (stage === 'expert_review') {
        // The file then waits for its round, which decides the vote and what follows for all its files.
        expect(await scoreThroughApi(http, candidateId)).toMatchObject({ stage: 'expert_review', status: 'awaiting_round', expertScore: { scoreCenti: 8500 } });
        continue;
      }
      const visit = stage === 'inspection' ? { visit: VISIT } : {};
      const opinion = stage === 'endorsement' ? { opinion: { text: '同意推荐，报区总工会', sealed: true, date: '2017-04-14' } } : {};
      const res = await http.post(`/candidates/${candidateId}/decisions`, { stage, outcome: 'approve', reason: `${stage} passed`, ...visit, ...opinion }, as(stage));
      expect(res.status).toBe(200);
    }
    const listed = await freezeList(http, roundId);
    expect(listed).toEqual([candidateId]);
    await runVote(http, roundId);
    await act(http, `/rounds/${roundId}/formal-list`, { selected: [{ candidateId, reason: 'selected' }], leftOut: [] }, 'leadership');
    await act(http, `/rounds/${roundId}/public-notice`, { reason: 'notice published' });
    const inNotice = await eventually(
      () => http.get(`/candidates/${candidateId}`, as('auditor')),
      (r) => r.body.status === 'in_public_notice',
    );
    expect(inNotice.body).toMatchObject({ stage: 'public_notice', status: 'in_public_notice', idNumber: '1101**********002X', mobile: '138****5678' });
    expect(inNotice.body.form.endorserOpinion).toEqual({ text: '同意推荐，报区总工会', sealed: true, date: '2017-04-14' });

    // The public notice is the round's durable timer (3 s here): the file moves on by itself.
    await eventually(
      () => http.get(`/candidates/${candidateId}`, as('auditor')),
      (r) => r.body.stage === 'government_approval',
    );
    await act(http, `/rounds/${roundId}/approval`, { approved: [candidateId], notApproved: [] }, 'government');
    await act(http, `/rounds/${roundId}/ceremony`, { date: today(), reason: 'named at the ceremony' });
    const commended = await eventually(
      () => http.get(`/candidates/${candidateId}`, as('auditor')),
      (r) => r.body.stage === 'payments',
    );
    expect(commended.body).toMatchObject({ stage: 'payments', status: 'paying' });

    const open = await eventually(
      () => http.get(`/finance/tasks?status=open&candidateId=${candidateId}`, as('finance')),
      (r) => r.body.items.length === 1,
    );
    const bonus = open.body.items[0];
    expect(bonus).toMatchObject({ kind: 'bonus', instalment: 0, attempt: 1, amountFen: 2_000_000, status: 'due' });
    expect(open.body.totals).toEqual({ count: 1, amountFen: 2_000_000 });

    // Four eyes: one clerk approves, another records the payment.
    const checker = token('finance', 'finance-checker');
    const payer = token('finance', 'finance-payer');
    expect(await http.post(`/finance/tasks/${bonus.id}/approve`, {}, checker)).toMatchObject({
      status: 200,
      body: { status: 'approved', approvedBy: 'finance-checker' },
    });
    const payment = { reference: 'BANK-2017-0001', paidOn: today() };
    const paid = await http.post(`/finance/tasks/${bonus.id}/confirm`, payment, payer);
    expect(paid).toMatchObject({ status: 200, body: { status: 'paid', reference: 'BANK-2017-0001', paidOn: today(), paidBy: 'finance-payer' } });
    const again = await http.post(`/finance/tasks/${bonus.id}/confirm`, payment, payer);
    expect(again.body.paidAt).toBe(paid.body.paidAt); // a retried confirmation changes nothing
    const second = await http.post(`/finance/tasks/${bonus.id}/confirm`, { ...payment, reference: 'BANK-2017-0002' }, payer);
    expect(second.status).toBe(409);
    const paidList = await http.get(`/finance/tasks?status=paid&candidateId=${candidateId}`, as('finance'));
    expect(paidList.body.items.map((t: { id: string }) => t.id)).toEqual([bonus.id]);
    expect((await http.get(`/finance/tasks?status=open&candidateId=${candidateId}`, as('finance'))).body.items).toEqual([]);

    const history = await http.get(`/candidates/${candidateId}/history`, as('auditor'));
    expect(history.status).toBe(200);
    const entries = history.body as Array<{ type: string; stage?: string; role?: string; reason?: string; at: string }>;
    expect(entries.filter((e) => e.type === 'stage_entered').map((e) => e.stage)).toEqual([
      'endorsement',
      'qualification',
      'inspection',
      'expert_review',
      'voting',
      'leadership',
      'public_notice',
      'government_approval',
      'commendation',
      'payments',
    ]);
    const decisions = entries.filter((e) => e.type === 'decision');
    expect(decisions.map((d) => [d.stage, d.role, d.reason])).toEqual(
      // The per-file decisions; from there on the round decided (its own history keeps who and why).
      (['endorsement', 'qualification', 'inspection'] as const).map((s) => [s, STAGE_OWNER[s], expect.any(String)]),
    );
    // The notice was the round's durable timer: the round shows its end, the file moved on by itself.
    const round = (await http.get(`/rounds/${roundId}`, as('auditor'))).body;
    expect(Date.parse(round.windows.notice.endsAt)).toBeLessThanOrEqual(Date.now());
    expect(entries.find((e) => e.type === 'payment_task_created')).toMatchObject({ payment: { kind: 'bonus', amountFen: 2_000_000 } });
    const times = entries.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });
});
