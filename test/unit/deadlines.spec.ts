import { CHANNELS, STAGES } from '../../libs/contract';
import { stageDeadlines, TIMED_REVIEW_STAGES } from '../../libs/domain/deadlines';

/** Due instants per stage from the round's windows (附件1, 2017 as the example). */

const round2017 = {
  nominationClosesAt: new Date('2017-04-16T00:00:00+08:00'),
  reviewClosesAt: new Date('2017-04-26T00:00:00+08:00'),
};
const at = (local: string) => new Date(`${local}+08:00`).toISOString();

describe('stageDeadlines', () => {
  it('orders the timed review stages as the notice does', () => {
    expect(TIMED_REVIEW_STAGES).toEqual(['qualification', 'inspection', 'expert_review', 'voting', 'leadership']);
  });

  it('gives an organisational nomination the endorsement deadline at nomination close and splits the review window evenly', () => {
    expect(stageDeadlines('organisational', round2017)).toEqual({
      endorsement: at('2017-04-16T00:00:00'),
      qualification: at('2017-04-18T00:00:00'),
      inspection: at('2017-04-20T00:00:00'),
      expert_review: at('2017-04-22T00:00:00'),
      voting: at('2017-04-24T00:00:00'),
      leadership: at('2017-04-26T00:00:00'),
    });
  });

  it('gives the leadership review the close of the review window', () => {
    expect(stageDeadlines('self', round2017).leadership).toBe(round2017.reviewClosesAt.toISOString());
  });

  it.each(['association', 'self', 'competition'] as const)('gives the %s channel no endorsement deadline', (channel) => {
    const d = stageDeadlines(channel, round2017);
    expect(d).not.toHaveProperty('endorsement');
    expect(d).toEqual({
      qualification: at('2017-04-18T00:00:00'),
      inspection: at('2017-04-20T00:00:00'),
      expert_review: at('2017-04-22T00:00:00'),
      voting: at('2017-04-24T00:00:00'),
      leadership: at('2017-04-26T00:00:00'),
    });
  });

  it.each([...CHANNELS])('gives public_notice, government_approval and commendation no deadline (%s)', (channel) => {
    const d = stageDeadlines(channel, round2017);
    for (const stage of ['public_notice', 'government_approval', 'commendation'] as const) expect(d).not.toHaveProperty(stage);
    for (const stage of Object.keys(d)) expect(STAGES).toContain(stage);
  });

  it('keeps the deadlines strictly increasing in stage order', () => {
    const d = stageDeadlines('organisational', round2017);
    const times = ['endorsement', ...TIMED_REVIEW_STAGES].map((s) => Date.parse(d[s as keyof typeof d]!));
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThan(times[i - 1]);
  });

  it('rounds a window that does not divide evenly to whole milliseconds and ends exactly at review close', () => {
    const round = { nominationClosesAt: new Date('2018-04-16T00:00:00+08:00'), reviewClosesAt: new Date(Date.parse('2018-04-26T00:00:00+08:00') + 3) };
    const d = stageDeadlines('association', round);
    expect(d.leadership).toBe(round.reviewClosesAt.toISOString());
    expect(d.qualification).toBe(new Date(round.nominationClosesAt.getTime() + 2 * 86_400_000 + 1).toISOString());
  });

  it('does not mutate the round', () => {
    const round = { nominationClosesAt: new Date(round2017.nominationClosesAt), reviewClosesAt: new Date(round2017.reviewClosesAt) };
    stageDeadlines('organisational', round);
    expect(round).toEqual(round2017);
  });
});
