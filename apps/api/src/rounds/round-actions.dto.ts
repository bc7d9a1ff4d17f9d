import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';
import { DateWithin, IsCalendarDate } from '../common/calendar-date.validator';
import { IsInstant } from './round.dto';

/** Every action on the round gives its reason; the round's history keeps it. */
class ReasonedDto {
  @ApiProperty({ example: '按计划进行' })
  @MaxLength(1000, { message: 'reason must be at most 1000 characters' })
  @IsNotEmpty({ message: 'reason is required' })
  @IsString({ message: 'reason must be a string' })
  reason!: string;
}

export class PhaseChangeDto extends ReasonedDto {
  @ApiProperty({ enum: ['close', 'extend'] })
  @IsIn(['close', 'extend'], { message: "action must be 'close' or 'extend'" })
  action!: 'close' | 'extend';

  @ApiPropertyOptional({ example: '2017-04-28T00:00:00+08:00', description: 'The new end of the current window (extend only)' })
  @IsOptional()
  @IsInstant()
  until?: string;
}

export class ReReviewListDto extends ReasonedDto {
  @ApiPropertyOptional({ description: 'How many ranks to keep (ties at the cut stay); default everyone who completed expert review' })
  @IsOptional()
  @Min(1, { message: 'size must be a whole number of at least 1' })
  @IsInt({ message: 'size must be a whole number of at least 1' })
  size?: number;
}

export class OpenVotingDto extends ReasonedDto {
  @ApiPropertyOptional({ description: "When the vote closes; default the round's voting days from now" })
  @IsOptional()
  @IsInstant()
  closesAt?: string;
}

export class CandidateReasonDto {
  @ApiProperty()
  @IsUUID('all', { message: 'candidateId must be a candidate id (UUID)' })
  candidateId!: string;

  @ApiProperty()
  @MaxLength(1000, { message: 'reason must be at most 1000 characters' })
  @IsNotEmpty({ message: 'reason is required for each candidate' })
  @IsString({ message: 'reason must be a string' })
  reason!: string;
}

const LIST_MAX = 10_000;

export class FormalListDto {
  @ApiProperty({ type: [CandidateReasonDto], description: 'The formal candidate list (正式候选名单), within the quota' })
  @ValidateNested({ each: true })
  @Type(() => CandidateReasonDto)
  @ArrayMaxSize(LIST_MAX)
  @IsArray({ message: 'selected must be a list of {candidateId, reason}' })
  selected!: CandidateReasonDto[];

  @ApiProperty({ type: [CandidateReasonDto], description: 'Everyone else on the re-review list, each with the reason' })
  @ValidateNested({ each: true })
  @Type(() => CandidateReasonDto)
  @ArrayMaxSize(LIST_MAX)
  @IsArray({ message: 'leftOut must be a list of {candidateId, reason}' })
  leftOut!: CandidateReasonDto[];
}

export class StartNoticeDto extends ReasonedDto {}

export class ApprovalDto {
  @ApiProperty({ type: [String], description: 'Candidates the district government approves' })
  @IsUUID('all', { each: true, message: 'approved must list candidate ids (UUIDs)' })
  @ArrayMaxSize(LIST_MAX)
  @IsArray({ message: 'approved must be a list of candidate ids' })
  approved!: string[];

  @ApiProperty({ type: [CandidateReasonDto] })
  @ValidateNested({ each: true })
  @Type(() => CandidateReasonDto)
  @ArrayMaxSize(LIST_MAX)
  @IsArray({ message: 'notApproved must be a list of {candidateId, reason}' })
  notApproved!: CandidateReasonDto[];
}

export class CeremonyDto extends ReasonedDto {
  @ApiProperty({ example: '2017-04-28', description: 'Asia/Shanghai; commendation takes effect that day (it may lie ahead)' })
  @DateWithin()
  @IsCalendarDate({ message: 'date must be a real date YYYY-MM-DD' })
  date!: string;

  @ApiPropertyOptional({ example: '瓯海区行政中心' })
  @IsOptional()
  @MaxLength(200, { message: 'place must be at most 200 characters' })
  @IsString({ message: 'place must be a string' })
  place?: string;
}

export class ResolutionDto extends ReasonedDto {
  @ApiProperty({ enum: ['upheld', 'dismissed'], description: 'upheld disqualifies the candidate' })
  @IsIn(['upheld', 'dismissed'], { message: "outcome must be 'upheld' or 'dismissed'" })
  outcome!: 'upheld' | 'dismissed';
}

/** An objection (异议) from the public during the notice. */
export class ObjectionDto {
  @ApiProperty({ example: '张三' })
  @MaxLength(100, { message: 'name must be at most 100 characters' })
  @IsNotEmpty({ message: 'name is required' })
  @IsString({ message: 'name must be a string' })
  name!: string;

  @ApiProperty({ example: '13912345678', description: 'How the office can reach you; kept sealed' })
  @MaxLength(200, { message: 'contact must be at most 200 characters' })
  @IsNotEmpty({ message: 'contact is required' })
  @IsString({ message: 'contact must be a string' })
  contact!: string;

  @ApiProperty({ description: 'What you object to, and why' })
  @MaxLength(2000, { message: 'grounds must be at most 2000 characters' })
  @IsNotEmpty({ message: 'grounds are required' })
  @IsString({ message: 'grounds must be a string' })
  grounds!: string;
}
