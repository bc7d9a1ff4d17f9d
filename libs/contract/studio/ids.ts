/** One workflow per demonstration studio (示范性工作室), from application to naming and grant. */
export const STUDIO_WORKFLOW = 'studioWorkflow';

export function studioWorkflowId(studioId: string): string {
  return `studio-${studioId}`;
}
