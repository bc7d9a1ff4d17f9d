import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { DECISION_STAGES, OUTCOMES, type DecisionStage, type Outcome } from '../../../../libs/contract';
import { OpinionDto } from '../nominations/form.dto';
import { NominationFormDto } from '../nominations/nomination.dto';
import { DateWithin, IsCalendarDate } from '../common/calendar-date.validator';

/** The inspection team's visit (人选考察): when, where, who, what they found. */
export class InspectionVisitDto {
  @ApiProperty({ example: '2017-04-18' })
  @DateWithin()
  @IsCalendarDate({ message: 'date must be a real date YYYY-MM-DD' })
  date!: string;

  @ApiProperty()
  @MaxLength(200)
  @IsString()
  @IsNotEmpty()
  place!: string;

  @ApiProperty({ type: [String] })
  @ArrayMaxSize(20)
  @ArrayMinSize(1, { message: 'members must name at least one member of the inspection team' })
  @IsArray()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  members!: string[];

  @ApiProperty()
  @MaxLength(3000)
  @IsString()
  @IsNotEmpty()
  findings!: string;
}

export class DecisionDto {
  @ApiProperty({ enum: DECISION_STAGES, description: "The stage being decided; must be the candidate's current stage" })
  @IsIn(DECISION_STAGES, { message: `stage must be one of ${DECISION_STAGES.join(', ')}` })
  stage!: DecisionStage;

  @ApiProperty({ enum: OUTCOMES })
  @IsIn(OUTCOMES, { message: `outcome must be one of ${OUTCOMES.join(', ')}` })
  outcome!: Outcome;

  @ApiProperty({ description: 'Why; required for every decision, and for a return it says what is missing' })
  @MaxLength(2000)
  @IsString()
  @IsNotEmpty({ message: 'reason is required for every decision' })
  reason!: string;

  @IsOptional()
  @ApiPropertyOptional({ description: 'Qualification: approve although an automatic pre-check failed (the reason says why)' })
  @IsBoolean()
  overridePrechecks?: boolean;

  @IsOptional()
  @ApiPropertyOptional({ type: [String], description: 'Return: the materials or fields that are missing' })
  @ArrayMaxSize(20)
  @IsArray()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  missing?: string[];

  @IsOptional()
  @ApiPropertyOptional({ type: OpinionDto, description: "Endorsement: the sub-district union's opinion with its seal and date, added to the form" })
  @Type(() => OpinionDto)
  @ValidateNested()
  opinion?: OpinionDto;

  @IsOptional()
  @ApiPropertyOptional({ type: InspectionVisitDto, description: 'Inspection: the visit this conclusion rests on' })
  @Type(() => InspectionVisitDto)
  @ValidateNested()
  visit?: InspectionVisitDto;
}

/** Any part of the form may be corrected when a returned file is resubmitted. */
export class FormChangesDto extends PartialType(NominationFormDto) {}

export class ResubmissionDto {
  @ApiProperty({ description: 'What was added or changed' })
  @MaxLength(2000)
  @IsString()
  @IsNotEmpty()
  note!: string;

  @IsOptional()
  @ApiPropertyOptional({ type: FormChangesDto, description: 'Corrections to the form; a new version is kept beside the old' })
  @Type(() => FormChangesDto)
  @ValidateNested()
  form?: FormChangesDto;
}

export class DepartureDto {
  @ApiProperty({ description: 'Date the master left Ouhai to work elsewhere (YYYY-MM-DD, Asia/Shanghai)', example: '2027-03-15' })
  @DateWithin()
  @IsCalendarDate({ message: 'leftOn must be a real date YYYY-MM-DD' })
  leftOn!: string;

  @ApiProperty()
  @MaxLength(2000)
  @IsString()
  @IsNotEmpty()
  reason!: string;
}

/** The office corrects a departure: a wrong date, or one recorded by mistake (`leftOn: null` removes it). */
export class DepartureCorrectionDto {
  @ApiProperty({
    type: String,
    nullable: true,
    example: '2027-04-20',
    description: 'The right date (YYYY-MM-DD, Asia/Shanghai), or null when the departure was recorded by mistake',
  })
  @ValidateIf((o: DepartureCorrectionDto) => o.leftOn !== null)
  @DateWithin()
  @IsCalendarDate({ message: 'leftOn must be a real date YYYY-MM-DD, or null when the departure was recorded by mistake' })
  leftOn!: string | null;

  @ApiProperty({ description: 'Why the departure is corrected' })
  @MaxLength(2000)
  @IsString()
  @IsNotEmpty({ message: 'reason is required' })
  reason!: string;
}

/** Withdrawal, disqualification, a declared conflict: each needs only its reason. */
export class ReasonDto {
  @ApiProperty()
  @MaxLength(2000)
  @IsString()
  @IsNotEmpty({ message: 'reason is required' })
  reason!: string;
}
