import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { maskAccountNumber, type PiiCipher } from '../../../../libs/security/pii';

/** The payee's bank account (收款账户) as the programme office records it. */
export class BankAccountDto {
  @ApiProperty({ description: 'The bank and branch (开户银行)', example: '中国工商银行温州瓯海支行' })
  @MaxLength(100)
  @IsString()
  @IsNotEmpty({ message: 'bank is required' })
  bank!: string;

  @ApiProperty({ description: 'Account number (账号), digits; spaces are ignored', example: '6222 0212 3456 7890 123' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/\s+/g, '') : value))
  @Matches(/^\d{8,32}$/, { message: 'accountNumber must be 8 to 32 digits' })
  @IsString()
  accountNumber!: string;

  @ApiPropertyOptional({ description: "Account holder (户名); the master's name when omitted" })
  @IsOptional()
  @MaxLength(100)
  @IsString()
  @IsNotEmpty({ message: 'accountName may not be blank' })
  accountName?: string;
}

/** The columns that hold a recorded account: on the master's file, and on a studio's row (its host unit's account). */
export interface RecordedAccount {
  bankName: string | null;
  bankAccountCipher: string | null;
  bankAccountName: string | null;
  bankAccountBy: string | null;
  bankAccountAt: Date | null;
}

/** The columns that hold an account on the master's file; the number is sealed like the ID number. */
export function sealedBankAccount(dto: { bank: string; accountNumber: string; accountName?: string }, payeeName: string, pii: PiiCipher) {
  return { bankName: dto.bank, bankAccountCipher: pii.encrypt(dto.accountNumber), bankAccountName: dto.accountName ?? payeeName };
}

/**
 * The columns to write when the office records an account on `row`, or null when it is the account
 * already recorded: recording the same account again changes nothing, so who recorded it and when stay.
 */
export function accountChanges(row: RecordedAccount, dto: BankAccountDto, payeeName: string, pii: PiiCipher, by: string): RecordedAccount | null {
  const sealed = sealedBankAccount(dto, payeeName, pii);
  const same =
    row.bankAccountCipher &&
    row.bankName === sealed.bankName &&
    row.bankAccountName === sealed.bankAccountName &&
    pii.decrypt(row.bankAccountCipher) === dto.accountNumber;
  return same ? null : { ...sealed, bankAccountBy: by, bankAccountAt: new Date() };
}

/** The account as every view shows it: the number masked, whatever the role. Finance sees it in full only in the bank-run export. */
export function bankAccountView(row: RecordedAccount, pii: PiiCipher) {
  if (!row.bankAccountCipher) return null;
  return {
    bank: row.bankName,
    accountNumber: maskAccountNumber(pii.decrypt(row.bankAccountCipher)),
    accountName: row.bankAccountName,
    recordedBy: row.bankAccountBy,
    recordedAt: row.bankAccountAt?.toISOString() ?? null,
  };
}
