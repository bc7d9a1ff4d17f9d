import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { DECISION_STAGES, OUTCOMES, type DecisionStage, type Outcome } from '../../../../libs/contract';
import { DATE, OpinionDto } from '../nominations/form.dto';
import { NominationFormDto } from '../nominations/nomination.dto';

/** The inspection team's visit (人选考察): when, where, who, what they found. */
export class InspectionVisitDto {
  @ApiProperty({ example: '2017-04-18' })
  @Matches(DATE, { message: 'date must be YYYY-MM-DD' })
  date!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  place!: string;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1, { message: 'members must name at least one member of the inspection team' })
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  members!: string[];

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(3000)
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
  @IsString()
  @IsNotEmpty({ message: 'reason is required for every decision' })
  @MaxLength(2000)
  reason!: string;

  @ApiPropertyOptional({ description: 'Qualification: approve although an automatic pre-check failed (the reason says why)' })
  @IsOptional()
  @IsBoolean()
  overridePrechecks?: boolean;

  @ApiPropertyOptional({ type: [String], description: 'Return: the materials or fields that are missing' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  missing?: string[];

  @ApiPropertyOptional({ type: OpinionDto, description: "Endorsement: the sub-district union's opinion with its seal and date, added to the form" })
  @IsOptional()
  @ValidateNested()
  @Type(() => OpinionDto)
  opinion?: OpinionDto;

  @ApiPropertyOptional({ type: InspectionVisitDto, description: 'Inspection: the visit this conclusion rests on' })
  @IsOptional()
  @ValidateNested()
  @Type(() => InspectionVisitDto)
  visit?: InspectionVisitDto;
}

/** Any part of the form may be corrected when a returned file is resubmitted. */
export class FormChangesDto extends PartialType(NominationFormDto) {}

export class ResubmissionDto {
  @ApiProperty({ description: 'What was added or changed' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note!: string;

  @ApiPropertyOptional({ type: FormChangesDto, description: 'Corrections to the form; a new version is kept beside the old' })
  @IsOptional()
  @ValidateNested()
  @Type(() => FormChangesDto)
  form?: FormChangesDto;
}

export class DepartureDto {
  @ApiProperty({ description: 'Date the master left Ouhai to work elsewhere (YYYY-MM-DD, Asia/Shanghai)', example: '2027-03-15' })
  @Matches(DATE, { message: 'leftOn must be a date YYYY-MM-DD' })
  leftOn!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

/** Withdrawal, disqualification, a declared conflict: each needs only its reason. */
export class ReasonDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'reason is required' })
  @MaxLength(2000)
  reason!: string;
}
