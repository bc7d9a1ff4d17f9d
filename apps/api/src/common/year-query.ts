import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

/** `?year=` of a yearly report: a programme year (2017 on), Asia/Shanghai. */
export class YearQuery {
  @ApiProperty({ example: 2031 })
  @Max(2100, { message: 'year must be 2100 or earlier' })
  @Min(2017, { message: 'year must be 2017 or later' })
  @IsInt({ message: 'year must be a whole number' })
  @Type(() => Number)
  year!: number;
}
