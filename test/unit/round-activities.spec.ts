import { MockActivityEnvironment } from '@temporalio/testing';
import { createRoundActivities, type RoundStore } from '../../activities';
import { cohortBatch, unpackCandidates, type OpenCandidatesV2 } from '../../libs/contract';

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
    expect(unpackCandidates(open as OpenCandidatesV2)).toEqual([
      { candidateId: 'projected', scoreCenti: 9000 },
      { candidateId: 'lagging', scoreCenti: 8150 },
      { candidateId: 'unfinished', scoreCenti: null },
    ]);
    // A score the projection already shows is taken from it: only the others are asked.
    expect(asked.sort()).toEqual(['lagging', 'unfinished']);
  });

  it('sends each file of a formal list by ids the reason the API stored for it', async () => {
    const sent: Array<[string, string | undefined]> = [];
    const stored: Record<string, string> = { a: '综合排名第31位，未进入前30名', b: '综合排名第32位，未进入前30名' };
    const activities = createRoundActivities(
      {
        storedReasons: async (reasonsId: string, ids: string[]) => (reasonsId === 'list-1' ? Object.fromEntries(ids.map((id) => [id, stored[id]])) : {}),
      } as unknown as RoundStore,
      async (candidateId, d) => void sent.push([candidateId, d.reason]),
    );
    const decision = { seq: 4, step: 'left_out' as const, at: '2031-03-06T00:00:00.000Z' };
    await new MockActivityEnvironment().run(
      (batch: Parameters<typeof activities.notifyCohort>[0]) => activities.notifyCohort(batch),
      cohortBatch(decision, [{ candidateId: 'a' }, { candidateId: 'b' }], 'list-1'),
    );
    expect(sent).toEqual([
      ['a', stored.a],
      ['b', stored.b],
    ]);
  });
});
