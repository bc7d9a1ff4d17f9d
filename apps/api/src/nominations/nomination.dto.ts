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
import { CompetitionDto, ConditionClaimDto, ConsentDto, OpinionDto } from './form.dto';
import { DateWithin, IsCalendarDate } from '../common/calendar-date.validator';

export const DEEDS_MAX = 800;

/**
 * The application form (附件2). The walking skeleton's fields are required; the rest of the form is
 * validated whenever it is given, and what is missing shows up in the qualification pre-checks.
 * Cross-field rules (ID number against sex and birth date, working age, channel rules) are checked
 * in NominationRules, which answers in the same 400 format.
 */
export class NominationFormDto {
  @ApiProperty({ example: '王建国' })
  @MaxLength(50)
  @IsString()
  @IsNotEmpty()
  name!: string;

  @ApiProperty({ description: '18-character resident ID number (GB 11643)', example: '11010519491231002X' })
  @IsIdNumber()
  idNumber!: string;

  @IsOptional()
  @ApiPropertyOptional({ enum: ['male', 'female'], description: 'Must agree with the ID number' })
  @IsIn(['male', 'female'], { message: 'sex must be male or female' })
  sex?: 'male' | 'female';

  @IsOptional()
  @ApiPropertyOptional({ example: '1949-12-31', description: 'Must agree with the ID number' })
  @DateWithin('1900-01-01', '2100-12-31')
  @IsCalendarDate({ message: 'birthDate must be a real date YYYY-MM-DD' })
  birthDate?: string;

  @IsOptional()
  @ApiPropertyOptional({ example: '汉族' })
  @MaxLength(20)
  @IsString()
  @IsNotEmpty()
  ethnicity?: string;

  @IsOptional()
  @ApiPropertyOptional({ example: '高中' })
  @MaxLength(30)
  @IsString()
  @IsNotEmpty()
  education?: string;

  @IsOptional()
  @ApiPropertyOptional({ example: '中共党员' })
  @MaxLength(30)
  @IsString()
  @IsNotEmpty()
  politicalAffiliation?: string;

  @ApiProperty()
  @MaxLength(100)
  @IsString()
  @IsNotEmpty()
  employer!: string;

  @IsOptional()
  @ApiPropertyOptional({ example: '车间主任' })
  @MaxLength(50)
  @IsString()
  @IsNotEmpty()
  position?: string;

  @IsOptional()
  @ApiPropertyOptional({ description: 'Sensitive: stored encrypted, shown masked' })
  @MaxLength(200)
  @IsString()
  @IsNotEmpty()
  homeAddress?: string;

  @ApiProperty({ example: '13812345678' })
  @Matches(MOBILE_PATTERN, { message: 'mobile must be a mainland mobile number (11 digits starting 13-19)' })
  mobile!: string;

  @ApiProperty({ enum: INDUSTRIES })
  @IsIn(INDUSTRIES, { message: `industry must be one of ${INDUSTRIES.join(', ')}` })
  industry!: Industry;

  @IsOptional()
  @ApiPropertyOptional({ description: "Required when industry is 'other': why this front-line worker should be admitted" })
  @MaxLength(1000)
  @IsString()
  @IsNotEmpty()
  industryJustification?: string;

  @ApiProperty({ description: 'Trade or job type (工种)' })
  @MaxLength(50)
  @IsString()
  @IsNotEmpty()
  trade!: string;

  @ApiProperty({ description: 'Years of front-line skill work in the district; fewer than 3 fails screening' })
  @Max(70)
  @Min(0)
  @IsInt({ message: 'yearsOfWork must be a whole number of years' })
  yearsOfWork!: number;

  @ApiProperty({ enum: SKILL_LEVELS })
  @IsIn(SKILL_LEVELS, { message: `skillLevel must be one of ${SKILL_LEVELS.join(', ')}` })
  skillLevel!: SkillLevel;

  @IsOptional()
  @ApiPropertyOptional({ type: [String], description: 'Honours at district level or above (区级以上)' })
  @ArrayMaxSize(50)
  @MaxLength(200, { each: true })
  @IsArray()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  honours?: string[];

  @IsOptional()
  @ApiPropertyOptional({ description: 'Main technical achievements (主要技术成果)' })
  @MaxLength(3000)
  @IsString()
  @IsNotEmpty()
  achievements?: string;

  @IsOptional()
  @ApiPropertyOptional({ description: `Main deeds (主要事迹), about 500 characters, at most ${DEEDS_MAX}` })
  @MaxLength(DEEDS_MAX, { message: `deeds must be at most ${DEEDS_MAX} characters` })
  @IsString()
  @IsNotEmpty()
  deeds?: string;

  @IsOptional()
  @ApiPropertyOptional({ type: [ConditionClaimDto], description: 'At least one of the four conditions, each with supporting text' })
  @Type(() => ConditionClaimDto)
  @ValidateNested({ each: true })
  @ArrayMaxSize(4)
  @ArrayMinSize(1, { message: 'conditions must claim at least one of the four conditions' })
  @IsArray()
  conditions?: ConditionClaimDto[];

  @IsOptional()
  @ApiPropertyOptional({ type: OpinionDto, description: 'Opinion of the nominating unit (推荐单位意见)' })
  @Type(() => OpinionDto)
  @ValidateNested()
  nominatorOpinion?: OpinionDto;

  @IsOptional()
  @ApiPropertyOptional({ type: OpinionDto, description: 'Opinion of the sub-district union or association; may follow in the endorsement stage' })
  @Type(() => OpinionDto)
  @ValidateNested()
  endorserOpinion?: OpinionDto;

  @IsOptional()
  @ApiPropertyOptional({ type: CompetitionDto, description: 'Competition channel only: the competition and the placing' })
  @Type(() => CompetitionDto)
  @ValidateNested()
  competition?: CompetitionDto;

  @ApiProperty({ type: ConsentDto, description: "The candidate's separate consent to processing their sensitive personal information (PIPL art. 29)" })
  @Type(() => ConsentDto)
  @ValidateNested()
  @IsDefined({
    message: "consent is required: the candidate's separate consent to processing their ID number, mobile and address (PIPL art. 29), as { signedOn, attestedBy }",
  })
  consent!: ConsentDto;

  @IsOptional()
  @ApiPropertyOptional({ enum: AREAS, description: 'Sub-district (镇街/开发区) whose union endorses an organisational nomination' })
  @IsIn(AREAS, { message: `area must be one of ${AREAS.join(', ')}` })
  area?: Area;
}

export class CreateNominationDto extends NominationFormDto {
  @IsOptional()
  @ApiPropertyOptional({ description: 'The annual round; omitted, the nomination joins the round whose window is open' })
  @IsUUID()
  roundId?: string;

  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS, { message: `channel must be one of ${CHANNELS.join(', ')}` })
  channel!: Channel;

  @IsOptional()
  @ApiPropertyOptional({
    description:
      'Competition channel: the recorded result (GET /competitions/:id) the nomination rests on, instead of retyping `competition`. ' +
      'The form then takes the competition from the record; the name must be the competitor’s (400 naming `name` otherwise)',
  })
  @IsUUID('all', { message: 'competitionResultId must be a UUID' })
  competitionResultId?: string;
}

export class NominationCreatedDto {
  @ApiProperty() candidateId!: string;
  @ApiProperty() workflowId!: string;
  @ApiPropertyOptional() roundId!: string | null;
}
