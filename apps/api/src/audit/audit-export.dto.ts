import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';

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

/** An earlier digest to check against: the row it named must still carry its hash. */
export class AuditVerifyDto {
  @ApiPropertyOptional({ description: 'headId of an earlier digest' })
  @IsOptional()
  @Matches(/^[1-9]\d{0,17}$/, { message: 'headId must be a row id from a digest' })
  headId?: string;

  @ApiPropertyOptional({ description: 'headHash of an earlier digest' })
  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/, { message: 'headHash must be 64 hexadecimal characters' })
  headHash?: string;
}
