import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { INDUSTRIES, MOBILE_PATTERN, type Industry } from '../../../../libs/domain';
import { BankAccountDto } from '../candidates/bank-account';
import { DateWithin, IsCalendarDate } from '../common/calendar-date.validator';
import { IsIdNumber } from '../common/id-number.validator';

/** The programme's first year: nothing was named before it. */
export const FIRST_ROUND_YEAR = 2017;
/** One request holds every master named on paper so far (about a hundred a year) with room to spare. */
export const IMPORT_MAX_MASTERS = 2000;

/** A payment the paper records show as made: the bank or treasury reference and the date. */
export class PaperPaymentDto {
  @ApiProperty({ description: 'The bank or treasury payment reference on the paper record' })
  @MaxLength(100)
  @IsString()
  @IsNotEmpty({ message: 'reference is required and may not be blank' })
  reference!: string;

  @ApiProperty({ example: '2018-02-10' })
  @DateWithin()
  @IsCalendarDate({ message: 'paidOn must be a real date YYYY-MM-DD' })
  paidOn!: string;
}

export class PaperSubsidyDto extends PaperPaymentDto {
  @ApiProperty({ description: 'Which monthly instalment (1 = the first month after the commendation month)', example: 1 })
  @Max(99, { message: 'instalment is past the programme’s months' })
  @Min(1, { message: 'instalment must be 1 or more' })
  @IsInt({ message: 'instalment must be a whole number' })
  instalment!: number;
}

/** One master named before the service existed, as the paper file shows them. */
export class ImportedMasterDto {
  @ApiProperty({ example: '王建国' })
  @MaxLength(50)
  @IsString()
  @IsNotEmpty({ message: 'name is required' })
  name!: string;

  @ApiProperty({ description: '18-character resident ID number (GB 11643); sealed, shown masked' })
  @IsIdNumber()
  idNumber!: string;

  @ApiPropertyOptional({ description: 'Sealed, shown masked; paper files do not always have one' })
  @IsOptional()
  @Matches(MOBILE_PATTERN, { message: 'mobile must be a mainland mobile number (11 digits starting 13-19)' })
  mobile?: string;

  @ApiProperty()
  @MaxLength(100)
  @IsString()
  @IsNotEmpty({ message: 'employer is required' })
  employer!: string;

  @ApiProperty({ example: '眼镜装配' })
  @MaxLength(50)
  @IsString()
  @IsNotEmpty({ message: 'trade is required' })
  trade!: string;

  @ApiProperty({ enum: INDUSTRIES })
  @IsIn(INDUSTRIES, { message: `industry must be one of ${INDUSTRIES.join(', ')}` })
  industry!: Industry;

  @ApiProperty({ example: 2018, description: `The round that named the master (${FIRST_ROUND_YEAR} on)` })
  @Min(FIRST_ROUND_YEAR, { message: `roundYear must be ${FIRST_ROUND_YEAR} or later: the programme started then` })
  @IsInt({ message: 'roundYear must be a year, e.g. 2018' })
  roundYear!: number;

  @ApiProperty({ example: '2018-12-28', description: 'The commendation date: the bonus date, and month 0 of the subsidy' })
  @DateWithin()
  @IsCalendarDate({ message: 'commendedOn must be a real date YYYY-MM-DD' })
  commendedOn!: string;

  @ApiProperty({ type: PaperPaymentDto, nullable: true, description: 'The bonus as paid on paper, or null when it is still to pay' })
  @ValidateIf((_o, v) => v !== null)
  @ValidateNested()
  @Type(() => PaperPaymentDto)
  @IsDefined({ message: 'bonusPaid is required: the payment, or null when the bonus was not paid' })
  bonusPaid!: PaperPaymentDto | null;

  @ApiProperty({ type: [PaperSubsidyDto], description: 'Subsidy instalments already paid on paper (may be empty)' })
  @ValidateNested({ each: true })
  @Type(() => PaperSubsidyDto)
  @IsArray({ message: 'subsidiesPaid must be a list (empty when none was paid)' })
  subsidiesPaid!: PaperSubsidyDto[];

  @ApiPropertyOptional({ type: BankAccountDto, description: 'The payee account; sealed, shown masked' })
  @IsOptional()
  @ValidateNested()
  @Type(() => BankAccountDto)
  bankAccount?: BankAccountDto;
}

export class MasterImportDto {
  @ApiProperty({ type: [ImportedMasterDto] })
  @ValidateNested({ each: true })
  @Type(() => ImportedMasterDto)
  @ArrayMaxSize(IMPORT_MAX_MASTERS, { message: `masters may hold at most ${IMPORT_MAX_MASTERS} rows per request` })
  @ArrayMinSize(1, { message: 'masters must name at least one master' })
  @IsArray({ message: 'masters must be a list' })
  masters!: ImportedMasterDto[];
}
