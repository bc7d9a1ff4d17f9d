/**
 * A workflow whose every task fails, as a file does when the deployed code no longer replays its
 * history: an Error that is not a Temporal failure fails the workflow task (retried), not the workflow.
 */
export async function brokenWorkflow(): Promise<void> {
  throw new TypeError('this code does not match the history');
}
