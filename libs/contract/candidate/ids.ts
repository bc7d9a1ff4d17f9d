/**
 * A candidate keeps one workflow ID for life: its file runs (nomination → commendation) and then,
 * under the same ID, the master's payment schedule. Auditors and the API address that one ID.
 */
export function candidateWorkflowId(candidateId: string): string {
  return `candidate-${candidateId}`;
}

/** The walking skeleton's single workflow: frozen, registered only to finish the files it started. */
export const CANDIDATE_WORKFLOW = 'candidateWorkflow';
/** A nomination's file, from nomination to commendation; continues as the payment schedule. */
export const CANDIDATE_FILE_WORKFLOW = 'candidateFileWorkflow';
