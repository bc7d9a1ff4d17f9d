import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { CONDITIONS, type Condition } from '../../../../libs/contract';
import { DateWithin, IsCalendarDate } from '../common/calendar-date.validator';

/**
 * The candidate's separate consent to the processing of their sensitive personal information (PIPL
 * art. 29): the date they signed it, and who attests it (the unit, union or office that holds the paper).
 * The signed paper itself is uploaded as an attachment of kind `consent`.
 */
export class ConsentDto {
  @ApiProperty({ example: '2017-04-08', description: 'The date the candidate signed the consent (not after today)' })
  @DateWithin()
  @IsCalendarDate({ message: 'signedOn must be a real date YYYY-MM-DD' })
  signedOn!: string;

  @ApiProperty({ example: '瓯海眼镜厂工会 李明', description: 'Who attests the signature' })
  @MaxLength(100)
  @IsString()
  @IsNotEmpty({ message: 'attestedBy is required: who attests the candidate signed' })
  attestedBy!: string;
}

/** An opinion with its seal (推荐单位意见 / 镇街、协会意见): text, whether it is sealed, and the date. */
export class OpinionDto {
  @ApiProperty()
  @MaxLength(1000)
  @IsString()
  @IsNotEmpty()
  text!: string;

  @ApiProperty({ description: 'Whether the paper form carries the seal (盖章)' })
  @IsBoolean()
  sealed!: boolean;

  @ApiProperty({ example: '2017-04-10' })
  @IsCalendarDate({ message: 'date must be a real date YYYY-MM-DD' })
  date!: string;
}

/** One of the four conditions claimed, with the text that supports it. */
export class ConditionClaimDto {
  @ApiProperty({ enum: CONDITIONS })
  @IsIn(CONDITIONS, { message: `kind must be one of ${CONDITIONS.join(', ')}` })
  kind!: Condition;

  @ApiProperty({ description: 'What supports the claim' })
  @MaxLength(2000)
  @IsString()
  @IsNotEmpty({ message: 'evidence is required for each condition claimed' })
  evidence!: string;
}

/**
 * The competition a competition-channel candidate won a place in (an apprentice's placing too). Named
 * apart in the OpenAPI document: the competitions module's CompetitionDto (a whole competition) would
 * otherwise stand for both.
 */
@ApiSchema({ name: 'CompetitionPlacingDto' })
export class CompetitionDto {
  @ApiProperty({ example: '瓯海区职工技能竞赛（眼镜装配）' })
  @MaxLength(200)
  @IsString()
  @IsNotEmpty()
  name!: string;

  @ApiProperty({ example: 2017 })
  @Max(2100)
  @Min(2000)
  @IsInt()
  year!: number;

  @ApiProperty({ description: 'Placing, 1 for first', example: 1 })
  @Max(100)
  @Min(1)
  @IsInt()
  placing!: number;

  @IsOptional()
  @ApiPropertyOptional()
  @MaxLength(200)
  @IsString()
  organiser?: string;
}
