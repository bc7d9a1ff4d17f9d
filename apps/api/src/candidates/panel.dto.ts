import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

export const NEAR_MATCH_DECISIONS = ['recuse', 'keep'] as const;
export type NearMatchDecision = (typeof NEAR_MATCH_DECISIONS)[number];

/** The office's word on an expert whose employer resembles the candidate's: recuse or keep, and why. */
export class NearMatchConfirmationDto {
  @ApiProperty({ enum: NEAR_MATCH_DECISIONS })
  @IsIn(NEAR_MATCH_DECISIONS, { message: `decision must be one of ${NEAR_MATCH_DECISIONS.join(', ')}` })
  decision!: NearMatchDecision;

  @ApiProperty({ description: 'Why: kept for the audit', example: '金鹰眼镜与候选人所在金鹰鞋业无隶属关系' })
  @MaxLength(500)
  @IsString()
  @IsNotEmpty({ message: 'note is required: say why the expert is recused or kept' })
  note!: string;
}

export class PanelExpertDto {
  @ApiProperty({ description: "The expert's user id (the subject of their token)" })
  @MaxLength(100)
  @IsString()
  @IsNotEmpty()
  userId!: string;

  @ApiProperty({ description: "The expert's employer: an expert of the candidate's employer is recused automatically" })
  @MaxLength(100)
  @IsString()
  @IsNotEmpty()
  employer!: string;

  @IsOptional()
  @ApiPropertyOptional({
    type: NearMatchConfirmationDto,
    description: "Only for an employer that resembles the candidate's (the 409 lists them): recuse or keep the expert, with a note",
  })
  @Type(() => NearMatchConfirmationDto)
  @ValidateNested()
  nearMatch?: NearMatchConfirmationDto;
}

export class PanelDto {
  @ApiProperty({ type: [PanelExpertDto] })
  @Type(() => PanelExpertDto)
  @ValidateNested({ each: true })
  @ArrayMaxSize(30)
  @ArrayMinSize(1)
  @IsArray()
  experts!: PanelExpertDto[];
}

export class ScoresDto {
  @ApiProperty({ description: '0-100 for each condition the candidate claims', example: { superb_skill: 86, leading_role: 90 } })
  @IsObject()
  scores!: Record<string, number>;
}
