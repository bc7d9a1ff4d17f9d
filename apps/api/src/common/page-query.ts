import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const PAGE_SIZE_DEFAULT = 50;
export const PAGE_SIZE_MAX = 500;

/** What a list answers with a page at a time. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * A list's filters with `?page=&pageSize=` added (query strings, so the numbers arrive as text): one
 * rule and one wording for every paged list.
 */
export function Paged<F extends new (...args: any[]) => object>(Filter: F) {
  class PagedQuery extends Filter {
    @ApiPropertyOptional({ minimum: 1, default: 1 })
    @IsOptional()
    @Type(() => Number)
    @Min(1, { message: 'page must be a whole number from 1' })
    @IsInt({ message: 'page must be a whole number from 1' })
    page?: number;

    @ApiPropertyOptional({ minimum: 1, maximum: PAGE_SIZE_MAX, default: PAGE_SIZE_DEFAULT })
    @IsOptional()
    @Type(() => Number)
    @Min(1, { message: `pageSize must be a whole number from 1 to ${PAGE_SIZE_MAX}` })
    @Max(PAGE_SIZE_MAX, { message: `pageSize must be a whole number from 1 to ${PAGE_SIZE_MAX}` })
    @IsInt({ message: `pageSize must be a whole number from 1 to ${PAGE_SIZE_MAX}` })
    pageSize?: number;
  }
  return PagedQuery;
}

/** The page asked for, its defaults filled in, and the rows it skips. */
export function pageOf(query: { page?: number; pageSize?: number }): { page: number; pageSize: number; offset: number } {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? PAGE_SIZE_DEFAULT;
  return { page, pageSize, offset: (page - 1) * pageSize };
}
