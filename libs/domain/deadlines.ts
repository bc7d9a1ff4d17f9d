import type { Channel, Stage } from '../contract';

/** The stages that carry a due date, in order, after the sub-district union's endorsement. */
export const TIMED_REVIEW_STAGES: Stage[] = ['qualification', 'inspection', 'expert_review', 'voting', 'leadership'];

/**
 * Due instants per stage, from the round's windows (product decision): the sub-district union
 * forwards by the close of nominations; the review window that follows is shared evenly among
 * the review stages, in order. The public notice runs on its own timer; approval and commendation
 * follow the district's calendar and carry no due date.
 */
export function stageDeadlines(channel: Channel, round: { nominationClosesAt: Date; reviewClosesAt: Date }): Partial<Record<Stage, string>> {
  const start = round.nominationClosesAt.getTime();
  const slice = (round.reviewClosesAt.getTime() - start) / TIMED_REVIEW_STAGES.length;
  const out: Partial<Record<Stage, string>> = {};
  if (channel === 'organisational') out.endorsement = round.nominationClosesAt.toISOString();
  TIMED_REVIEW_STAGES.forEach((stage, i) => {
    out[stage] = new Date(Math.round(start + slice * (i + 1))).toISOString();
  });
  return out;
}
