import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { DateWithin, IsCalendarDate } from '../common/calendar-date.validator';

export class CreateBatchDto {
  @ApiProperty({ example: '第一批考察（眼镜、锁具）' })
  @MaxLength(100)
  @IsString()
  @IsNotEmpty()
  name!: string;

  @ApiProperty({ example: '2017-04-18' })
  @DateWithin()
  @IsCalendarDate({ message: 'plannedOn must be a real date YYYY-MM-DD' })
  plannedOn!: string;

  @ApiProperty({ type: [String], description: 'The inspection team' })
  @ArrayMaxSize(20)
  @ArrayMinSize(1)
  @IsArray()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  members!: string[];

  @ApiProperty({ type: [String], description: 'Candidates not yet past inspection and still in the running' })
  @ArrayMaxSize(200)
  @ArrayMinSize(1)
  @IsUUID('all', { each: true })
  @IsArray()
  candidateIds!: string[];

  @IsOptional()
  @ApiPropertyOptional({ description: "The round; by default the candidates' own (they must all be of one round)" })
  @IsUUID()
  roundId?: string;

  @IsOptional()
  @ApiPropertyOptional({ description: 'Move candidates that are already in another batch (without it, that is a 409)' })
  @IsBoolean({ message: 'move must be true or false' })
  move?: boolean;
}

export class ListBatchesQuery {
  @IsOptional()
  @ApiPropertyOptional()
  @IsUUID('all', { message: 'roundId must be a UUID' })
  roundId?: string;

  @IsOptional()
  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @Min(1, { message: 'page must be 1 or more' })
  @IsInt({ message: 'page must be a whole number' })
  @Type(() => Number)
  page?: number;

  @IsOptional()
  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @Max(100, { message: 'pageSize must be at most 100' })
  @Min(1, { message: 'pageSize must be 1 or more' })
  @IsInt({ message: 'pageSize must be a whole number' })
  @Type(() => Number)
  pageSize?: number;
}
