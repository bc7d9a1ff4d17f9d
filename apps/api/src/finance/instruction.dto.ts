import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { PAYMENT_KINDS, type PaymentKind } from '../../../../libs/contract';
import { INSTRUCTION_STATUSES, type InstructionStatus } from '../../../../libs/db';
import { DateWithin, IsCalendarDate } from '../common/calendar-date.validator';

const LISTED_STATUSES = [...INSTRUCTION_STATUSES, 'open'] as const;
export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export class InstructionFilterDto {
  @ApiPropertyOptional({ enum: LISTED_STATUSES, description: '`open`: not paid yet and still to pay (due, approved or failed)' })
  @IsOptional()
  @IsIn(LISTED_STATUSES, { message: `status must be one of ${LISTED_STATUSES.join(', ')}` })
  status?: InstructionStatus | 'open';

  @ApiPropertyOptional({ enum: PAYMENT_KINDS })
  @IsOptional()
  @IsIn(PAYMENT_KINDS, { message: `kind must be one of ${PAYMENT_KINDS.join(', ')}` })
  kind?: PaymentKind;

  @ApiPropertyOptional({ example: '2017-05', description: 'Instructions falling due in this month (Asia/Shanghai calendar)' })
  @IsOptional()
  @Matches(MONTH, { message: 'dueMonth must be a month YYYY-MM' })
  dueMonth?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'candidateId must be a UUID' })
  candidateId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'roundId must be a UUID' })
  roundId?: string;

  @ApiPropertyOptional({ description: "A studio's grant" })
  @IsOptional()
  @IsUUID('all', { message: 'studioId must be a UUID' })
  studioId?: string;
}

export class ConfirmDto {
  @ApiProperty({ description: 'The bank or treasury payment reference; spaces around it are dropped' })
  @MaxLength(100)
  @IsString()
  @IsNotEmpty({ message: 'reference is required and may not be blank' })
  reference!: string;

  @ApiProperty({ description: 'The date the bank paid (YYYY-MM-DD, Asia/Shanghai); not after today', example: '2017-05-12' })
  @DateWithin()
  @IsCalendarDate({ message: 'paidOn must be a real date YYYY-MM-DD' })
  paidOn!: string;
}

export class ReasonDto {
  @ApiProperty({ description: 'Why, e.g. the bank returned the payment: account closed' })
  @MaxLength(500)
  @IsString()
  @IsNotEmpty({ message: 'reason is required and may not be blank' })
  reason!: string;
}

export class BatchApprovalDto {
  @ApiProperty({ type: [String], description: 'Instructions to approve together: all of them, or none' })
  @ArrayUnique({ message: 'ids may not name an instruction twice' })
  @ArrayMaxSize(500)
  @ArrayMinSize(1, { message: 'ids must name at least one instruction' })
  @IsUUID('all', { each: true, message: 'ids must all be UUIDs' })
  @IsArray()
  ids!: string[];
}

export class ReconciliationQueryDto {
  @ApiPropertyOptional({ example: '2017-05', description: 'Instructions falling due in this month; every month when omitted' })
  @IsOptional()
  @Matches(MONTH, { message: 'month must be a month YYYY-MM' })
  month?: string;
}

export class ForecastQueryDto {
  @ApiProperty({ example: '2031-05', description: 'The first month of the forecast (Asia/Shanghai calendar)' })
  @Matches(MONTH, { message: 'from must be a month YYYY-MM' })
  @IsNotEmpty({ message: 'from is required: the first month, YYYY-MM' })
  from!: string;

  @ApiPropertyOptional({ default: 12, minimum: 1, maximum: 60, description: 'How many months from `from`' })
  @IsOptional()
  @Max(60, { message: 'months must be at most 60' })
  @Min(1, { message: 'months must be 1 or more' })
  @IsInt({ message: 'months must be a whole number of months' })
  @Type(() => Number)
  months?: number;

  @ApiPropertyOptional({ description: "Only the masters of this round: its cohort's budget" })
  @IsOptional()
  @IsUUID('all', { message: 'roundId must be a UUID' })
  roundId?: string;
}

/** An action that takes no body: whatever is sent is refused field by field (no silent mass assignment). */
export class NoBodyDto {}
