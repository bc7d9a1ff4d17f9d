import { noOpenRoundMessage, outsideWindowMessage, parseInstant, roundPhase, shanghaiLocal, windowText } from '../../apps/api/src/rounds/round-time';

const at = (s: string) => new Date(s);
const round2017 = {
  nominationOpensAt: at('2017-04-06T00:00:00+08:00'),
  nominationClosesAt: at('2017-04-16T00:00:00+08:00'),
  reviewClosesAt: at('2017-04-26T00:00:00+08:00'),
};

describe('shanghaiLocal', () => {
  it('shows an instant in UTC+8, whatever offset it was given in', () => {
    expect(shanghaiLocal(at('2017-04-16T01:30:00Z'))).toBe('2017-04-16 09:30');
    expect(shanghaiLocal(at('2017-04-15T20:00:00-04:00'))).toBe('2017-04-16 08:00');
    expect(shanghaiLocal(at('2017-04-05T16:00:00Z'))).toBe('2017-04-06 00:00');
  });

  it('crosses the date line of the local calendar, not the UTC one', () => {
    expect(shanghaiLocal(at('2017-12-31T16:00:00Z'))).toBe('2018-01-01 00:00');
    expect(shanghaiLocal(at('2017-12-31T15:59:00Z'))).toBe('2017-12-31 23:59');
  });

  it('reads local midnight at the end of a window as 24:00 of the day before', () => {
    expect(shanghaiLocal(at('2017-04-16T00:00:00+08:00'), { endOfWindow: true })).toBe('2017-04-15 24:00');
    expect(shanghaiLocal(at('2018-01-01T00:00:00+08:00'), { endOfWindow: true })).toBe('2017-12-31 24:00');
    expect(shanghaiLocal(at('2017-03-01T00:00:00+08:00'), { endOfWindow: true })).toBe('2017-02-28 24:00');
    expect(shanghaiLocal(at('2017-04-15T18:00:00+08:00'), { endOfWindow: true })).toBe('2017-04-15 18:00');
  });

  it('shows seconds only when they are not zero, and never for "now" when asked not to', () => {
    expect(shanghaiLocal(at('2017-04-15T23:59:59+08:00'), { endOfWindow: true })).toBe('2017-04-15 23:59:59');
    expect(shanghaiLocal(at('2017-04-16T09:30:27+08:00'), { seconds: false })).toBe('2017-04-16 09:30');
  });
});

describe('window messages', () => {
  it('gives the window in Asia/Shanghai local time and the current local time', () => {
    expect(windowText(round2017.nominationOpensAt, round2017.nominationClosesAt)).toBe('from 2017-04-06 00:00 to 2017-04-15 24:00');
    expect(outsideWindowMessage(2017, round2017, at('2017-04-16T01:30:00Z'))).toBe(
      'nominations for the 2017 round are accepted from 2017-04-06 00:00 to 2017-04-15 24:00 (Asia/Shanghai); it is now 2017-04-16 09:30',
    );
  });

  it('says no round is open, and names the next window when there is one', () => {
    const now = at('2017-04-20T10:00:00+08:00');
    expect(noOpenRoundMessage(now)).toBe('no round is open for nominations at 2017-04-20 10:00 (Asia/Shanghai); no upcoming nomination window is scheduled');
    const next = {
      year: 2018,
      nominationOpensAt: at('2018-04-01T00:00:00+08:00'),
      nominationClosesAt: at('2018-04-11T00:00:00+08:00'),
      reviewClosesAt: at('2018-04-21T00:00:00+08:00'),
    };
    expect(noOpenRoundMessage(now, next)).toBe(
      "no round is open for nominations at 2017-04-20 10:00 (Asia/Shanghai); the next window is the 2018 round's, from 2018-04-01 00:00 to 2018-04-10 24:00",
    );
  });
});

describe('roundPhase', () => {
  it.each([
    ['2017-04-05T23:59:59+08:00', 'upcoming'],
    ['2017-04-06T00:00:00+08:00', 'nominating'],
    ['2017-04-15T23:59:59+08:00', 'nominating'],
    ['2017-04-16T00:00:00+08:00', 'reviewing'],
    ['2017-04-25T23:59:59+08:00', 'reviewing'],
    ['2017-04-26T00:00:00+08:00', 'closed'],
    ['2019-01-01T00:00:00+08:00', 'closed'],
  ])('at %s the round is %s (each window includes its start, excludes its end)', (now, phase) => {
    expect(roundPhase(round2017, at(now))).toBe(phase);
  });
});

describe('parseInstant', () => {
  it('accepts ISO 8601 instants with an offset', () => {
    expect((parseInstant('2017-04-06T00:00:00+08:00') as Date).toISOString()).toBe('2017-04-05T16:00:00.000Z');
    expect((parseInstant('2017-04-06T00:00+08:00') as Date).toISOString()).toBe('2017-04-05T16:00:00.000Z');
    expect((parseInstant('2017-04-05T16:00:00.250Z') as Date).toISOString()).toBe('2017-04-05T16:00:00.250Z');
    expect((parseInstant('2017-04-05T12:00:00-04:00') as Date).toISOString()).toBe('2017-04-05T16:00:00.000Z');
    expect((parseInstant('2016-02-29T00:00:00Z') as Date).toISOString()).toBe('2016-02-29T00:00:00.000Z');
  });

  it.each([
    ['2017-04-06', /with an offset/],
    ['2017-04-06T00:00:00', /with an offset/],
    ['2017-04-06 00:00:00+08:00', /with an offset/],
    ['06/04/2017', /with an offset/],
    ['2017-02-29T00:00:00Z', /date that does not exist/],
    ['2017-04-31T00:00:00+08:00', /date that does not exist/],
    ['2017-13-01T00:00:00+08:00', /month/],
    ['2017-04-06T24:00:00+08:00', /time of day/],
    ['2017-04-06T00:00:00+15:00', /offset/],
  ])('refuses %s', (text, why) => {
    const r = parseInstant(text);
    expect(typeof r).toBe('string');
    expect(r).toMatch(why);
  });

  it('refuses what is not a string', () => {
    expect(parseInstant(1491408000000)).toMatch(/must be a string/);
    expect(parseInstant(undefined)).toMatch(/must be a string/);
  });
});
