import { votingClosedMessage, votingState, votingWindowText, type VotingProjection } from '../../apps/api/src/voting/voting-window';
import { shanghaiDate } from '../../libs/contract/calendar';

const at = (s: string) => new Date(s);
const round = (over: Partial<VotingProjection> = {}): VotingProjection => ({
  year: 2031,
  phase: 'voting',
  votingOpensAt: at('2031-04-20T00:00:00+08:00'),
  votingClosesAt: at('2031-04-23T00:00:00+08:00'),
  ...over,
});

describe('the vote day (Asia/Shanghai)', () => {
  it('changes at midnight Shanghai, which is 16:00 UTC', () => {
    expect(shanghaiDate(Date.parse('2031-04-20T15:59:59.999Z'))).toBe('2031-04-20');
    expect(shanghaiDate(Date.parse('2031-04-20T16:00:00.000Z'))).toBe('2031-04-21');
    expect(shanghaiDate(Date.parse('2031-04-20T23:59:59+08:00'))).toBe('2031-04-20');
    expect(shanghaiDate(Date.parse('2031-04-21T00:00:00+08:00'))).toBe('2031-04-21');
  });

  it('does not change at UTC midnight: 07:59 and 08:01 Shanghai are the same day', () => {
    expect(shanghaiDate(Date.parse('2031-04-21T07:59:00+08:00'))).toBe('2031-04-21');
    expect(shanghaiDate(Date.parse('2031-04-21T08:01:00+08:00'))).toBe('2031-04-21');
  });

  it('crosses months and years on the Shanghai calendar', () => {
    expect(shanghaiDate(Date.parse('2031-12-31T16:30:00Z'))).toBe('2032-01-01');
    expect(shanghaiDate(Date.parse('2032-02-29T15:00:00Z'))).toBe('2032-02-29');
  });
});

describe('votingState', () => {
  it('is open from the first instant of the window to just before its end, in the voting phase', () => {
    expect(votingState(round(), at('2031-04-19T23:59:59.999+08:00'))).toBe('not_open');
    expect(votingState(round(), at('2031-04-20T00:00:00+08:00'))).toBe('open');
    expect(votingState(round(), at('2031-04-22T23:59:59.999+08:00'))).toBe('open');
    expect(votingState(round(), at('2031-04-23T00:00:00+08:00'))).toBe('closed');
  });

  it('is not open inside the window while the round is in another phase', () => {
    expect(votingState(round({ phase: 'expert_review' }), at('2031-04-21T10:00:00+08:00'))).toBe('not_open');
    expect(votingState(round({ phase: null }), at('2031-04-21T10:00:00+08:00'))).toBe('not_open');
  });

  it('is unscheduled without a window', () => {
    expect(votingState(round({ votingOpensAt: null, votingClosesAt: null }), at('2031-04-21T10:00:00+08:00'))).toBe('unscheduled');
    expect(votingState(round({ votingClosesAt: null }), at('2031-04-21T10:00:00+08:00'))).toBe('unscheduled');
  });
});

describe('votingClosedMessage', () => {
  it('is null while voting is open', () => {
    expect(votingClosedMessage(round(), at('2031-04-21T10:00:00+08:00'))).toBeNull();
  });

  it('gives the window in Shanghai time, the end of the last day as 24:00, before and after it', () => {
    expect(votingWindowText(round())).toBe('from 2031-04-20 00:00 to 2031-04-22 24:00 (Asia/Shanghai)');
    expect(votingClosedMessage(round(), at('2031-04-19T09:30:00+08:00'))).toBe(
      'voting for the 2031 round has not opened yet: it is open from 2031-04-20 00:00 to 2031-04-22 24:00 (Asia/Shanghai); it is now 2031-04-19 09:30',
    );
    expect(votingClosedMessage(round(), at('2031-04-23T00:00:00+08:00'))).toBe(
      'voting for the 2031 round has closed: it was open from 2031-04-20 00:00 to 2031-04-22 24:00 (Asia/Shanghai); it is now 2031-04-23 00:00',
    );
  });

  it('names the phase when the window is current but the round is elsewhere, and says when nothing is scheduled', () => {
    expect(votingClosedMessage(round({ phase: 'leadership' }), at('2031-04-21T10:00:00+08:00'))).toMatch(
      /^voting for the 2031 round is not open: the round is in its 'leadership' phase \(voting window from 2031-04-20 00:00 to 2031-04-22 24:00 \(Asia\/Shanghai\)\)/,
    );
    expect(votingClosedMessage(round({ votingOpensAt: null, votingClosesAt: null }), at('2031-04-21T10:00:00+08:00'))).toBe(
      'voting for the 2031 round has not been scheduled yet',
    );
  });
});
