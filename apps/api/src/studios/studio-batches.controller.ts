import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthedRequest } from '../auth/auth.guard';
import { Roles } from '../auth/roles.decorator';
import { STUDIO_READERS } from './studio-access';
import { CreateStudioBatchDto, StudioBatchApprovalDto } from './studio.dto';
import { StudioBatchDto, StudioBatchSummaryDto } from './studio.responses';
import { StudioBatchesService } from './studio-batches.service';
import { uuid } from '../common/uuid-param';

/** Studio batches (每两年选拔一批): the window, the creation standard, the leadership group's approval. */
@ApiTags('studios')
@ApiBearerAuth()
@Controller('studio-batches')
export class StudioBatchesController {
  constructor(private readonly batches: StudioBatchesService) {}

  @Post()
  @Roles('union_office')
  @ApiOperation({
    summary: 'Open a studio batch: year, application window, creation standard (criteria)',
    description: '409 with the reason within STUDIO_BATCH_INTERVAL_YEARS (2) of another batch',
  })
  @ApiCreatedResponse({ schema: { properties: { batchId: { type: 'string', format: 'uuid' } } } })
  create(@Body() dto: CreateStudioBatchDto, @Req() req: AuthedRequest) {
    return this.batches.create(dto, req.claims);
  }

  @Get()
  @Roles(...STUDIO_READERS)
  @ApiOperation({ summary: 'Every batch, newest first, with its applications and studios named' })
  @ApiOkResponse({ type: [StudioBatchSummaryDto] })
  list() {
    return this.batches.list();
  }

  @Get(':id')
  @Roles(...STUDIO_READERS)
  @ApiOperation({ summary: 'One batch: window, criteria, approval, and its studios the caller may see' })
  @ApiOkResponse({ type: StudioBatchDto })
  get(@Param('id', uuid) id: string, @Req() req: AuthedRequest) {
    return this.batches.get(id, req.claims);
  }

  @Post(':id/approval')
  @HttpCode(200)
  @Roles('leadership')
  @ApiOperation({
    summary: 'The leadership group approves the batch: approved studios are named and their grants instructed; the rest not approved, each with a reason',
    description:
      '409 while applications are open or awaiting screening, or once another decision stands; 422 naming the entry: a studio of another batch, named twice, not screened, or a screened one missing. The same decision sent again completes one that stopped part-way',
  })
  @ApiOkResponse({ type: StudioBatchDto, description: 'the batch as it stands after the decision' })
  approve(@Param('id', uuid) id: string, @Body() dto: StudioBatchApprovalDto, @Req() req: AuthedRequest) {
    return this.batches.approve(id, dto, req.claims);
  }
}
