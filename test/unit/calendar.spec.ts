import { shanghaiDate, shanghaiMidnight, subsidyDueAt } from '../../libs/contract/calendar';

const iso = (ms: number) => new Date(ms).toISOString();
const at = (s: string) => Date.parse(s);

describe('subsidyDueAt', () => {
  const commended = at('2017-04-28T10:00:00+08:00');

  it('makes the first instalment due at 00:00 Shanghai on the 1st of the month after commendation', () => {
    expect(iso(subsidyDueAt(commended, 1))).toBe('2017-04-30T16:00:00.000Z');
    expect(subsidyDueAt(commended, 1)).toBe(at('2017-05-01T00:00:00+08:00'));
  });

  it('makes the 24th instalment due on 2019-04-01 local', () => {
    expect(subsidyDueAt(commended, 24)).toBe(at('2019-04-01T00:00:00+08:00'));
    expect(shanghaiDate(subsidyDueAt(commended, 24))).toBe('2019-04-01');
  });

  it('gives 24 consecutive monthly due dates, one per month, May 2017 to April 2019', () => {
    const dates = Array.from({ length: 24 }, (_, i) => shanghaiDate(subsidyDueAt(commended, i + 1)));
    expect(dates[0]).toBe('2017-05-01');
    expect(dates[7]).toBe('2017-12-01');
    expect(dates[8]).toBe('2018-01-01');
    expect(dates[23]).toBe('2019-04-01');
    expect(new Set(dates).size).toBe(24);
    for (const d of dates) expect(d.endsWith('-01')).toBe(true);
    for (let i = 1; i < dates.length; i++) expect(dates[i] > dates[i - 1]).toBe(true);
  });

  it('uses the Shanghai month: 2017-04-30T20:00Z is already 1 May, so the first is due 1 June local', () => {
    const lateUtc = at('2017-04-30T20:00:00Z');
    expect(shanghaiDate(lateUtc)).toBe('2017-05-01');
    expect(subsidyDueAt(lateUtc, 1)).toBe(at('2017-06-01T00:00:00+08:00'));
    expect(iso(subsidyDueAt(lateUtc, 1))).toBe('2017-05-31T16:00:00.000Z');
  });

  it('switches month exactly at Shanghai midnight', () => {
    expect(shanghaiDate(subsidyDueAt(at('2017-04-30T23:59:59.999+08:00'), 1))).toBe('2017-05-01');
    expect(shanghaiDate(subsidyDueAt(at('2017-05-01T00:00:00+08:00'), 1))).toBe('2017-06-01');
  });

  it('rolls December into January of the next year', () => {
    const december = at('2017-12-15T09:30:00+08:00');
    expect(subsidyDueAt(december, 1)).toBe(at('2018-01-01T00:00:00+08:00'));
    expect(subsidyDueAt(december, 13)).toBe(at('2019-01-01T00:00:00+08:00'));
  });

  it('rolls a late-December UTC instant that is already January in Shanghai', () => {
    const newYearsEveUtc = at('2017-12-31T17:00:00Z'); // 2018-01-01 01:00 Shanghai
    expect(subsidyDueAt(newYearsEveUtc, 1)).toBe(at('2018-02-01T00:00:00+08:00'));
  });

  it('is always strictly after the commendation', () => {
    for (const s of ['2017-04-01T00:00:00+08:00', '2017-04-30T23:59:59+08:00', '2018-02-28T12:00:00+08:00']) {
      expect(subsidyDueAt(at(s), 1)).toBeGreaterThan(at(s));
    }
  });
});

describe('subsidyDueAt with a due day (SUBSIDY_DUE_DAY)', () => {
  it('makes instalment n due on that day of the n-th month after commendation', () => {
    const commended = at('2017-04-28T10:00:00+08:00');
    expect(subsidyDueAt(commended, 1, 10)).toBe(at('2017-05-10T00:00:00+08:00'));
    expect(shanghaiDate(subsidyDueAt(commended, 24, 10))).toBe('2019-04-10');
  });

  it('keeps the 1st when no day is given: schedules begun before the setting', () => {
    expect(subsidyDueAt(at('2017-04-28T10:00:00+08:00'), 1)).toBe(subsidyDueAt(at('2017-04-28T10:00:00+08:00'), 1, 1));
  });

  it('takes the last day of a shorter month for a day past its end: commended on 31 January, due day 31', () => {
    const commended = at('2027-01-31T10:00:00+08:00');
    const dates = Array.from({ length: 24 }, (_, i) => shanghaiDate(subsidyDueAt(commended, i + 1, 31)));
    expect(dates.slice(0, 12)).toEqual([
      '2027-02-28',
      '2027-03-31',
      '2027-04-30',
      '2027-05-31',
      '2027-06-30',
      '2027-07-31',
      '2027-08-31',
      '2027-09-30',
      '2027-10-31',
      '2027-11-30',
      '2027-12-31',
      '2028-01-31',
    ]);
    expect(dates[12]).toBe('2028-02-29'); // a leap year
    expect(dates[23]).toBe('2029-01-31');
  });

  it('gives 30 February no meaning: day 30 falls on 28 February, then the 30th again', () => {
    const commended = at('2018-01-15T09:00:00+08:00');
    expect(shanghaiDate(subsidyDueAt(commended, 1, 30))).toBe('2018-02-28');
    expect(shanghaiDate(subsidyDueAt(commended, 2, 30))).toBe('2018-03-30');
  });
});

describe('shanghaiDate', () => {
  it('gives the Shanghai calendar date of an instant', () => {
    expect(shanghaiDate(at('2017-04-30T15:59:59.999Z'))).toBe('2017-04-30');
    expect(shanghaiDate(at('2017-04-30T16:00:00Z'))).toBe('2017-05-01');
    expect(shanghaiDate(at('2017-04-28T10:00:00+08:00'))).toBe('2017-04-28');
  });
});

describe('shanghaiMidnight', () => {
  it('gives 00:00 +08:00 of the date', () => {
    expect(iso(shanghaiMidnight('2017-05-01'))).toBe('2017-04-30T16:00:00.000Z');
    expect(iso(shanghaiMidnight('2018-01-01'))).toBe('2017-12-31T16:00:00.000Z');
    expect(iso(shanghaiMidnight('2020-02-29'))).toBe('2020-02-28T16:00:00.000Z');
  });

  it('round-trips with shanghaiDate for every day of a leap year', () => {
    let day = Date.UTC(2020, 0, 1);
    for (let i = 0; i < 366; i++, day += 86_400_000) {
      const date = new Date(day).toISOString().slice(0, 10);
      expect(shanghaiDate(shanghaiMidnight(date))).toBe(date);
    }
  });

  it('maps any instant of a Shanghai day back to that day’s midnight', () => {
    const midnight = shanghaiMidnight('2017-04-28');
    for (const offset of [0, 1, 3_600_000, 43_200_000, 86_399_999]) {
      expect(shanghaiMidnight(shanghaiDate(midnight + offset))).toBe(midnight);
    }
    expect(shanghaiMidnight(shanghaiDate(midnight + 86_400_000))).toBe(midnight + 86_400_000);
  });
});
