import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Paged } from '../common/page-query';

/** Which masters the office looks at: those named in a year, those whose name holds some text. Query strings, so every value arrives as text. */
export class MasterFilterDto {
  @ApiPropertyOptional({ description: 'Masters named in this year', example: 2019 })
  @IsOptional()
  @Max(2100, { message: 'year must be a year from 2017 to 2100' })
  @Min(2017, { message: 'year must be a year from 2017 to 2100' })
  @IsInt({ message: 'year must be a year from 2017 to 2100' })
  @Type(() => Number)
  year?: number;

  @ApiPropertyOptional({ description: 'Part of the name, any case' })
  @IsOptional()
  @MaxLength(50, { message: 'name must be at most 50 characters' })
  @IsString({ message: 'name must be given once, as text' })
  name?: string;
}

export class MasterListQueryDto extends Paged(MasterFilterDto) {}
