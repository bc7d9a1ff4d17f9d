import { randomUUID } from 'node:crypto';
import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import { candidateWorkflowId, type PaymentRecord } from '../contract';

/** A payment the paper records show as made, as it goes into the finance inbox. */
export interface PaperPayment {
  kind: 'bonus' | 'subsidy';
  instalment: number;
  amountFen: number;
  dueOn: string;
  reference: string;
  paidOn: string;
}

/** One imported master, personal data already sealed. */
export interface SealedMaster {
  name: string;
  idNumberCipher: string;
  idNumberIndex: string;
  mobileCipher: string | null;
  employer: string;
  industry: string;
  trade: string;
  roundYear: number;
  commendedOn: string;
  /** Keyed digest of everything the row says: tells a repeated import from a different one. */
  digest: string;
  bank: { bankName: string; bankAccountCipher: string; bankAccountName: string } | null;
  /** The candidate_versions form: the row's fields with the sensitive ones sealed. */
  form: Record<string, unknown>;
  paper: PaperPayment[];
}

export interface ImportedFile {
  candidateId: string;
  outcome: 'imported' | 'unchanged';
  roundYear: number;
  commendedOn: string;
  /** The paper payments as the schedule records them (with their instruction ids). */
  payments: PaymentRecord[];
}

/** The row at `index` names a master already imported with other records. */
export class ImportConflict extends Error {
  constructor(
    readonly index: number,
    readonly roundYear: number,
  ) {
    super(`masters.${index} was already imported with other records`);
  }
}

/** Who records paper payments in the inbox: the import, on the office user's behalf (paid_by says who). */
export const IMPORT_STEP = 'imported_from_paper';

/**
 * Writes an import in one transaction: every new master's file, status, first form version and paper
 * payments (already paid, so never paid again), or nothing. A master already imported with the same
 * records is left as it is; with other records, the whole import is refused.
 */
export class MasterImportRepository {
  constructor(private readonly ds: DataSource) {}

  async save(masters: SealedMaster[], actor: string): Promise<ImportedFile[]> {
    try {
      return await this.ds.transaction((tx) => this.write(tx, masters, actor));
    } catch (err) {
      // Another import of the same person committed first: this one now finds it, unchanged or not.
      if (err instanceof QueryFailedError && (err.driverError as { code?: string }).code === '23505') {
        return this.ds.transaction((tx) => this.write(tx, masters, actor));
      }
      throw err;
    }
  }

  private async write(tx: EntityManager, masters: SealedMaster[], actor: string): Promise<ImportedFile[]> {
    const known: Array<{ candidate_id: string; id_number_index: string; record_digest: string; round_year: number; commended_on: string; payments: PaymentRecord[] }> =
      await tx.query(
        `SELECT candidate_id, id_number_index, record_digest, round_year, to_char(commended_on, 'YYYY-MM-DD') AS commended_on, payments
         FROM imported_masters WHERE id_number_index = ANY($1) FOR UPDATE`,
        [masters.map((m) => m.idNumberIndex)],
      );
    const byIndex = new Map(known.map((k) => [k.id_number_index, k]));
    const files: ImportedFile[] = [];
    const fresh: Array<{ id: string; m: SealedMaster; payments: Array<PaymentRecord & PaperPayment> }> = [];
    masters.forEach((m, i) => {
      const k = byIndex.get(m.idNumberIndex);
      if (k && k.record_digest !== m.digest) throw new ImportConflict(i, k.round_year);
      if (k) {
        files.push({ candidateId: k.candidate_id, outcome: 'unchanged', roundYear: k.round_year, commendedOn: k.commended_on, payments: k.payments });
        return;
      }
      const id = randomUUID();
      const payments = m.paper.map((p) => ({ ...p, taskId: randomUUID() }));
      fresh.push({ id, m, payments });
      files.push({ candidateId: id, outcome: 'imported', roundYear: m.roundYear, commendedOn: m.commendedOn, payments: payments.map(record) });
    });
    if (fresh.length) await this.insert(tx, fresh, actor);
    return files;
  }

  /** One statement per table, whatever the number of masters. */
  private async insert(tx: EntityManager, fresh: Array<{ id: string; m: SealedMaster; payments: Array<PaymentRecord & PaperPayment> }>, actor: string) {
    const rows = (f: (x: (typeof fresh)[number]) => object[]) => JSON.stringify(fresh.flatMap(f));
    await tx.query(
      `INSERT INTO candidates (id, channel, name, id_number_cipher, id_number_index, mobile_cipher, employer, industry, trade,
                               submitted_by, submitted_role, workflow_id, version, form, bank_name, bank_account_cipher, bank_account_name,
                               bank_account_by, bank_account_at)
       SELECT id, 'imported', name, id_number_cipher, id_number_index, mobile_cipher, employer, industry, trade, $2, 'union_office',
              workflow_id, 1, form, bank_name, bank_account_cipher, bank_account_name,
              CASE WHEN bank_account_cipher IS NULL THEN NULL ELSE $2 END, CASE WHEN bank_account_cipher IS NULL THEN NULL ELSE now() END
       FROM json_to_recordset($1::json) AS x(id uuid, workflow_id text, name text, id_number_cipher text, id_number_index text, mobile_cipher text, employer text,
                                             industry text, trade text, form jsonb, bank_name text, bank_account_cipher text, bank_account_name text)`,
      [
        rows(({ id, m }) => [
          {
            id,
            workflow_id: candidateWorkflowId(id),
            name: m.name,
            id_number_cipher: m.idNumberCipher,
            id_number_index: m.idNumberIndex,
            mobile_cipher: m.mobileCipher,
            employer: m.employer,
            industry: m.industry,
            trade: m.trade,
            form: m.form,
            bank_name: m.bank?.bankName ?? null,
            bank_account_cipher: m.bank?.bankAccountCipher ?? null,
            bank_account_name: m.bank?.bankAccountName ?? null,
          },
        ]),
        actor,
      ],
    );
    await tx.query(
      `INSERT INTO candidate_versions (candidate_id, version, form, note, created_by)
       SELECT id, 1, form, 'imported from the paper records', $2 FROM json_to_recordset($1::json) AS x(id uuid, form jsonb)`,
      [rows(({ id, m }) => [{ id, form: m.form }]), actor],
    );
    // Where the file stands, for the inbox and the lists, before the schedule's first report.
    await tx.query(
      `INSERT INTO candidate_status (candidate_id, stage, status, due_at, score_centi, panel, seq, updated_at)
       SELECT id, 'payments', 'paying', NULL, NULL, '[]', 0, now() FROM json_to_recordset($1::json) AS x(id uuid)`,
      [rows(({ id }) => [{ id }])],
    );
    await tx.query(
      `INSERT INTO imported_masters (candidate_id, id_number_index, round_year, commended_on, record_digest, payments, imported_by)
       SELECT id, id_number_index, round_year, commended_on, record_digest, payments, $2
       FROM json_to_recordset($1::json) AS x(id uuid, id_number_index text, round_year int, commended_on date, record_digest text, payments jsonb)`,
      [
        rows(({ id, m, payments }) => [
          { id, id_number_index: m.idNumberIndex, round_year: m.roundYear, commended_on: m.commendedOn, record_digest: m.digest, payments: payments.map(record) },
        ]),
        actor,
      ],
    );
    const paid = rows(({ id, payments }) => payments.map((p) => ({ ...p, candidateId: id })));
    // Paid on paper: never approved here (no four eyes then); paid_by names who imported the record.
    await tx.query(
      `WITH paid AS (
         INSERT INTO payment_tasks (id, candidate_id, kind, instalment, amount_fen, due_on, status, reference, paid_on, paid_by, paid_at)
         SELECT "taskId", "candidateId", kind, instalment, "amountFen", "dueOn", 'paid', reference, "paidOn", $2, now()
         FROM json_to_recordset($1::json) AS x("taskId" uuid, "candidateId" uuid, kind text, instalment int, "amountFen" bigint, "dueOn" date,
                                                reference text, "paidOn" date)
         RETURNING id)
       INSERT INTO payment_task_events (task_id, step, actor, reason) SELECT id, '${IMPORT_STEP}', $2, 'paid before the service existed' FROM paid`,
      [paid, actor],
    );
  }
}

function record(p: PaymentRecord & PaperPayment): PaymentRecord {
  return { kind: p.kind, instalment: p.instalment, amountFen: p.amountFen, dueOn: p.dueOn, taskId: p.taskId };
}
