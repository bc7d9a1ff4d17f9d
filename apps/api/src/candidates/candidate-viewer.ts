import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CandidateStateV2 } from '../../../../libs/contract';
import { CandidateEntity } from '../../../../libs/db';
import { AuditLog } from '../../../../libs/audit';
import { PiiCipher } from '../../../../libs/security/pii';
import type { TokenClaims } from '../../../../libs/security/token';
import { recordPiiRead } from '../audit/pii-read';
import { findLinkedResult } from '../competitions/competition.repository';
import { candidateView, seesClearPii, type CandidateView } from './candidate-view';

/**
 * Turns a workflow's state into what the caller may see. Every response that shows a candidate —
 * the file itself and the reply to each action on it — comes through here: a raw state never
 * leaves the API, since it carries every expert's identity and marks.
 */
@Injectable()
export class CandidateViewer {
  constructor(
    private readonly ds: DataSource,
    private readonly pii: PiiCipher,
    private readonly audit: AuditLog,
  ) {}

  /** A view with personal data in full is shown only once its read is in the audit log. */
  async show(row: CandidateEntity, state: CandidateStateV2, claims: TokenClaims): Promise<CandidateView> {
    // Only a file resting on a recorded competition result costs a read more: its pre-check compares the two.
    const linked = row.competitionResultId ? await findLinkedResult(this.ds, row.competitionResultId) : null;
    const view = candidateView(row, state, claims, this.pii, linked);
    if (seesClearPii(claims.role)) {
      await recordPiiRead(this.audit, claims, {
        objectType: 'candidate',
        objectId: row.id,
        candidateId: row.id,
        roundId: row.roundId,
        detail: { fields: ['idNumber', 'mobile', 'homeAddress'].filter((f) => view[f as keyof CandidateView]) },
      });
    }
    return view;
  }

  /** The reply to an action: the row is read again, since the action may have changed the form (a resubmission, an opinion). */
  async afterAction(candidateId: string, state: CandidateStateV2, claims: TokenClaims): Promise<CandidateView> {
    const row = await this.ds.getRepository(CandidateEntity).findOneByOrFail({ id: candidateId });
    return this.show(row, state, claims);
  }
}

/**
 * A list showing personal data in full (the office's) is one audited read, naming the files it showed
 * (up to 1,000 of them); a list shown masked is not a read of personal data.
 */
export async function recordClearListRead(audit: AuditLog, claims: TokenClaims, candidateIds: string[], objectType: string): Promise<void> {
  if (!candidateIds.length || !seesClearPii(claims.role)) return;
  await recordPiiRead(audit, claims, {
    objectType,
    objectId: null,
    detail: { fields: ['idNumber', 'mobile', 'homeAddress'], count: candidateIds.length, candidateIds: candidateIds.length <= 1000 ? candidateIds : undefined },
  });
}
