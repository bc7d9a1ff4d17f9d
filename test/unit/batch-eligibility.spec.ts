import { batchRefusal } from '../../apps/api/src/inspection/batch-eligibility';
import { CLOSED_STATUSES, STAGES, type CandidateStatus } from '../../libs/contract';

/** A candidate can be put in an inspection batch while its candidacy runs and it has not passed inspection. */
describe('batchRefusal', () => {
  it.each([
    ['endorsement', 'awaiting_decision'],
    ['qualification', 'awaiting_decision'],
    ['qualification', 'returned'],
    ['inspection', 'awaiting_decision'],
    ['inspection', 'returned'],
  ] as const)('accepts a candidate at %s (%s)', (stage, status) => {
    expect(batchRefusal({ stage, status })).toBeNull();
  });

  it.each(CLOSED_STATUSES.map((status) => [status] as [CandidateStatus]))('refuses a candidacy that is %s, at any stage', (status) => {
    for (const stage of ['qualification', 'inspection', 'leadership'] as const) expect(batchRefusal({ stage, status })).toBe(`the candidacy is ${status}`);
  });

  it.each([...STAGES.slice(STAGES.indexOf('expert_review')), 'payments', 'closed'] as const)('refuses a candidate already at %s', (stage) => {
    expect(batchRefusal({ stage, status: 'awaiting_decision' })).toBe(`it is already past inspection (at '${stage}')`);
  });
});
