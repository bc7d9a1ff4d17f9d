import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { STUDIO_STATUSES, type ScreeningOutcome, type StudioStatus } from '../../../../libs/contract';
import { Paged } from '../common/page-query';
import { SKILL_LEVELS } from '../../../../libs/domain';
import { DateWithin, IsCalendarDate } from '../common/calendar-date.validator';
import { CompetitionDto } from '../nominations/form.dto';
import { IsInstant } from '../rounds/round.dto';

/** Text of a form field: required, trimmed by the pipe, at most `max` characters. */
function Text(field: string, max: number) {
  return (target: object, key: string) => {
    // In the order a decorator list written out would apply them (bottom-up): the type first.
    IsString({ message: `${field} must be text` })(target, key);
    IsNotEmpty({ message: `${field} is required` })(target, key);
    MaxLength(max, { message: `${field} must be at most ${max} characters` })(target, key);
  };
}

export class CreateStudioBatchDto {
  @ApiProperty({ example: 2018, description: 'The batch year; batches are every STUDIO_BATCH_INTERVAL_YEARS (2) years' })
  @Min(2017, { message: 'year must be between 2017 and 2100' })
  @Max(2100, { message: 'year must be between 2017 and 2100' })
  @IsInt({ message: 'year must be a whole number' })
  year!: number;

  @ApiProperty({ example: '2018-03-01T00:00:00+08:00', description: 'Applications open (ISO 8601 with offset; included)' })
  @IsInstant()
  opensAt!: string;

  @ApiProperty({ example: '2018-04-01T00:00:00+08:00', description: 'Applications close (excluded)' })
  @IsInstant()
  closesAt!: string;

  @ApiProperty({
    type: [String],
    description: 'The creation standard (创建标准): the checklist every application is screened against',
    example: ['场地面积不少于50平方米'],
  })
  @ArrayUnique({ message: 'criteria may not list a criterion twice' })
  @ArrayMaxSize(50, { message: 'criteria may list at most 50 criteria' })
  @ArrayMinSize(1, { message: 'criteria must list at least one criterion' })
  @MaxLength(300, { each: true, message: 'each criterion must be at most 300 characters' })
  @IsNotEmpty({ each: true, message: 'a criterion may not be blank' })
  @IsString({ each: true, message: 'each criterion must be text' })
  @IsArray({ message: 'criteria must be a list of texts' })
  criteria!: string[];
}

export class PlannedApprenticeDto {
  @ApiProperty({ example: '李小明' })
  @Text('name', 50)
  name!: string;

  @ApiProperty({ example: '2018-05-01' })
  @DateWithin()
  @IsCalendarDate({ message: 'startOn must be a real date YYYY-MM-DD' })
  startOn!: string;
}

/** The studio's own description; the same fields may be corrected when a returned application is resubmitted. */
class StudioFormDto {
  @ApiProperty({ example: '王建国眼镜装配技能大师工作室' })
  @Text('name', 100)
  name!: string;

  @ApiProperty({ example: '温州瓯海眼镜有限公司', description: 'The host unit (依托单位)' })
  @Text('hostUnit', 200)
  hostUnit!: string;

  @ApiProperty({ example: '娄桥街道古岸头工业区3号楼2层，120平方米' })
  @Text('premises', 500)
  premises!: string;

  @ApiProperty({ example: '眼镜装配' })
  @Text('trade', 100)
  trade!: string;

  @ApiProperty({ description: 'The plan: mentoring, research, training', example: '每年带徒3名，开展技术攻关2项' })
  @Text('plan', 5000)
  plan!: string;
}

export class CreateStudioDto extends StudioFormDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'batchId must be a studio batch id (UUID)' })
  batchId!: string;

  @ApiProperty({ format: 'uuid', description: 'The candidate id of the named master (commended) the studio is named after' })
  @IsUUID('all', { message: 'masterId must be the candidate id (UUID) of a named master' })
  masterId!: string;

  @ApiProperty({ type: [PlannedApprenticeDto], description: 'The "N" of "1+N": the apprentices the studio will train' })
  @ValidateNested({ each: true })
  @Type(() => PlannedApprenticeDto)
  @ArrayMaxSize(100, { message: 'apprentices may list at most 100 people' })
  @ArrayMinSize(1, { message: 'apprentices must list at least one apprentice ("1+N")' })
  @IsArray({ message: 'apprentices must be a list of {name, startOn}' })
  apprentices!: PlannedApprenticeDto[];
}

export class CriterionCheckDto {
  @ApiProperty({ example: '场地面积不少于50平方米' })
  @MaxLength(300)
  @IsString({ message: 'criterion must be text' })
  criterion!: string;

  @ApiProperty()
  @IsBoolean({ message: 'met must be true or false' })
  met!: boolean;

  @ApiProperty({ example: '现场查看，面积120平方米' })
  @Text('evidence', 2000)
  evidence!: string;
}

export class ScreeningDto {
  @ApiProperty({ enum: ['pass', 'fail', 'return'], description: 'pass: on to the leadership group; fail: rejected; return: back to the applicant' })
  @IsIn(['pass', 'fail', 'return'], { message: "outcome must be 'pass', 'fail' or 'return'" })
  outcome!: ScreeningOutcome;

  @ApiProperty({ type: [CriterionCheckDto], description: "Every criterion of the batch's creation standard, once, with its evidence" })
  @ValidateNested({ each: true })
  @Type(() => CriterionCheckDto)
  @ArrayMaxSize(50)
  @IsArray({ message: 'criteria must be a list of {criterion, met, evidence}' })
  criteria!: CriterionCheckDto[];

  @ApiProperty()
  @Text('reason', 1000)
  reason!: string;
}

export class StudioReasonDto {
  @ApiProperty()
  @Text('reason', 1000)
  reason!: string;
}

/** Corrections to a returned application: any of the studio's own fields. */
export class StudioFormCorrectionDto {
  @ApiPropertyOptional() @IsOptional() @Text('name', 100) name?: string;
  @ApiPropertyOptional() @IsOptional() @Text('hostUnit', 200) hostUnit?: string;
  @ApiPropertyOptional() @IsOptional() @Text('premises', 500) premises?: string;
  @ApiPropertyOptional() @IsOptional() @Text('trade', 100) trade?: string;
  @ApiPropertyOptional() @IsOptional() @Text('plan', 5000) plan?: string;
}

export class StudioResubmissionDto {
  @ApiProperty({ description: 'What was added or corrected' })
  @Text('note', 1000)
  note!: string;

  @ApiPropertyOptional({ type: StudioFormCorrectionDto, description: 'Corrections to the studio as filed (any of its fields)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => StudioFormCorrectionDto)
  form?: StudioFormCorrectionDto;
}

export class StudioNotApprovedDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'studioId must be a studio id (UUID)' })
  studioId!: string;

  @ApiProperty()
  @Text('reason', 1000)
  reason!: string;
}

export class StudioBatchApprovalDto {
  @ApiProperty({ type: [String], description: 'Studios the leadership group approves: each is named and its grant instructed' })
  @IsUUID('all', { each: true, message: 'approved must list studio ids (UUIDs)' })
  @ArrayMaxSize(500)
  @IsArray({ message: 'approved must be a list of studio ids' })
  approved!: string[];

  @ApiProperty({ type: [StudioNotApprovedDto], description: 'Every other screened studio of the batch, each with the reason' })
  @ValidateNested({ each: true })
  @Type(() => StudioNotApprovedDto)
  @ArrayMaxSize(500)
  @IsArray({ message: 'notApproved must be a list of {studioId, reason}' })
  notApproved!: StudioNotApprovedDto[];
}

export class ApprenticeOutcomeDto {
  @ApiPropertyOptional({ enum: SKILL_LEVELS, description: 'The skill level or title reached' })
  @IsOptional()
  @IsIn(SKILL_LEVELS, { message: `skillLevel must be one of ${SKILL_LEVELS.join(', ')}` })
  skillLevel?: string;

  @ApiPropertyOptional({ type: CompetitionDto, description: 'A competition placing' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CompetitionDto)
  competition?: CompetitionDto;

  @ApiPropertyOptional()
  @IsOptional()
  @Text('note', 1000)
  note?: string;
}

export class AddApprenticeDto extends PlannedApprenticeDto {
  @ApiPropertyOptional({ example: '2020-04-30', description: 'When the apprenticeship ended' })
  @IsOptional()
  @DateWithin()
  @IsCalendarDate({ message: 'endOn must be a real date YYYY-MM-DD' })
  endOn?: string;

  @ApiPropertyOptional({ type: ApprenticeOutcomeDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ApprenticeOutcomeDto)
  outcome?: ApprenticeOutcomeDto;
}

export class UpdateApprenticeDto {
  @ApiPropertyOptional({ type: String, nullable: true, example: '2020-04-30', description: 'When the apprenticeship ended; null: not ended after all' })
  @IsOptional() // null too: the apprenticeship has not ended after all
  @DateWithin()
  @IsCalendarDate({ message: 'endOn must be a real date YYYY-MM-DD, or null' })
  endOn?: string | null;

  @ApiPropertyOptional({ type: ApprenticeOutcomeDto, description: 'What it led to; replaces the outcome recorded' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ApprenticeOutcomeDto)
  outcome?: ApprenticeOutcomeDto;
}

/** Which studios: of a batch, of a master, in a status, whose name or master's name holds some text. */
export class StudioFilterDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'batchId must be a UUID' })
  batchId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'masterId must be a UUID' })
  masterId?: string;

  @ApiPropertyOptional({ enum: STUDIO_STATUSES })
  @IsOptional()
  @IsIn(STUDIO_STATUSES, { message: `status must be one of ${STUDIO_STATUSES.join(', ')}` })
  status?: StudioStatus;

  @ApiPropertyOptional({ description: "Part of the studio's or its master's name, any case" })
  @IsOptional()
  @MaxLength(50, { message: 'name must be at most 50 characters' })
  @IsString({ message: 'name must be given once, as text' })
  name?: string;
}

export class StudioListQuery extends Paged(StudioFilterDto) {}
