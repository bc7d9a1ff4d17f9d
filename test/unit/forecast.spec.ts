import { monthsFrom, projectedInstalments, subsidyLines, sumForecast, type ScheduleTerms } from '../../libs/domain/forecast';

const terms = (over: Partial<ScheduleTerms> = {}): ScheduleTerms => ({
  candidateId: 'c-1',
  commendedOn: '2030-01-31',
  subsidyMonthlyFen: 80_000,
  subsidyMonths: 24,
  subsidyDueDay: 31,
  leftOn: null,
  instructed: [],
  ...over,
});

/** Finance's forecast: which instalments a running schedule will still create, month by month. */
describe('forecast arithmetic', () => {
  it('lists the window of months across a year end', () => {
    expect(monthsFrom('2030-11', 4)).toEqual(['2030-11', '2030-12', '2031-01', '2031-02']);
  });

  it('puts instalment n in the n-th month after the commendation month, a due day past the month end on its last day', () => {
    const p = projectedInstalments(terms(), monthsFrom('2030-02', 3));
    expect(p.map((x) => [x.instalment, x.dueOn])).toEqual([
      [1, '2030-02-28'],
      [2, '2030-03-31'],
      [3, '2030-04-30'],
    ]);
    // A leap year's February ends on the 29th.
    expect(projectedInstalments(terms({ commendedOn: '2032-01-31' }), ['2032-02'])[0].dueOn).toBe('2032-02-29');
  });

  it('projects only instalments without an instruction, whatever its status', () => {
    const p = projectedInstalments(terms({ instructed: [1, 2] }), monthsFrom('2030-02', 4));
    expect(p.map((x) => x.instalment)).toEqual([3, 4]);
  });

  it('stops at the departure: nothing due on or after the day the master left', () => {
    // Instalment 8 falls due 2030-09-30; leaving that very day cuts it off, leaving the day after does not.
    expect(projectedInstalments(terms({ leftOn: '2030-09-30' }), monthsFrom('2030-01', 36)).map((x) => x.instalment)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(projectedInstalments(terms({ leftOn: '2030-10-01' }), monthsFrom('2030-01', 36)).at(-1)!.instalment).toBe(8);
  });

  it('ends with the term: 24 instalments, none after, and none before the window', () => {
    const all = projectedInstalments(terms({ subsidyDueDay: 10 }), monthsFrom('2029-01', 60));
    expect(all).toHaveLength(24);
    expect(all.at(-1)).toMatchObject({ instalment: 24, dueOn: '2032-01-10' });
    expect(projectedInstalments(terms(), monthsFrom('2032-02', 12))).toEqual([]);
  });

  it('sums per month and kind, keeps empty months, ignores lines outside the window, totals exact in fen', () => {
    const projected = projectedInstalments(terms(), monthsFrom('2030-02', 2));
    const lines = [
      ...subsidyLines(projected),
      { month: '2030-02', kind: 'bonus' as const, count: 2, fen: 4_000_000 },
      { month: '2030-03', kind: 'studio_grant' as const, count: 1, fen: 3_000_000 },
      { month: '2030-05', kind: 'bonus' as const, count: 1, fen: 2_000_000 },
    ];
    const { months, totals } = sumForecast(monthsFrom('2030-02', 3), lines);
    expect(months).toEqual([
      { month: '2030-02', bonus: { count: 2, fen: 4_000_000 }, subsidy: { count: 1, fen: 80_000 }, studioGrant: { count: 0, fen: 0 }, totalFen: 4_080_000 },
      { month: '2030-03', bonus: { count: 0, fen: 0 }, subsidy: { count: 1, fen: 80_000 }, studioGrant: { count: 1, fen: 3_000_000 }, totalFen: 3_080_000 },
      { month: '2030-04', bonus: { count: 0, fen: 0 }, subsidy: { count: 0, fen: 0 }, studioGrant: { count: 0, fen: 0 }, totalFen: 0 },
    ]);
    expect(totals).toEqual({ bonus: { count: 2, fen: 4_000_000 }, subsidy: { count: 2, fen: 160_000 }, studioGrant: { count: 1, fen: 3_000_000 }, totalFen: 7_160_000 });
  });
});
