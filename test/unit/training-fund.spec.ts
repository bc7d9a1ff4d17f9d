import { fundYears } from '../../apps/api/src/training/training-fund';

/** The notice's rule for the union's training fund: the share set aside grows year on year (逐年增长). */
describe(fundYears.name, () => {
  const map = (entries: Array<[number, number]>) => new Map(entries);

  it('lists nothing when nothing is recorded', () => {
    expect(fundYears(new Map(), new Map())).toEqual({ years: [], flaggedYears: [] });
  });

  it('judges each year against the one before: the first has nothing to grow on, equal or lower is flagged', () => {
    const fund = fundYears(
      map([
        [2031, 100_000_00],
        [2032, 120_000_00],
        [2033, 120_000_00],
        [2034, 90_000_00],
      ]),
      map([
        [2031, 80_000_00],
        [2034, 95_000_00],
      ]),
    );
    expect(fund.years.map((y) => [y.year, y.growsOnPreviousYear, y.previousSetAsideFen])).toEqual([
      [2031, null, null],
      [2032, true, 100_000_00],
      [2033, false, 120_000_00],
      [2034, false, 120_000_00],
    ]);
    expect(fund.flaggedYears).toEqual([2033, 2034]);
    expect(fund.years[0]).toMatchObject({ setAsideFen: 100_000_00, spentFen: 80_000_00, remainingFen: 20_000_00, setAsideRecorded: true });
    expect(fund.years[3].remainingFen).toBe(-5_000_00);
  });

  it('shows a year with spending but no set-aside as 0, not recorded, and flags it; the year after grows on 0', () => {
    const fund = fundYears(
      map([
        [2040, 5_000_00],
        [2042, 6_000_00],
      ]),
      map([[2041, 1_000_00]]),
    );
    expect(fund.years.map((y) => [y.year, y.setAsideFen, y.setAsideRecorded, y.growsOnPreviousYear])).toEqual([
      [2040, 5_000_00, true, null],
      [2041, 0, false, false],
      [2042, 6_000_00, true, true],
    ]);
    expect(fund.flaggedYears).toEqual([2041]);
  });
});
