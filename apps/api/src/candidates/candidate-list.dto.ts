import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { FILE_CHANNELS } from '../../../../libs/contract';
import { AREAS, INDUSTRIES } from '../../../../libs/domain';
import { Paged } from '../common/page-query';
import { STAGE_LABELS, STATUS_LABELS } from './candidate-labels';

export const LIST_STAGES = Object.keys(STAGE_LABELS);
export const LIST_STATUSES = Object.keys(STATUS_LABELS);
export const LIST_SORTS = ['nominatedAt', 'dueAt'] as const;

const oneOf = (field: string, values: readonly string[]) => ({ message: `${field} must be one of ${values.join(', ')}` });

/** The filters and order shared by the list and its exports. Query strings, so every value arrives as text. */
export class CandidateFilterDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID(undefined, { message: 'roundId must be a UUID' })
  roundId?: string;

  @ApiPropertyOptional({ enum: LIST_STAGES })
  @IsOptional()
  @IsIn(LIST_STAGES, oneOf('stage', LIST_STAGES))
  stage?: string;

  @ApiPropertyOptional({ enum: LIST_STATUSES })
  @IsOptional()
  @IsIn(LIST_STATUSES, oneOf('status', LIST_STATUSES))
  status?: string;

  @ApiPropertyOptional({ enum: FILE_CHANNELS })
  @IsOptional()
  @IsIn(FILE_CHANNELS, oneOf('channel', FILE_CHANNELS))
  channel?: string;

  @ApiPropertyOptional({ enum: INDUSTRIES })
  @IsOptional()
  @IsIn(INDUSTRIES, oneOf('industry', INDUSTRIES))
  industry?: string;

  @ApiPropertyOptional({ enum: AREAS })
  @IsOptional()
  @IsIn(AREAS, oneOf('area', AREAS))
  area?: string;

  @ApiPropertyOptional({ description: 'Part of the name, any case' })
  @IsOptional()
  @MaxLength(50, { message: 'q must be at most 50 characters' })
  @IsString({ message: 'q must be given once, as text' })
  q?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Past the due date of its stage and still open' })
  @IsOptional()
  @IsIn(['true', 'false'], oneOf('overdue', ['true', 'false']))
  overdue?: 'true' | 'false';

  @ApiPropertyOptional({ enum: LIST_SORTS, default: 'nominatedAt', description: 'dueAt: files without a due date last' })
  @IsOptional()
  @IsIn(LIST_SORTS, oneOf('sort', LIST_SORTS))
  sort?: (typeof LIST_SORTS)[number];

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc' })
  @IsOptional()
  @IsIn(['asc', 'desc'], oneOf('order', ['asc', 'desc']))
  order?: 'asc' | 'desc';
}

/** The list's filters, a page at a time. */
export class CandidateListQueryDto extends Paged(CandidateFilterDto) {}
