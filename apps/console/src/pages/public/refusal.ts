import type { RefusalCode } from '../../../../api/src/common/refusal-codes';
import { refusalText } from '../../api/client';

/**
 * A refusal of a public route in the page's language: the page's own sentence for the refusal's code
 * when it has one (the public needs what to do next, not the API's English), else refusalText's.
 */
export function publicRefusal(error: unknown, byCode: Partial<Record<RefusalCode, string>>): string {
  const code = (error as { code?: RefusalCode } | undefined)?.code;
  return (code && byCode[code]) || refusalText(error);
}
