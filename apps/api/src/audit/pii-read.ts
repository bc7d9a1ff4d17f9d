import { Logger, ServiceUnavailableException } from '@nestjs/common';
import type { AuditLog } from '../../../../libs/audit';
import type { TokenClaims } from '../../../../libs/security/token';
import { actorOf } from './audit-entry';

const log = new Logger('Audit');

export interface PiiReadObject {
  objectType: string;
  objectId: string | null;
  candidateId?: string | null;
  roundId?: string | null;
  /** Which fields were shown in full, and of what (ids only). */
  detail: Record<string, unknown>;
}

/**
 * Records a read of personal data in full (PIPL art. 28: sensitive personal information). The data
 * is shown only once the read is recorded: if the audit log cannot be written the caller gets a 503.
 */
export async function recordPiiRead(audit: AuditLog, claims: TokenClaims, object: PiiReadObject): Promise<void> {
  try {
    await audit.append({ actor: actorOf(claims), action: 'pii.read', ...object });
  } catch (err) {
    log.error(`audit append of a personal-data read failed: ${err instanceof Error ? err.message : 'unknown error'}`);
    throw new ServiceUnavailableException('personal data is shown in full only once the read is recorded, and the audit log cannot be written now; try again shortly');
  }
}
