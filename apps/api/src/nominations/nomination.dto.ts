import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CHANNELS, type Channel } from '../../../../libs/contract';
import { AREAS, INDUSTRIES, MOBILE_PATTERN, SKILL_LEVELS, type Area, type Industry, type SkillLevel } from '../../../../libs/domain';
import { IsIdNumber } from '../common/id-number.validator';
import { CompetitionDto, ConditionClaimDto, DATE, OpinionDto } from './form.dto';

export const DEEDS_MAX = 800;

/**
 * The application form (附件2). The walking skeleton's fields are required; the rest of the form is
 * validated whenever it is given, and what is missing shows up in the qualification pre-checks.
 * Cross-field rules (ID number against sex and birth date, working age, channel rules) are checked
 * in NominationRules, which answers in the same 400 format.
 */
export class NominationFormDto {
  @ApiProperty({ example: '王建国' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name!: string;

  @ApiProperty({ description: '18-character resident ID number (GB 11643)', example: '11010519491231002X' })
  @IsIdNumber()
  idNumber!: string;

  @ApiPropertyOptional({ enum: ['male', 'female'], description: 'Must agree with the ID number' })
  @IsOptional()
  @IsIn(['male', 'female'], { message: 'sex must be male or female' })
  sex?: 'male' | 'female';

  @ApiPropertyOptional({ example: '1949-12-31', description: 'Must agree with the ID number' })
  @IsOptional()
  @Matches(DATE, { message: 'birthDate must be a date YYYY-MM-DD' })
  birthDate?: string;

  @ApiPropertyOptional({ example: '汉族' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  ethnicity?: string;

  @ApiPropertyOptional({ example: '高中' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(30)
  education?: string;

  @ApiPropertyOptional({ example: '中共党员' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(30)
  politicalAffiliation?: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  employer!: string;

  @ApiPropertyOptional({ example: '车间主任' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  position?: string;

  @ApiPropertyOptional({ description: 'Sensitive: stored encrypted, shown masked' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  homeAddress?: string;

  @ApiProperty({ example: '13812345678' })
  @Matches(MOBILE_PATTERN, { message: 'mobile must be a mainland mobile number (11 digits starting 13-19)' })
  mobile!: string;

  @ApiProperty({ enum: INDUSTRIES })
  @IsIn(INDUSTRIES, { message: `industry must be one of ${INDUSTRIES.join(', ')}` })
  industry!: Industry;

  @ApiPropertyOptional({ description: "Required when industry is 'other': why this front-line worker should be admitted" })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  industryJustification?: string;

  @ApiProperty({ description: 'Trade or job type (工种)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  trade!: string;

  @ApiProperty({ description: 'Years of front-line skill work in the district; fewer than 3 fails screening' })
  @Min(0)
  @Max(70)
  @IsInt({ message: 'yearsOfWork must be a whole number of years' })
  yearsOfWork!: number;

  @ApiProperty({ enum: SKILL_LEVELS })
  @IsIn(SKILL_LEVELS, { message: `skillLevel must be one of ${SKILL_LEVELS.join(', ')}` })
  skillLevel!: SkillLevel;

  @ApiPropertyOptional({ type: [String], description: 'Honours at district level or above (区级以上)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  honours?: string[];

  @ApiPropertyOptional({ description: 'Main technical achievements (主要技术成果)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(3000)
  achievements?: string;

  @ApiPropertyOptional({ description: `Main deeds (主要事迹), about 500 characters, at most ${DEEDS_MAX}` })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(DEEDS_MAX, { message: `deeds must be at most ${DEEDS_MAX} characters` })
  deeds?: string;

  @ApiPropertyOptional({ type: [ConditionClaimDto], description: 'At least one of the four conditions, each with supporting text' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'conditions must claim at least one of the four conditions' })
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @Type(() => ConditionClaimDto)
  conditions?: ConditionClaimDto[];

  @ApiPropertyOptional({ type: OpinionDto, description: 'Opinion of the nominating unit (推荐单位意见)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => OpinionDto)
  nominatorOpinion?: OpinionDto;

  @ApiPropertyOptional({ type: OpinionDto, description: "Opinion of the sub-district union or association; may follow in the endorsement stage" })
  @IsOptional()
  @ValidateNested()
  @Type(() => OpinionDto)
  endorserOpinion?: OpinionDto;

  @ApiPropertyOptional({ type: CompetitionDto, description: 'Competition channel only: the competition and the placing' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CompetitionDto)
  competition?: CompetitionDto;

  @ApiPropertyOptional({ enum: AREAS, description: 'Sub-district (镇街/开发区) whose union endorses an organisational nomination' })
  @IsOptional()
  @IsIn(AREAS, { message: `area must be one of ${AREAS.join(', ')}` })
  area?: Area;
}

export class CreateNominationDto extends NominationFormDto {
  @ApiPropertyOptional({ description: 'The annual round; omitted, the nomination joins the round whose window is open' })
  @IsOptional()
  @IsUUID()
  roundId?: string;

  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS, { message: `channel must be one of ${CHANNELS.join(', ')}` })
  channel!: Channel;
}

export class NominationCreatedDto {
  @ApiProperty() candidateId!: string;
  @ApiProperty() workflowId!: string;
  @ApiPropertyOptional() roundId!: string | null;
}
