import { Body, Controller, Get, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthedRequest } from '../auth/auth.guard';
import { Roles } from '../auth/roles.decorator';
import { uuid } from '../common/uuid-param';
import { CreateBatchDto, ListBatchesQuery } from './inspection-batch.dto';
import { InspectionBatchesService } from './inspection-batches.service';
import { BatchCreatedDto, BatchDto, BatchPageDto } from './inspection.responses';

/** Candidates are inspected in batches (人选考察): one visit plan, one team, several candidates. */
@ApiTags('inspection')
@ApiBearerAuth()
@Controller('inspection-batches')
export class InspectionBatchesController {
  constructor(private readonly batches: InspectionBatchesService) {}

  @ApiOperation({
    summary:
      'Group candidates into an inspection batch with its team and planned date. 409 for a candidate closed or past inspection, ' +
      'or already in another batch unless move: true (the reply lists who moved from where)',
  })
  @Post()
  @Roles('union_office', 'inspector')
  @ApiCreatedResponse({ type: BatchCreatedDto })
  create(@Body() dto: CreateBatchDto, @Req() req: AuthedRequest) {
    return this.batches.create(dto, req.claims);
  }

  @ApiOperation({ summary: 'Inspection batches, newest first, each with its candidate count; filter by roundId, paged (page, pageSize)' })
  @Get()
  @Roles('union_office', 'inspector', 'auditor', 'admin')
  @ApiOkResponse({ type: BatchPageDto })
  list(@Query() query: ListBatchesQuery) {
    return this.batches.list(query);
  }

  @ApiOperation({ summary: 'The batch, where each of its candidates stands, and who put each candidate in or moved it out, when' })
  @Get(':id')
  @Roles('union_office', 'inspector', 'auditor', 'admin')
  @ApiOkResponse({ type: BatchDto })
  get(@Param('id', uuid) id: string) {
    return this.batches.get(id);
  }
}
