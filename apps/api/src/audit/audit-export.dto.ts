import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

export const EXPORT_FORMATS = ['csv', 'json'] as const;

/** One candidate's rows, or one round's (or both at once); JSON unless `format=csv`. */
export class AuditExportDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID(undefined, { message: 'candidateId must be a UUID' })
  candidateId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID(undefined, { message: 'roundId must be a UUID' })
  roundId?: string;

  @ApiPropertyOptional({ enum: EXPORT_FORMATS })
  @IsOptional()
  @IsIn(EXPORT_FORMATS, { message: `format must be one of ${EXPORT_FORMATS.join(', ')}` })
  format?: (typeof EXPORT_FORMATS)[number];
}
