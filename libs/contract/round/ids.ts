/** One workflow per annual round, named by its year: the round owns the cohort's decisions. */
export const ROUND_WORKFLOW = 'roundWorkflow';

export function roundWorkflowId(year: number): string {
  return `round-${year}`;
}
