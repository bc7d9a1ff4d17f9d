import { randomUUID } from 'node:crypto';
import { shanghaiDate, subsidyDueAt } from '../../libs/contract';
import { approvedMaster, masterStack } from '../support/master-stack';
import { act } from '../support/round-driver';
import { eventually, token } from '../support/service';

jest.setTimeout(180_000);

const DAY = 864e5;

interface Sum {
  count: number;
  fen: number;
}
interface Month {
  month: string;
  bonus: Sum;
  subsidy: Sum;
  studioGrant: Sum;
  totalFen: number;
}
interface Forecast {
  from: string;
  to: string;
  months: Month[];
  totals: Omit<Month, 'month'>;
  undated: { bonus: Sum };
}

describe('GET /finance/forecast (real worker, Temporal dev server and PostgreSQL)', () => {
  const env = { TEMPORAL_TASK_QUEUE: `it-forecast-${randomUUID()}` };
  const stack = masterStack(env);
  const office = token('union_office');
  const finance = token('finance');
  const payer = token('finance');

  const forecast = async (query: string, as = finance): Promise<Forecast> => {
    const res = await stack.http.get(`/finance/forecast?${query}`, as);
    expect(res.status).toBe(200);
    return res.body;
  };

  it('refuses a bad month or length, naming the field; finance and the auditor may read it, a nominator may not', async () => {
    for (const [query, field] of [
      ['months=12', 'from'],
      ['from=2031-13', 'from'],
      ['from=2031-5', 'from'],
      ['from=2031-05&months=0', 'months'],
      ['from=2031-05&months=61', 'months'],
      ['from=2031-05&months=two', 'months'],
      ['from=2031-05&roundId=x', 'roundId'],
    ]) {
      const res = await stack.http.get(`/finance/forecast?${query}`, finance);
      expect(res.status).toBe(400);
      expect(res.body.fields.map((f: { field: string }) => f.field)).toEqual([field]);
    }
    expect((await stack.http.get('/finance/forecast?from=2031-05&months=60', token('auditor'))).status).toBe(200);
    expect((await stack.http.get('/finance/forecast?from=2031-05', token('nominator'))).status).toBe(403);
  });

  it("counts a round's master from the formal list to the ceremony, then the schedule's subsidy month by month; a departure drops the months after it", async () => {
    const { roundId, candidateId } = await approvedMaster(stack);

    // Approved, no ceremony date yet: the bonus is committed, its month not known.
    const ceremony = shanghaiDate(Date.now() - 40 * DAY);
    const from = ceremony.slice(0, 7);
    const approved = await forecast(`from=${from}&months=26&roundId=${roundId}`);
    expect(approved.undated.bonus).toEqual({ count: 1, fen: 2_000_000 });
    expect(approved.totals.totalFen).toBe(0);

    // The ceremony recorded late (40 days ago): the bonus and any instalment already due are made at once.
    await act(stack.http, `/rounds/${roundId}/ceremony`, { date: ceremony, reason: '表彰大会 (recorded late)' });
    const commendedAt = Date.parse(`${ceremony}T00:00:00+08:00`);
    const dueOn = (n: number) => shanghaiDate(subsidyDueAt(commendedAt, n, 10));
    const running = await eventually(
      () => forecast(`from=${from}&months=26&roundId=${roundId}`),
      (f) => f.totals.subsidy.count === 24 && f.totals.bonus.count === 1,
      60_000,
    );
    // The instructions made and the instalments still to come, each counted once (before its instruction
    // exists the bonus is counted from the round's list): the bonus in the ceremony's month, then 800 yuan
    // in each of the 24 months after it.
    expect(running.undated.bonus.count).toBe(0);
    expect(running.months[0]).toMatchObject({ month: from, bonus: { count: 1, fen: 2_000_000 }, subsidy: { count: 0, fen: 0 } });
    expect(running.months.slice(1, 25).map((m) => [m.month, m.subsidy])).toEqual(
      Array.from({ length: 24 }, (_, i) => [dueOn(i + 1).slice(0, 7), { count: 1, fen: 80_000 }]),
    );
    expect(running.months[25].subsidy.count).toBe(0);
    expect(running.totals).toEqual({
      bonus: { count: 1, fen: 2_000_000 },
      subsidy: { count: 24, fen: 1_920_000 },
      studioGrant: { count: 0, fen: 0 },
      totalFen: 3_920_000,
    });

    // Paid money is no longer to pay: finance pays the bonus (four eyes) and it leaves the forecast.
    const [bonus] = await eventually(
      async () => (await stack.http.get(`/finance/tasks?candidateId=${candidateId}&kind=bonus`, finance)).body.items as Array<{ id: string }>,
      (items) => items.length === 1,
    );
    expect((await stack.http.post(`/finance/tasks/${bonus.id}/approve`, {}, finance)).status).toBe(200);
    expect((await stack.http.post(`/finance/tasks/${bonus.id}/confirm`, { reference: 'BANK-B', paidOn: shanghaiDate(Date.now()) }, payer)).status).toBe(200);
    expect((await forecast(`from=${from}&months=26&roundId=${roundId}`)).totals.bonus.count).toBe(0);

    // The master leaves on the day instalment 6 falls due (ahead): the months from the 6th on drop.
    const left = await stack.http.post(`/candidates/${candidateId}/departure`, { leftOn: dueOn(6), reason: '调往杭州工作' }, office);
    expect(left.status).toBe(200);
    const departed = await eventually(
      () => forecast(`from=${from}&months=26&roundId=${roundId}`),
      (f) => f.totals.subsidy.count === 5,
      30_000,
    );
    expect(departed.months.slice(1, 6).every((m) => m.subsidy.count === 1)).toBe(true);
    expect(departed.months.slice(6).every((m) => m.subsidy.count === 0 && m.totalFen === 0)).toBe(true);
    expect(departed.totals).toMatchObject({ subsidy: { count: 5, fen: 400_000 }, totalFen: 400_000 });

    // Corrected: recorded for the wrong master. The 24 months are committed again.
    expect((await stack.http.post(`/candidates/${candidateId}/departure/correction`, { leftOn: null, reason: '误录' }, office)).status).toBe(200);
    await eventually(
      () => forecast(`from=${from}&months=26&roundId=${roundId}`),
      (f) => f.totals.subsidy.count === 24,
      30_000,
    );
  });
});
