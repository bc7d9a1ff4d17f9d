import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { CHANNELS, type Channel } from '../../../../libs/contract';
import { INDUSTRIES, MOBILE_PATTERN, SKILL_LEVELS, type Industry, type SkillLevel } from '../../../../libs/domain';
import { IsIdNumber } from '../common/id-number.validator';

export class CreateNominationDto {
  @ApiPropertyOptional({ description: 'The annual round; omitted, the nomination joins no round yet' })
  @IsOptional()
  @IsUUID()
  roundId?: string;

  @ApiProperty({ example: '王师傅' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name!: string;

  @ApiProperty({ description: '18-character resident ID number (GB 11643)', example: '330304199001011237' })
  @IsIdNumber()
  idNumber!: string;

  @ApiProperty({ example: '13812345678' })
  @Matches(MOBILE_PATTERN, { message: 'mobile must be a mainland mobile number (11 digits starting 13-19)' })
  mobile!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  employer!: string;

  @ApiProperty({ enum: INDUSTRIES })
  @IsIn(INDUSTRIES, { message: `industry must be one of ${INDUSTRIES.join(', ')}` })
  industry!: Industry;

  @ApiProperty({ description: 'Trade or job type (工种)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  trade!: string;

  @ApiProperty({ description: 'Years of front-line skill work in the district' })
  @IsInt()
  @Min(0)
  @Max(70)
  yearsOfWork!: number;

  @ApiProperty({ enum: SKILL_LEVELS })
  @IsIn(SKILL_LEVELS, { message: `skillLevel must be one of ${SKILL_LEVELS.join(', ')}` })
  skillLevel!: SkillLevel;

  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS, { message: `channel must be one of ${CHANNELS.join(', ')}` })
  channel!: Channel;
}

export class NominationCreatedDto {
  @ApiProperty() candidateId!: string;
  @ApiProperty() workflowId!: string;
}
