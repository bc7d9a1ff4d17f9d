import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { CONDITIONS, type Condition } from '../../../../libs/contract';

export const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** An opinion with its seal (推荐单位意见 / 镇街、协会意见): text, whether it is sealed, and the date. */
export class OpinionDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  text!: string;

  @ApiProperty({ description: 'Whether the paper form carries the seal (盖章)' })
  @IsBoolean()
  sealed!: boolean;

  @ApiProperty({ example: '2017-04-10' })
  @Matches(DATE, { message: 'date must be YYYY-MM-DD' })
  date!: string;
}

/** One of the four conditions claimed, with the text that supports it. */
export class ConditionClaimDto {
  @ApiProperty({ enum: CONDITIONS })
  @IsIn(CONDITIONS, { message: `kind must be one of ${CONDITIONS.join(', ')}` })
  kind!: Condition;

  @ApiProperty({ description: 'What supports the claim' })
  @IsString()
  @IsNotEmpty({ message: 'evidence is required for each condition claimed' })
  @MaxLength(2000)
  evidence!: string;
}

/** The competition a competition-channel candidate won a place in. */
export class CompetitionDto {
  @ApiProperty({ example: '瓯海区职工技能竞赛（眼镜装配）' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 2017 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiProperty({ description: 'Placing, 1 for first', example: 1 })
  @IsInt()
  @Min(1)
  @Max(100)
  placing!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  organiser?: string;
}

