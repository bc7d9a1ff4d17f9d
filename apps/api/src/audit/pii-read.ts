import { Logger, ServiceUnavailableException } from '@nestjs/common';
import type { AuditLog } from '../../../../libs/audit';
import type { TokenClaims } from '../../../../libs/security/token';
import { actorOf } from './audit-entry';
import { auditedWrite } from './write-context';

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
 * A read in a GET is a `pii.read` row of its own; one in a write's reply goes on the write's row.
 */
export async function recordPiiRead(audit: AuditLog, claims: TokenClaims, object: PiiReadObject): Promise<void> {
  // Shown in a write's reply: recorded on the write's own row, which commits before the reply is sent.
  if (auditedWrite.notePiiShown({ objectType: object.objectType, objectId: object.objectId, detail: object.detail })) return;
  try {
    await audit.append({ actor: actorOf(claims), action: 'pii.read', ...object });
  } catch (err) {
    log.error(`audit append of a personal-data read failed: ${err instanceof Error ? err.message : 'unknown error'}`);
    throw new ServiceUnavailableException('personal data is shown in full only once the read is recorded, and the audit log cannot be written now; try again shortly');
  }
}
