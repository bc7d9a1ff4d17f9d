import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { AuditLog, type AuditRow } from '../../../../libs/audit';
import { Roles } from '../auth/roles.decorator';
import { BINARY } from '../common/api-response';
import { csvExport, download } from '../common/export-file';
import { badRequest } from '../common/validation';
import { AuditExportDto, AuditVerifyDto } from './audit-export.dto';
import { auditTable } from './audit-table';
import { AuditDigestDto, AuditRowDto, AuditVerifyResultDto } from './audit.responses';

@ApiTags('audit')
@ApiBearerAuth()
@Roles('auditor', 'admin')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditLog) {}

  @Get('verify')
  @ApiOperation({
    summary:
      'Recomputes the whole hash chain: {ok, rows, firstBrokenRow} (the id of the first row that fails, null when intact), headHash; with an earlier digest (headId, headHash) also digestMatches',
  })
  @ApiOkResponse({ type: AuditVerifyResultDto })
  async verify(@Query() q: AuditVerifyDto) {
    if ((q.headId === undefined) !== (q.headHash === undefined))
      throw badRequest([{ field: q.headId ? 'headHash' : 'headId', reason: 'give headId and headHash together (from a digest)' }]);
    const digest = q.headId && q.headHash ? { headId: q.headId, headHash: q.headHash } : undefined;
    const { firstBrokenRow, ...result } = await this.audit.verify(undefined, digest);
    return { ...result, firstBrokenRow: firstBrokenRow === null ? null : Number(firstBrokenRow) };
  }

  @Get('digest')
  @ApiOperation({ summary: "The chain's head as stored: {headHash, rows, at}, to hand to an outside party and later prove nothing before it changed" })
  @ApiOkResponse({ type: AuditDigestDto })
  async digest() {
    const { headHash, rows, headId, at } = await this.audit.digest();
    return { headHash, rows, headId: headId === null ? null : Number(headId), at };
  }

  @Get('export')
  @ApiOperation({ summary: "One candidate's or one round's audit rows, oldest first, as JSON or (format=csv) CSV with the chain's hashes" })
  @ApiExtraModels(AuditRowDto)
  @ApiOkResponse({
    description: 'JSON rows, or (format=csv) CSV with the hashes',
    content: { 'application/json': { schema: { type: 'array', items: { $ref: getSchemaPath(AuditRowDto) } } }, 'text/csv': { schema: BINARY } },
  })
  async export(@Query() q: AuditExportDto): Promise<AuditRow[] | StreamableFile> {
    if (!q.candidateId && !q.roundId) throw badRequest([{ field: 'candidateId', reason: 'give candidateId or roundId (or both)' }]);
    const rows = await this.audit.find({ candidateId: q.candidateId, roundId: q.roundId });
    if (q.format !== 'csv') return rows;
    return download(csvExport(auditTable(rows), `audit-${q.candidateId ?? q.roundId}`));
  }
}
