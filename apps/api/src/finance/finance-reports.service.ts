import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditLog } from '../../../../libs/audit';
import { APP_CONFIG, type AppConfig } from '../../../../libs/config';
import { PiiCipher } from '../../../../libs/security/pii';
import type { TokenClaims } from '../../../../libs/security/token';
import { recordPiiRead } from '../audit/pii-read';
import { csvExport, xlsxExport, type ExportFile } from '../common/export-file';
import { bankRunTable } from './bank-run';
import { FinanceReportsRepository, type StatusSum } from './finance-reports.repository';

type Sum = { count: number; amountFen: number };

/** The reconciliation's sections, each a set of (status, recovery) rows of the month's instructions. */
const SECTIONS: Record<string, (r: StatusSum) => boolean> = {
  due: (r) => r.status === 'due',
  approved: (r) => r.status === 'approved',
  paid: (r) => r.status === 'paid',
  failed: (r) => r.status === 'failed',
  cancelled: (r) => r.status === 'cancelled',
  // Still to pay: due, approved, or failed and not yet reissued. A reissued attempt is superseded by the next and counted there.
  outstanding: (r) => ['due', 'approved', 'failed'].includes(r.status),
  recovery: (r) => r.status === 'paid' && r.recovery,
};

@Injectable()
export class FinanceReportsService {
  private readonly log = new Logger('Reconciliation');

  constructor(
    private readonly reports: FinanceReportsRepository,
    private readonly pii: PiiCipher,
    private readonly audit: AuditLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The month's approved instructions for the bank; the account number in full only for finance. */
  async bankRun(month: string, format: 'csv' | 'xlsx', claims: TokenClaims): Promise<ExportFile> {
    const rows = await this.reports.bankRun(month);
    const fullAccount = claims.role === 'finance';
    const shown = rows.filter((r) => r.bankAccountCipher);
    if (fullAccount && shown.length) {
      // The bank run is the one place account numbers leave in full: each download is recorded, with the instructions it named.
      await recordPiiRead(this.audit, claims, {
        objectType: 'bank_run',
        objectId: month,
        detail: { fields: ['accountNumber'], format, count: shown.length, instructionIds: shown.map((r) => r.id) },
      });
    }
    const table = bankRunTable(rows, this.pii, fullAccount);
    const basename = `bank-run-${month}`;
    return format === 'csv' ? csvExport(table, basename) : xlsxExport(`付款清单 ${month}`, table, basename);
  }

  /**
   * The month in numbers, and each master's money paid by its end against the programme's cap
   * (the bonus and every month of the subsidy: 39,200 yuan by default). Money above the cap is a
   * breach: listed, and logged as an error for whoever watches the logs.
   */
  async reconciliation(month: string | null) {
    const { bonusFen, subsidyMonthlyFen, subsidyMonths } = this.config.programme;
    const capFen = bonusFen + subsidyMonthlyFen * subsidyMonths;
    const rows = await this.reports.byStatus(month);
    const sum = (pick: (r: StatusSum) => boolean): Sum =>
      rows.filter(pick).reduce((s, r) => ({ count: s.count + r.count, amountFen: s.amountFen + r.amountFen }), { count: 0, amountFen: 0 });
    const sections = Object.fromEntries(Object.entries(SECTIONS).map(([name, pick]) => [name, sum(pick)])) as Record<keyof typeof SECTIONS, Sum>;
    const masters = (await this.reports.paidPerMaster(month)).map((m) => ({ ...m, remainingFen: capFen - m.paidFen, breach: m.paidFen > capFen }));
    const breaches = (await this.reports.overCap(capFen)).map((m) => ({ ...m, capFen, excessFen: m.paidFen - capFen }));
    for (const b of breaches) {
      this.log.error(`BREACH: master ${b.candidateId} has been paid ${b.paidFen} fen, ${b.excessFen} fen above the cap of ${capFen} fen`);
    }
    return { month, capFen, ...sections, masters, breaches };
  }
}
