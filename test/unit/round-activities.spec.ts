import { MockActivityEnvironment } from '@temporalio/testing';
import { createRoundActivities, type RoundStore } from '../../activities';

describe('round activities', () => {
  const store = (open: Array<{ candidateId: string; scoreCenti: number | null }>) => ({ openCandidates: async () => open }) as unknown as RoundStore;

  it("asks a file its score when the status projection has not caught up with the file's last expert", async () => {
    const asked: string[] = [];
    const live: Record<string, number | null> = { lagging: 8150, unfinished: null };
    const activities = createRoundActivities(
      store([
        { candidateId: 'projected', scoreCenti: 9000 },
        { candidateId: 'lagging', scoreCenti: null },
        { candidateId: 'unfinished', scoreCenti: null },
      ]),
      async () => undefined,
      async (id) => (asked.push(id), live[id]),
    );
    const open = await new MockActivityEnvironment().run((roundId: string) => activities.openCandidates(roundId), 'round-1');
    expect(open).toEqual([
      { candidateId: 'projected', scoreCenti: 9000 },
      { candidateId: 'lagging', scoreCenti: 8150 },
      { candidateId: 'unfinished', scoreCenti: null },
    ]);
    // A score the projection already shows is taken from it: only the others are asked.
    expect(asked.sort()).toEqual(['lagging', 'unfinished']);
  });
});
