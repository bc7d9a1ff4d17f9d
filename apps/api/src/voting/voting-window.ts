import { shanghaiLocal, windowText } from '../rounds/round-time';

/** The phase the round workflow projects into `rounds.phase` while the public may vote. */
export const VOTING_PHASE = 'voting';

export interface VotingProjection {
  year: number;
  phase: string | null;
  votingOpensAt: Date | null;
  votingClosesAt: Date | null;
}

/**
 * `unscheduled`: no window yet. `not_open`: before the window, or inside it while the round is not in
 * its voting phase. `open`: phase 'voting' and opens <= now < closes. `closed`: the window has ended.
 */
export type VotingState = 'unscheduled' | 'not_open' | 'open' | 'closed';

export function votingState(round: VotingProjection, now: Date): VotingState {
  if (!round.votingOpensAt || !round.votingClosesAt) return 'unscheduled';
  const t = now.getTime();
  if (t >= round.votingClosesAt.getTime()) return 'closed';
  if (t < round.votingOpensAt.getTime() || round.phase !== VOTING_PHASE) return 'not_open';
  return 'open';
}

/** "from 2031-04-20 00:00 to 2031-04-22 24:00 (Asia/Shanghai)", or null before a window is set. */
export function votingWindowText(round: VotingProjection): string | null {
  if (!round.votingOpensAt || !round.votingClosesAt) return null;
  return `${windowText(round.votingOpensAt, round.votingClosesAt)} (Asia/Shanghai)`;
}

/** Why a vote cast at `now` is refused, giving the window in Asia/Shanghai time; null while voting is open. */
export function votingClosedMessage(round: VotingProjection, now: Date): string | null {
  const state = votingState(round, now);
  if (state === 'open') return null;
  const head = `voting for the ${round.year} round`;
  const at = `it is now ${shanghaiLocal(now, { seconds: false })}`;
  const window = votingWindowText(round);
  switch (state) {
    case 'unscheduled':
      return `${head} has not been scheduled yet`;
    case 'closed':
      return `${head} has closed: it was open ${window}; ${at}`;
    case 'not_open':
      return now.getTime() < round.votingOpensAt!.getTime()
        ? `${head} has not opened yet: it is open ${window}; ${at}`
        : `${head} is not open: the round is in its '${round.phase ?? 'unknown'}' phase (voting window ${window}); ${at}`;
  }
}
