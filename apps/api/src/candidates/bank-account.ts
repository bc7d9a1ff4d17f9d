import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { CandidateEntity } from '../../../../libs/db';
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

/** The columns that hold an account on the master's file; the number is sealed like the ID number. */
export function sealedBankAccount(dto: { bank: string; accountNumber: string; accountName?: string }, payeeName: string, pii: PiiCipher) {
  return { bankName: dto.bank, bankAccountCipher: pii.encrypt(dto.accountNumber), bankAccountName: dto.accountName ?? payeeName };
}

/** The account as every view shows it: the number masked, whatever the role. Finance sees it in full only in the bank-run export. */
export function bankAccountView(row: Pick<CandidateEntity, 'bankName' | 'bankAccountCipher' | 'bankAccountName' | 'bankAccountBy' | 'bankAccountAt'>, pii: PiiCipher) {
  if (!row.bankAccountCipher) return null;
  return {
    bank: row.bankName,
    accountNumber: maskAccountNumber(pii.decrypt(row.bankAccountCipher)),
    accountName: row.bankAccountName,
    recordedBy: row.bankAccountBy,
    recordedAt: row.bankAccountAt?.toISOString() ?? null,
  };
}
