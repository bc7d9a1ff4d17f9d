import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { AttachmentEntity, CandidateEntity, CandidateVersionEntity, PaymentInbox, RoundEntryEntity } from '../../../../libs/db';
import { AuditLog } from '../../../../libs/audit';
import { PiiCipher } from '../../../../libs/security/pii';
import { recordPiiRead } from '../audit/pii-read';
import type { TokenClaims } from '../../../../libs/security/token';
import { attachmentView } from '../attachments/attachments.service';
import { fetchDecodedHistory } from '../../../../libs/temporal/decode-history';
import { fetchRunChain, readTimeline, type TimelineEntry } from '../candidates/timeline';
import { TEMPORAL_CLIENT } from '../common/temporal.module';
import { engine } from '../common/temporal-errors';
import { instructionView } from '../finance/instruction-view';
import { TEXT as NOTIFICATION_TEXT } from '../../../../libs/db/notification.store';

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

/**
 * The access-request export (PIPL art. 45): everything held on one person, for the programme office to
 * hand over. Files are found only through the blind index (the service never searches clear values);
 * a file whose data was erased at the end of retention no longer matches and is not found, which is
 * the point of erasing. Personal data is given in clear — it is the person's own, and the office sees it
 * in clear already — the bank account number included, so the person can check what is paid where.
 */
@Injectable()
export class PersonsService {
  constructor(
    private readonly ds: DataSource,
    private readonly pii: PiiCipher,
    private readonly inbox: PaymentInbox,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly audit: AuditLog,
  ) {}

  async export(idNumber: string, claims: TokenClaims) {
    const rows = await this.ds.getRepository(CandidateEntity).find({ where: { idNumberIndex: this.pii.blindIndex('id', idNumber) }, order: { createdAt: 'ASC' } });
    const files = [];
    for (const row of rows) files.push(await this.file(row));
    // A full-value read of every file exported, recorded before anything is sent (never the ID number itself).
    for (const row of rows)
      await recordPiiRead(this.audit, claims, { objectType: 'person_export', objectId: row.id, candidateId: row.id, detail: { legalBasis: 'PIPL art. 45' } });
    return { exportedAt: new Date().toISOString(), exportedBy: { sub: claims.sub, role: claims.role }, legalBasis: 'PIPL art. 45', files };
  }

  private async file(row: CandidateEntity) {
    const open = (v: string | null) => (v ? this.pii.decrypt(v) : null);
    const [versions, attachments, entries, status, instructions, round] = await Promise.all([
      this.ds.getRepository(CandidateVersionEntity).find({ where: { candidateId: row.id }, order: { version: 'ASC' } }),
      this.ds.getRepository(AttachmentEntity).find({ where: { candidateId: row.id }, order: { uploadedAt: 'ASC', id: 'ASC' } }),
      this.ds.getRepository(RoundEntryEntity).find({ where: { candidateId: row.id } }),
      this.ds.query(`SELECT stage, status, updated_at FROM candidate_status WHERE candidate_id = $1`, [row.id]) as Promise<
        Array<{ stage: string; status: string; updated_at: Date }>
      >,
      this.inbox.list({ candidateId: row.id }),
      row.roundId ? this.ds.query(`SELECT year FROM rounds WHERE id = $1`, [row.roundId]) : Promise.resolve([]),
    ]);
    const [events, asMaster, notifications] = await Promise.all([this.timeline(row.workflowId), this.asMaster(row.id), this.notifications(row.id)]);
    return {
      candidateId: row.id,
      workflowId: row.workflowId,
      roundId: row.roundId,
      roundYear: (round as Array<{ year: number }>)[0]?.year ?? null,
      channel: row.channel,
      area: row.area,
      nominatedAt: iso(row.createdAt),
      submittedBy: { sub: row.submittedBy, role: row.submittedRole, issuer: row.submittedIssuer },
      personalData: { name: row.name, idNumber: open(row.idNumberCipher), mobile: open(row.mobileCipher), homeAddress: open(row.homeAddressCipher) },
      erased: row.erasedAt !== null,
      form: row.form,
      versions: versions.map(({ form: { sealed, ...form }, ...v }) => ({
        version: v.version,
        createdAt: iso(v.createdAt),
        createdBy: v.createdBy,
        note: v.note,
        form: { ...form, ...Object.fromEntries(Object.entries((sealed ?? {}) as Record<string, string>).map(([k, s]) => [k, this.pii.decrypt(s)])) },
      })),
      status: status[0] ? { stage: status[0].stage, status: status[0].status, updatedAt: iso(status[0].updated_at) } : null,
      // Null when Temporal no longer keeps the history (its namespace retention is shorter than ours).
      decisions: events?.filter((e) => e.type === 'decision') ?? null,
      timeline: events,
      roundEntries: entries.map(({ roundId, rank, outcome, reason, votes, combinedRank }) => ({ roundId, rank, outcome, reason, votes, combinedRank })),
      attachments: attachments.map((a) => ({ ...attachmentView(a), uploadedBy: a.uploadedBy })),
      bankAccount: row.bankAccountCipher
        ? {
            bank: row.bankName,
            accountNumber: open(row.bankAccountCipher),
            accountName: row.bankAccountName,
            recordedBy: row.bankAccountBy,
            recordedAt: iso(row.bankAccountAt),
          }
        : null,
      paymentInstructions: instructions.map(instructionView),
      notifications,
      ...asMaster,
    };
  }

  /** What the programme holds on a named master besides the file: benefits, the register's entry, studios named after them. */
  private async asMaster(candidateId: string) {
    const [benefits, register, studios] = await Promise.all([
      this.ds.query(
        `SELECT kind, granting_body AS "grantingBody", status, to_char(offered_on, 'YYYY-MM-DD') AS "offeredOn", to_char(taken_up_on, 'YYYY-MM-DD') AS "takenUpOn",
                to_char(declined_on, 'YYYY-MM-DD') AS "declinedOn", to_char(granted_on, 'YYYY-MM-DD') AS "grantedOn"
           FROM master_benefits WHERE candidate_id = $1 ORDER BY kind`,
        [candidateId],
      ) as Promise<Array<Record<string, string | null>>>,
      this.ds.query(`SELECT limited, deeds, updated_at FROM master_register WHERE candidate_id = $1`, [candidateId]) as Promise<
        Array<{ limited: boolean; deeds: string | null; updated_at: Date }>
      >,
      this.ds.query(`SELECT id, name, status, to_char(named_on, 'YYYY-MM-DD') AS "namedOn" FROM studios WHERE master_id = $1 ORDER BY created_at`, [
        candidateId,
      ]) as Promise<Array<{ id: string; name: string; status: string; namedOn: string | null }>>,
    ]);
    const entry = register[0];
    return {
      benefits,
      registerEntry: entry ? { limited: entry.limited, deeds: entry.deeds, updatedAt: iso(entry.updated_at) } : null,
      studios,
    };
  }

  /**
   * The messages the outbox holds about the file: to whom, how, what they said (the name put in), and
   * whether they went; a text message's number in clear, as it is the person's own.
   */
  private async notifications(candidateId: string) {
    const rows: Array<{
      kind: string;
      channel: string;
      role: string | null;
      userId: string | null;
      contact: string | null;
      text: string;
      status: string;
      createdAt: Date;
      sentAt: Date | null;
    }> = await this.ds.query(
      `SELECT n.kind, n.channel, n.recipient_role AS role, n.recipient_user_id AS "userId", n.contact_cipher AS contact, ${NOTIFICATION_TEXT} AS text,
                n.status, n.created_at AS "createdAt", n.sent_at AS "sentAt"
           FROM notifications n WHERE n.candidate_id = $1 ORDER BY n.created_at, n.id`,
      [candidateId],
    );
    return rows.map((n) => ({
      kind: n.kind,
      channel: n.channel,
      recipient: { role: n.role, userId: n.userId },
      contact: n.contact ? this.pii.decrypt(n.contact) : null,
      text: n.text,
      status: n.status,
      createdAt: iso(n.createdAt)!,
      sentAt: iso(n.sentAt),
    }));
  }

  private async timeline(workflowId: string): Promise<TimelineEntry[] | null> {
    try {
      return readTimeline(await engine(() => fetchRunChain((runId) => fetchDecodedHistory(this.temporal.workflow.getHandle(workflowId, runId)))));
    } catch (err) {
      if (err instanceof NotFoundException) return null;
      throw err;
    }
  }
}
