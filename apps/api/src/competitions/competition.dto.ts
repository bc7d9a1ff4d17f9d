import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { DateWithin, IsCalendarDate } from '../common/calendar-date.validator';

/** How far a competition reaches: the district's own (区), the city's (市), the province's (省), the nation's (国家). */
export const COMPETITION_LEVELS = ['district', 'city', 'provincial', 'national'] as const;
export type CompetitionLevel = (typeof COMPETITION_LEVELS)[number];

export class CreateCompetitionDto {
  @ApiProperty({ example: '2031年瓯海区职工技能竞赛（眼镜装配）' })
  @MaxLength(200)
  @IsString()
  @IsNotEmpty({ message: 'name is required' })
  name!: string;

  @ApiProperty({ description: 'The trade (工种) competed in', example: '眼镜装配' })
  @MaxLength(50)
  @IsString()
  @IsNotEmpty({ message: 'trade is required' })
  trade!: string;

  @ApiProperty({ description: 'The day it was held (YYYY-MM-DD, Asia/Shanghai); the final day for one held over several', example: '2031-03-20' })
  @DateWithin()
  @IsCalendarDate({ message: 'heldOn must be a real date YYYY-MM-DD' })
  heldOn!: string;

  @ApiProperty({ enum: COMPETITION_LEVELS })
  @IsIn(COMPETITION_LEVELS, { message: `level must be one of ${COMPETITION_LEVELS.join(', ')}` })
  level!: CompetitionLevel;

  @ApiProperty({ example: '瓯海区总工会、区人社局' })
  @MaxLength(200)
  @IsString()
  @IsNotEmpty({ message: 'organiser is required' })
  organiser!: string;
}

export class CompetitionResultInputDto {
  @ApiProperty({ example: '王建国', description: 'As on the results list; a nomination linking this result must carry the same name' })
  @MaxLength(50)
  @IsString()
  @IsNotEmpty({ message: 'name is required' })
  name!: string;

  @ApiProperty({ example: '温州瓯海眼镜有限公司', description: 'The employer the competitor entered for' })
  @MaxLength(100)
  @IsString()
  @IsNotEmpty({ message: 'employer is required' })
  employer!: string;

  @ApiProperty({ description: 'Placing, 1 for first', example: 1 })
  @Max(1000)
  @Min(1, { message: 'placing must be 1 or more' })
  @IsInt({ message: 'placing must be a whole number' })
  placing!: number;

  @IsOptional()
  @ApiPropertyOptional({ example: '一等奖', description: 'The award as the organiser named it' })
  @MaxLength(50)
  @IsString()
  @IsNotEmpty()
  award?: string;
}

export class RecordResultsDto {
  @ApiProperty({ type: [CompetitionResultInputDto], description: 'Placings to add to the competition (those recorded before stay)' })
  @Type(() => CompetitionResultInputDto)
  @ValidateNested({ each: true })
  @ArrayMaxSize(500)
  @ArrayMinSize(1, { message: 'results must list at least one placing' })
  @IsArray()
  results!: CompetitionResultInputDto[];
}

export class ListCompetitionsQuery {
  @IsOptional()
  @ApiPropertyOptional({ description: 'Held in this year (Asia/Shanghai)', example: 2031 })
  @Max(2100)
  @Min(2000, { message: 'year must be 2000 or later' })
  @IsInt({ message: 'year must be a whole number' })
  @Type(() => Number)
  year?: number;

  @IsOptional()
  @ApiPropertyOptional({ enum: COMPETITION_LEVELS })
  @IsIn(COMPETITION_LEVELS, { message: `level must be one of ${COMPETITION_LEVELS.join(', ')}` })
  level?: CompetitionLevel;

  @IsOptional()
  @ApiPropertyOptional({ description: 'The trade, exactly' })
  @MaxLength(50)
  @IsString()
  trade?: string;
}

export class CompetitionSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() trade!: string;
  @ApiProperty({ example: '2031-03-20' }) heldOn!: string;
  @ApiProperty({ enum: COMPETITION_LEVELS }) level!: CompetitionLevel;
  @ApiProperty() organiser!: string;
  @ApiProperty({ description: 'Placings recorded' }) results!: number;
}

export class CompetitionResultDto {
  @ApiProperty({ description: 'competitionResultId, for a competition-channel nomination' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() employer!: string;
  @ApiProperty() placing!: number;
  @ApiPropertyOptional({ nullable: true, type: String }) award!: string | null;
}

/** A file linked to one of the competition's results: ids and names only. */
export class CompetitionNomineeDto {
  @ApiProperty() candidateId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() resultId!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) roundId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Where the file stands (the status projection); null just after filing' }) stage!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) status!: string | null;
  @ApiProperty({ description: 'Whether the candidate is a named master (by any path: a round, the per-file path, the paper records)' }) named!: boolean;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'The day the candidate was named a master (YYYY-MM-DD); null until then, or when no date was recorded',
  })
  commendedOn!: string | null;
}

export class CompetitionDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() trade!: string;
  @ApiProperty({ example: '2031-03-20' }) heldOn!: string;
  @ApiProperty({ enum: COMPETITION_LEVELS }) level!: CompetitionLevel;
  @ApiProperty() organiser!: string;
  @ApiProperty() recordedAt!: string;
  @ApiProperty({ type: [CompetitionResultDto], description: 'By placing' }) results!: CompetitionResultDto[];
  @ApiPropertyOptional({ type: [CompetitionNomineeDto], description: 'union_office, auditor, admin only: every file nominated on one of these results' })
  nominated?: CompetitionNomineeDto[];
  @ApiPropertyOptional({ type: [CompetitionNomineeDto], description: 'union_office, auditor, admin only: those of them named masters' })
  named?: CompetitionNomineeDto[];
}
