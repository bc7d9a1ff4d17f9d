import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsObject, IsString, MaxLength, ValidateNested } from 'class-validator';

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

