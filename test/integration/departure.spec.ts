import { randomUUID } from 'node:crypto';
import { shanghaiDate, subsidyDueAt } from '../../libs/contract';
import { approvedMaster, masterStack } from '../support/master-stack';
import { act } from '../support/round-driver';
import { eventually, token } from '../support/service';

jest.setTimeout(180_000);

const DAY = 864e5;

interface Task {
  id: string;
  kind: string;
  instalment: number;
  status: string;
  recovery: boolean;
}

describe('a departure and its correction through the HTTP API (real worker, Temporal dev server and PostgreSQL)', () => {
  const env = { TEMPORAL_TASK_QUEUE: `it-departure-${randomUUID()}` };
  const stack = masterStack(env);
  const office = token('union_office');
  const finance = token('finance');
  // Four eyes: one clerk approves an instruction, another records its payment.
  const payer = token('finance');

  /** A master named at a ceremony held on `ceremonyDate`: the instalments already due are made at once. */
  async function commendedOn(ceremonyDate: string): Promise<string> {
    const { roundId, candidateId } = await approvedMaster(stack);
    await act(stack.http, `/rounds/${roundId}/ceremony`, { date: ceremonyDate, reason: '表彰大会 (recorded late)' });
    return candidateId;
  }

  const tasksOf = async (candidateId: string): Promise<Task[]> => (await stack.http.get(`/finance/tasks?candidateId=${candidateId}`, finance)).body.items;
  const subsidyStatuses = async (candidateId: string) =>
    (await tasksOf(candidateId))
      .filter((t) => t.kind === 'subsidy')
      .sort((a, b) => a.instalment - b.instalment)
      .map((t) => t.status);
  const flagged = async (candidateId: string): Promise<number[]> =>
    (await tasksOf(candidateId))
      .filter((t) => t.recovery)
      .map((t) => t.instalment)
      .sort((a, b) => a - b);

  it('records a late departure, refuses what makes no sense, and corrects it both ways with the effects recomputed', async () => {
    // Named about four months ago: the bonus and the instalments due since (on the 10th) are made at once.
    const ceremony = shanghaiDate(Date.now() - 125 * DAY);
    const commendedAt = Date.parse(`${ceremony}T00:00:00+08:00`);
    const dueOn = (n: number) => shanghaiDate(subsidyDueAt(commendedAt, n, 10));
    const due = [1, 2, 3, 4, 5].filter((n) => subsidyDueAt(commendedAt, n, 10) <= Date.now());
    expect(due.length).toBeGreaterThanOrEqual(3);
    const id = await commendedOn(ceremony);
    const tasks = await eventually(
      () => tasksOf(id),
      (t) => t.length === 1 + due.length,
      60_000,
    );
    for (const n of [1, 2]) {
      const task = tasks.find((t) => t.kind === 'subsidy' && t.instalment === n)!;
      expect((await stack.http.post(`/finance/tasks/${task.id}/approve`, {}, finance)).status).toBe(200);
      expect((await stack.http.post(`/finance/tasks/${task.id}/confirm`, { reference: `BANK-${n}`, paidOn: shanghaiDate(Date.now()) }, payer)).status).toBe(200);
    }
    const path = `/candidates/${id}/departure`;

    // A date before the ceremony is refused, naming leftOn; nothing is recorded.
    const before = await stack.http.post(path, { leftOn: shanghaiDate(commendedAt - DAY), reason: '调往杭州工作' }, office);
    expect(before.status).toBe(422);
    expect(before.body.message).toContain(`leftOn ${shanghaiDate(commendedAt - DAY)} is before the commendation date ${ceremony}`);
    expect((await stack.http.post(`${path}/correction`, { leftOn: dueOn(3), reason: 'x' }, office)).status).toBe(409); // nothing to correct yet

    // Recorded late: the master left on the day instalment 2 fell due.
    const late = await stack.http.post(path, { leftOn: dueOn(2), reason: '调往杭州工作' }, office);
    expect(late.status).toBe(200);
    const after2 = due.filter((n) => n >= 3);
    expect(late.body).toMatchObject({ stage: 'payments', status: 'subsidy_stopped', departure: { leftOn: dueOn(2), cancelled: after2, recovery: [2] } });
    expect(await subsidyStatuses(id)).toEqual(['paid', 'paid', ...after2.map(() => 'cancelled')]);
    expect(await flagged(id)).toEqual([2]);
    expect((await stack.http.post(path, { leftOn: dueOn(3), reason: 'again' }, office)).status).toBe(409);

    // Refusals of the correction: the role, a missing date, a date before the ceremony.
    const correction = `${path}/correction`;
    expect((await stack.http.post(correction, { leftOn: null, reason: 'x' }, finance)).status).toBe(403);
    const missing = await stack.http.post(correction, { reason: 'x' }, office);
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain('leftOn must be a real date YYYY-MM-DD, or null when the departure was recorded by mistake');
    const early = await stack.http.post(correction, { leftOn: shanghaiDate(commendedAt - DAY), reason: 'typo' }, office);
    expect(early.status).toBe(422);
    expect(early.body.message).toContain('leftOn');

    // The date was wrong: the master left the day instalment 3 fell due, so instalment 2 was owed.
    const later = await stack.http.post(correction, { leftOn: dueOn(3), reason: '单位证明最后工作日有误' }, office);
    expect(later.status).toBe(200);
    expect(later.body).toMatchObject({ status: 'subsidy_stopped', departure: { leftOn: dueOn(3), cancelled: after2, recovery: [] } });
    expect(later.body.departureCorrections).toEqual([expect.objectContaining({ from: dueOn(2), to: dueOn(3), reason: '单位证明最后工作日有误' })]);
    expect(await flagged(id)).toEqual([]);

    // Recorded for the wrong master: everything given back, the subsidy running again.
    const removed = await stack.http.post(correction, { leftOn: null, reason: '误录：并非该大师' }, office);
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ stage: 'payments', status: 'paying', departure: null });
    expect(await subsidyStatuses(id)).toEqual(['paid', 'paid', ...after2.map(() => 'due')]);

    const history = (await stack.http.get(`/candidates/${id}/history`, token('auditor'))).body as Array<{ type: string; note?: string; reason?: string }>;
    expect(history.filter((e) => e.type.startsWith('departure_')).map((e) => [e.type, e.note])).toEqual([
      ['departure_recorded', `left on ${dueOn(2)}`],
      ['departure_corrected', `left on ${dueOn(3)}`],
      ['departure_corrected', 'departure removed'],
    ]);
    const refused = (await stack.http.get(`/candidates/${id}/refused-decisions`, office)).body as Array<{ action: string; httpStatus: number }>;
    expect(refused.map((r) => [r.action, r.httpStatus])).toEqual([
      ['recordDeparture', 422],
      ['correctDeparture', 409],
      ['recordDeparture', 409],
      ['correctDeparture', 422],
    ]);
  });
});
