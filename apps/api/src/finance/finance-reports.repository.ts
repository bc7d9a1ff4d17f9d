import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { monthBounds } from '../../../../libs/db';
import type { BankRunRow } from './bank-run';

export interface StatusSum {
  status: string;
  recovery: boolean;
  count: number;
  amountFen: number;
}

export interface MasterPaid {
  candidateId: string;
  name: string;
  paidFen: number;
  paidCount: number;
}

/** The numbers behind the bank run and the reconciliation, each read in one query. */
@Injectable()
export class FinanceReportsRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * The payee of each approved instruction: the master for the bonus and the subsidy; for a studio's
   * grant the studio, paid to its host unit's account (never the master's, nor the master's ID number).
   */
  bankRun(month: string): Promise<BankRunRow[]> {
    const payee = (column: string) => `CASE WHEN t.kind = 'studio_grant' THEN s.${column} ELSE c.${column} END`;
    return this.ds.query(
      `SELECT t.id, t.kind, t.instalment, t.attempt, t.amount_fen::int AS "amountFen", to_char(t.due_on, 'YYYY-MM-DD') AS "dueOn",
              t.studio_id AS "studioId", ${payee('name')} AS name,
              CASE WHEN t.kind = 'studio_grant' THEN NULL ELSE c.id_number_cipher END AS "idNumberCipher", ${payee('bank_name')} AS "bankName",
              ${payee('bank_account_cipher')} AS "bankAccountCipher", ${payee('bank_account_name')} AS "bankAccountName"
       FROM payment_tasks t JOIN candidates c ON c.id = t.candidate_id LEFT JOIN studios s ON s.id = t.studio_id
       WHERE t.status = 'approved' AND t.due_on >= $1 AND t.due_on < $2
       ORDER BY t.due_on, c.name, t.candidate_id, t.kind, t.instalment`,
      monthBounds(month),
    );
  }

  /** Instructions falling due in the month (every month when null), counted and summed by status. */
  byStatus(month: string | null): Promise<StatusSum[]> {
    const [from, to] = month ? monthBounds(month) : [null, null];
    return this.ds
      .query(
        `SELECT status, recovery, count(*)::int AS count, coalesce(sum(amount_fen), 0)::bigint AS "amountFen"
       FROM payment_tasks WHERE ($1::date IS NULL OR (due_on >= $1::date AND due_on < $2::date))
       GROUP BY status, recovery`,
        [from, to],
      )
      .then((rows: StatusSum[]) => rows.map((r) => ({ ...r, amountFen: Number(r.amountFen) })));
  }

  /**
   * Each master's own money (bonus and subsidy; a studio's grant is the studio's) paid by the end of
   * the month: the masters with an instruction falling due in it, or every master when month is null.
   */
  paidPerMaster(month: string | null): Promise<MasterPaid[]> {
    const [from, to] = month ? monthBounds(month) : [null, null];
    return this.ds
      .query(
        `SELECT c.id AS "candidateId", c.name,
              coalesce(sum(t.amount_fen) FILTER (WHERE t.status = 'paid' AND ($2::date IS NULL OR t.paid_on < $2::date)), 0)::bigint AS "paidFen",
              count(*) FILTER (WHERE t.status = 'paid' AND ($2::date IS NULL OR t.paid_on < $2::date))::int AS "paidCount"
       FROM payment_tasks t JOIN candidates c ON c.id = t.candidate_id
       WHERE t.kind IN ('bonus', 'subsidy') AND t.studio_id IS NULL
       GROUP BY c.id, c.name
       HAVING $1::date IS NULL OR bool_or(t.due_on >= $1::date AND t.due_on < $2::date)
       ORDER BY c.name, c.id`,
        [from, to],
      )
      .then((rows: MasterPaid[]) => rows.map((r) => ({ ...r, paidFen: Number(r.paidFen) })));
  }

  /** Every master whose money paid so far, in any month, is above the cap. */
  overCap(capFen: number): Promise<MasterPaid[]> {
    return this.ds
      .query(
        `SELECT c.id AS "candidateId", c.name, sum(t.amount_fen)::bigint AS "paidFen", count(*)::int AS "paidCount"
       FROM payment_tasks t JOIN candidates c ON c.id = t.candidate_id
       WHERE t.kind IN ('bonus', 'subsidy') AND t.studio_id IS NULL AND t.status = 'paid'
       GROUP BY c.id, c.name HAVING sum(t.amount_fen) > $1
       ORDER BY c.name, c.id`,
        [capFen],
      )
      .then((rows: MasterPaid[]) => rows.map((r) => ({ ...r, paidFen: Number(r.paidFen) })));
  }
}
