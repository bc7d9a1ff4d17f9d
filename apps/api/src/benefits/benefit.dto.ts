import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DateWithin, IsCalendarDate } from '../common/calendar-date.validator';
import { BENEFIT_KINDS, BENEFIT_STATUSES, type BenefitKind, type BenefitStatus } from './benefit-rules';

const STEPS = ['taken_up', 'declined', 'granted'] as const;

export class BenefitStepDto {
  @ApiProperty({ enum: STEPS, description: 'offered → taken_up | declined; taken_up → granted. Any other step is a 409 naming the status' })
  @IsIn(STEPS, { message: `status must be one of ${STEPS.join(', ')}` })
  status!: (typeof STEPS)[number];

  @IsOptional()
  @ApiPropertyOptional({
    example: '2031-05-20',
    description: 'When it happened (YYYY-MM-DD, Asia/Shanghai); today by default; not after today nor before the step before',
  })
  @DateWithin()
  @IsCalendarDate({ message: 'on must be a real date YYYY-MM-DD' })
  on?: string;

  @IsOptional()
  @ApiPropertyOptional({ description: 'Required when declined (why); otherwise e.g. the trip, the school, the reference of the recommendation' })
  @MaxLength(500)
  @IsString()
  @IsNotEmpty()
  note?: string;
}

export class BenefitFilterDto {
  @IsOptional()
  @ApiPropertyOptional({ enum: BENEFIT_STATUSES })
  @IsIn(BENEFIT_STATUSES, { message: `status must be one of ${BENEFIT_STATUSES.join(', ')}` })
  status?: BenefitStatus;

  @IsOptional()
  @ApiPropertyOptional({ enum: BENEFIT_KINDS })
  @IsIn(BENEFIT_KINDS, { message: `kind must be one of ${BENEFIT_KINDS.join(', ')}` })
  kind?: BenefitKind;

  @IsOptional()
  @ApiPropertyOptional({ description: 'Masters named in this year (Asia/Shanghai)', example: 2031 })
  @Max(2100, { message: 'year must be 2100 or earlier' })
  @Min(2017, { message: 'year must be 2017 or later' })
  @IsInt({ message: 'year must be a whole number' })
  @Type(() => Number)
  year?: number;
}

export class BenefitEventDto {
  @ApiProperty({ enum: BENEFIT_STATUSES }) status!: BenefitStatus;
  @ApiProperty({ example: '2031-05-20' }) on!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ description: "Who recorded it (the token's subject; 'system' for the offer)" }) by!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) role!: string | null;
  @ApiProperty() at!: string;
}

export class BenefitDto {
  @ApiProperty() id!: string;
  @ApiProperty() candidateId!: string;
  @ApiProperty({ description: "The master's name" }) name!: string;
  @ApiProperty({ enum: BENEFIT_KINDS }) kind!: BenefitKind;
  @ApiProperty({ example: '疗休养（一次）' }) label!: string;
  @ApiProperty({ example: '区总工会' }) grantingBody!: string;
  @ApiProperty({ enum: BENEFIT_STATUSES }) status!: BenefitStatus;
  @ApiProperty({ description: 'The day the master was named' }) offeredOn!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) takenUpOn!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) declinedOn!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) grantedOn!: string | null;
  @ApiProperty({ type: [BenefitEventDto], description: 'Every step, oldest first' }) events!: BenefitEventDto[];
}

export class MasterBenefitsDto {
  @ApiProperty() candidateId!: string;
  @ApiProperty({ description: 'Whether the candidate is a named master; only masters have benefits' }) named!: boolean;
  @ApiProperty({ type: [BenefitDto] }) benefits!: BenefitDto[];
}

export class BenefitKindReportDto {
  @ApiProperty({ enum: BENEFIT_KINDS }) kind!: BenefitKind;
  @ApiProperty() label!: string;
  @ApiProperty() grantingBody!: string;
  @ApiProperty({ description: "Of the year's masters, where this benefit stands now", example: { offered: 3, taken_up: 1, declined: 1, granted: 5 } })
  byStatus!: Record<BenefitStatus, number>;
  @ApiProperty({ description: 'Steps dated in the year, whichever year the master was named', example: { taken_up: 2, declined: 0, granted: 4 } })
  stepsInYear!: Record<'taken_up' | 'declined' | 'granted', number>;
}

export class BenefitReportDto {
  @ApiProperty() year!: number;
  @ApiProperty({ description: 'Masters named in the year' }) mastersNamed!: number;
  @ApiProperty({ type: [BenefitKindReportDto] }) kinds!: BenefitKindReportDto[];
}
