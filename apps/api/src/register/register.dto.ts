import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { OptionalYear } from '../common/year-query';

export const REGISTER_FORMATS = ['json', 'csv'] as const;
export const DEEDS_MAX = 2000;

export class RegisterQueryDto {
  @ApiPropertyOptional({ enum: REGISTER_FORMATS, description: 'csv: the register as a CSV file (UTF-8 with BOM, Chinese headers)' })
  @IsOptional()
  @IsIn(REGISTER_FORMATS, { message: `format must be one of ${REGISTER_FORMATS.join(', ')}` })
  format?: (typeof REGISTER_FORMATS)[number];

  @OptionalYear('Only the masters named in that year')
  year?: number;
}

export class RegisterEntryDto {
  @ApiProperty({ description: "true: at the master's request, the public entry shows the name and the year named only" })
  @IsBoolean({ message: 'limited must be true or false' })
  limited!: boolean;

  @ApiPropertyOptional({
    nullable: true,
    description: `The deeds the office publishes for the programme's columns (at most ${DEEDS_MAX} characters); null withdraws them; left out, they stay as they are`,
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @MaxLength(DEEDS_MAX, { message: `deeds must be at most ${DEEDS_MAX} characters` })
  @IsNotEmpty({ message: 'deeds must not be empty: null withdraws them' })
  @IsString({ message: 'deeds must be text or null' })
  deeds?: string | null;
}
