import { refusalText } from '../../api/client';

/**
 * A refusal of a public route in the page's language: the page's own sentence for the status when it
 * has one (the public needs what to do next, not the API's English), else the API's message.
 */
export function publicRefusal(status: number, error: unknown, byStatus: Record<number, string | undefined>): string {
  return byStatus[status] ?? refusalText(error);
}
