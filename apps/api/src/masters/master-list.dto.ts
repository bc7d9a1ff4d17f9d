import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Paged } from '../common/page-query';
import { OptionalYear } from '../common/year-query';

/** Which masters the office looks at: those named in a year, those whose name holds some text. Query strings, so every value arrives as text. */
export class MasterFilterDto {
  @OptionalYear('Masters named in this year')
  year?: number;

  @ApiPropertyOptional({ description: 'Part of the name, any case' })
  @IsOptional()
  @MaxLength(50, { message: 'name must be at most 50 characters' })
  @IsString({ message: 'name must be given once, as text' })
  name?: string;
}

export class MasterListQueryDto extends Paged(MasterFilterDto) {}
