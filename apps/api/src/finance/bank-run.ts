import type { PaymentKind } from '../../../../libs/contract';
import { maskAccountNumber, maskIdNumber, type PiiCipher } from '../../../../libs/security/pii';
import type { Table, TableCell } from '../common/table';

/**
 * An approved instruction with what the bank needs of its payee (sealed fields still sealed): the
 * master, or for a studio's grant the studio and its host unit's account (no ID number).
 */
export interface BankRunRow {
  id: string;
  kind: PaymentKind;
  instalment: number;
  attempt: number;
  amountFen: number;
  dueOn: string;
  studioId: string | null;
  name: string;
  idNumberCipher: string | null;
  bankName: string | null;
  bankAccountCipher: string | null;
  bankAccountName: string | null;
}

export const MISSING_ACCOUNT = '缺少银行账户';

/** Who records the missing account, and where: the master's on the file, a studio's (its host unit's) on the studio. */
export function missingAccountNote(r: Pick<BankRunRow, 'kind' | 'studioId'>): string {
  if (r.kind !== 'studio_grant') return `${MISSING_ACCOUNT}，请工会办公室登记后再付款`;
  return `${MISSING_ACCOUNT}，请工会办公室登记工作室依托单位账户后再付款（PUT /studios/${r.studioId}/bank-account）`;
}

/** What the payment is for, as the bank statement and the treasury voucher (用途) show it. */
export function purpose(kind: PaymentKind, dueOn: string): string {
  if (kind === 'bonus') return '百名工匠大师奖金';
  if (kind === 'studio_grant') return '百名工匠大师示范性工作室资助';
  const [y, m] = dueOn.split('-').map(Number);
  return `百名工匠大师生活补贴 ${y}年${m}月`;
}

/** Fen to yuan for display; exact, since fen are integers well below 2^53. */
export const yuanOf = (fen: number) => fen / 100;

/**
 * The month's bank run as a table: one row per approved instruction and a totals row. The ID number
 * is always masked; the account number is in full only for finance, who pays (`fullAccount`).
 */
export function bankRunTable(rows: BankRunRow[], pii: PiiCipher, fullAccount: boolean): Table {
  const account = (r: BankRunRow) => {
    if (!r.bankAccountCipher) return MISSING_ACCOUNT;
    const number = pii.decrypt(r.bankAccountCipher);
    return fullAccount ? number : maskAccountNumber(number);
  };
  const body: TableCell[][] = rows.map((r, i) => [
    i + 1,
    r.name,
    r.idNumberCipher ? maskIdNumber(pii.decrypt(r.idNumberCipher)) : '',
    r.bankName ?? '',
    account(r),
    r.bankAccountName ?? '',
    yuanOf(r.amountFen),
    purpose(r.kind, r.dueOn),
    r.dueOn,
    r.id,
    r.bankAccountCipher ? (r.attempt > 1 ? `第${r.attempt}次支付` : '') : missingAccountNote(r),
  ]);
  const total = rows.reduce((sum, r) => sum + r.amountFen, 0);
  return {
    columns: [
      { header: '序号', width: 6 },
      { header: '收款人', width: 12 },
      { header: '身份证号码', width: 21 },
      { header: '开户银行', width: 26 },
      { header: '银行账号', width: 24 },
      { header: '户名', width: 12 },
      { header: '金额（元）', width: 14, decimals: 2 },
      { header: '用途', width: 28 },
      { header: '应付日期', width: 12 },
      { header: '付款指令编号', width: 38 },
      { header: '备注', width: 30 },
    ],
    rows: [...body, ['合计', `${rows.length}笔`, null, null, null, null, yuanOf(total), null, null, null, null]],
  };
}
