import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { Clock } from '../../apps/api/src/voting/clock';

/**
 * A round in its voting phase, written straight into the projection the round workflow will
 * maintain (rounds.phase and voting window, round_entries), with candidates on its list. The
 * database is shared and never reset: each round takes a free year, and `remove` deletes it all.
 */
export interface VotingRound {
  roundId: string;
  year: number;
  candidates: string[];
  /** An instant in the round's year, given as Shanghai local `MM-DDTHH:MM[:SS]`. */
  at: (local: string) => Date;
  remove: () => Promise<void>;
}

export interface VotingRoundOptions {
  candidates?: number;
  phase?: string | null;
  /** Shanghai local `MM-DDTHH:MM`; default 04-20T00:00 to 04-23T00:00 (three days). */
  opens?: string | null;
  closes?: string | null;
  /** Outcomes by candidate index, e.g. { 2: 'disqualified' }. */
  outcomes?: Record<number, string>;
}

export async function createVotingRound(db: DataSource, options: VotingRoundOptions = {}): Promise<VotingRound> {
  const { candidates = 3, phase = 'voting', opens = '04-20T00:00', closes = '04-23T00:00', outcomes = {} } = options;
  for (let attempt = 0; attempt < 30; attempt++) {
    const year = 2030 + Math.floor(Math.random() * 70);
    const local = (s: string) => new Date(`${year}-${s}${s.length === 11 ? ':00' : ''}+08:00`);
    const roundId = randomUUID();
    try {
      await db.query(
        `INSERT INTO rounds (id, year, quota, nomination_opens_at, nomination_closes_at, review_closes_at, created_by, phase, voting_opens_at, voting_closes_at)
         VALUES ($1, $2, 30, $3, $4, $5, 'it-voting', $6, $7, $8)`,
        [roundId, year, local('04-06T00:00'), local('04-16T00:00'), local('04-26T00:00'), phase, opens && local(opens), closes && local(closes)],
      );
    } catch (err) {
      if ((err as { code?: string }).code === '23505') continue; // the year is taken: try another
      throw err;
    }
    const ids: string[] = [];
    for (let i = 0; i < candidates; i++) {
      const id = randomUUID();
      // Names sort in index order, so tests can predict the public list's order.
      await db.query(
        `INSERT INTO candidates (id, round_id, channel, name, id_number_cipher, id_number_index, mobile_cipher, employer, industry,
                                 trade, years_of_work, skill_level, submitted_by, submitted_role, workflow_id, version, form)
         VALUES ($1, $2, 'self', $3, 'sealed-id', $4, 'sealed-mobile', $5, 'eyewear', '眼镜装配', 10, 'technician', 'it-voting', 'nominator', $6, 1, $7)`,
        [id, roundId, `候选人${String(i).padStart(2, '0')}`, `it-voting-${id}`, `瓯海眼镜厂${i}`, `it-voting-${id}`, { deeds: `事迹${i}：带徒${i}人` }],
      );
      await db.query(`INSERT INTO round_entries (round_id, candidate_id, rank, expert_score_centi, outcome) VALUES ($1, $2, $3, $4, $5)`, [
        roundId,
        id,
        i + 1,
        9000 - i * 10,
        outcomes[i] ?? null,
      ]);
      ids.push(id);
    }
    return {
      roundId,
      year,
      candidates: ids,
      at: local,
      remove: async () => {
        await db.query('DELETE FROM votes WHERE round_id = $1', [roundId]);
        await db.query('DELETE FROM voter_days WHERE round_id = $1', [roundId]);
        await db.query('DELETE FROM round_entries WHERE round_id = $1', [roundId]);
        await db.query('DELETE FROM candidates WHERE round_id = $1', [roundId]);
        await db.query('DELETE FROM rounds WHERE id = $1', [roundId]);
      },
    };
  }
  throw new Error('no free year found for a voting round');
}

/** Sets the API's clock (the Clock provider voting reads); returns a setter for later instants. */
export function controlClock(app: INestApplication): (at: Date) => void {
  let now = new Date();
  jest.spyOn(app.get(Clock), 'now').mockImplementation(() => new Date(now));
  return (at: Date) => {
    now = at;
  };
}

export async function voteRows(db: DataSource, roundId: string): Promise<Array<{ id: string; candidate_id: string; voter_hash: string; day: string }>> {
  return db.query(`SELECT id, candidate_id, voter_hash, day::text AS day FROM votes WHERE round_id = $1 ORDER BY cast_at, id`, [roundId]);
}
