import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** `?year=` of a yearly report: a programme year (2017 on), Asia/Shanghai. */
export class YearQuery {
  @ApiProperty({ example: 2031 })
  @Max(2100, { message: 'year must be 2100 or earlier' })
  @Min(2017, { message: 'year must be 2017 or later' })
  @IsInt({ message: 'year must be a whole number' })
  @Type(() => Number)
  year!: number;
}

/** An optional `?year=` filter (2017 to 2100, Asia/Shanghai): one wording for every list narrowed to a year. */
export function OptionalYear(description: string): PropertyDecorator {
  const message = 'year must be a year from 2017 to 2100';
  return applyDecorators(
    ApiPropertyOptional({ description, example: 2019 }),
    IsOptional(),
    Max(2100, { message }),
    Min(2017, { message }),
    IsInt({ message }),
    Type(() => Number),
  );
}
