import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthedRequest } from '../auth/auth.guard';
import { Roles } from '../auth/roles.decorator';
import { BankAccountDto } from '../candidates/bank-account';
import { ApprenticesService } from './apprentices.service';
import { STUDIO_READERS } from './studio-access';
import { AddApprenticeDto, CreateStudioDto, ScreeningDto, StudioListQuery, StudioReasonDto, StudioResubmissionDto, UpdateApprenticeDto } from './studio.dto';
import { ApprenticeDto, StudioPageDto, StudioViewDto } from './studio.responses';
import { StudiosService } from './studios.service';
import { uuid } from '../common/uuid-param';

const REFUSALS = '409 the studio is not where the action needs it (the message says where it is), 403 wrong role, 400 malformed (fields named), 404 unknown or not yours';

/** Demonstration studios (示范性工作室): applications, screening, withdrawal, and their apprentices. Every reply is the studio's view. */
@ApiTags('studios')
@ApiBearerAuth()
@Controller('studios')
export class StudiosController {
  constructor(
    private readonly studios: StudiosService,
    private readonly apprentices: ApprenticesService,
  ) {}

  @Post()
  @Roles('union_office', 'nominator')
  @ApiOperation({
    summary: 'Apply for a studio named after a named master, in an open batch: the office, or the unit that nominated the master',
    description: '400 naming batchId or masterId (not a named master); 409 outside the batch window, or the master has a studio application already',
  })
  @ApiCreatedResponse({ schema: { properties: { studioId: { type: 'string', format: 'uuid' } } } })
  apply(@Body() dto: CreateStudioDto, @Req() req: AuthedRequest) {
    return this.studios.apply(dto, req.claims);
  }

  @Get()
  @Roles(...STUDIO_READERS)
  @ApiOperation({ summary: 'The studios the caller may see, newest first: {items, total, page, pageSize}' })
  @ApiOkResponse({ type: StudioPageDto })
  list(@Query() query: StudioListQuery, @Req() req: AuthedRequest) {
    return this.studios.list(query, req.claims);
  }

  @Get(':id')
  @Roles(...STUDIO_READERS)
  @ApiOperation({ summary: 'One studio: the application, the master, screenings, approval, naming date, grant, its bank account (masked), apprentices' })
  @ApiOkResponse({ type: StudioViewDto })
  get(@Param('id', uuid) id: string, @Req() req: AuthedRequest) {
    return this.studios.get(id, req.claims);
  }

  @Put(':id/bank-account')
  @HttpCode(200)
  @Roles('union_office')
  @ApiOperation({
    summary: "Record the studio's bank account, its host unit's (依托单位), for its grant; the number is sealed and shown masked everywhere",
    description: '400 naming the field (accountNumber: 8 to 32 digits); accountName defaults to the host unit; 403 wrong role, 404 unknown',
  })
  @ApiOkResponse({ type: StudioViewDto })
  recordBankAccount(@Param('id', uuid) id: string, @Body() dto: BankAccountDto, @Req() req: AuthedRequest) {
    return this.studios.recordBankAccount(id, dto, req.claims);
  }

  @Post(':id/screening')
  @HttpCode(200)
  @Roles('union_office')
  @ApiOperation({ summary: "Screen against the batch's creation standard: every criterion with met and evidence; pass, fail or return", description: REFUSALS })
  @ApiOkResponse({ type: StudioViewDto })
  screen(@Param('id', uuid) id: string, @Body() dto: ScreeningDto, @Req() req: AuthedRequest) {
    return this.studios.screen(id, dto, req.claims);
  }

  @Post(':id/resubmission')
  @HttpCode(200)
  @Roles('union_office', 'nominator')
  @ApiOperation({ summary: 'A returned application goes back to screening, with a note and any corrections', description: REFUSALS })
  @ApiOkResponse({ type: StudioViewDto })
  resubmit(@Param('id', uuid) id: string, @Body() dto: StudioResubmissionDto, @Req() req: AuthedRequest) {
    return this.studios.resubmit(id, dto, req.claims);
  }

  @Post(':id/withdrawal')
  @HttpCode(200)
  @Roles('union_office', 'nominator')
  @ApiOperation({ summary: 'Withdraw the application, with the reason, any time before it is named', description: REFUSALS })
  @ApiOkResponse({ type: StudioViewDto })
  withdraw(@Param('id', uuid) id: string, @Body() dto: StudioReasonDto, @Req() req: AuthedRequest) {
    return this.studios.withdraw(id, dto, req.claims);
  }

  @Post(':id/apprentices')
  @Roles('union_office', 'nominator')
  @ApiOperation({ summary: 'Record an apprentice ("1+N"): name, start, and end and outcome when known' })
  @ApiCreatedResponse({ type: ApprenticeDto })
  addApprentice(@Param('id', uuid) id: string, @Body() dto: AddApprenticeDto, @Req() req: AuthedRequest) {
    return this.apprentices.add(id, dto, req.claims);
  }

  @Patch(':id/apprentices/:apprenticeId')
  @Roles('union_office', 'nominator')
  @ApiOperation({ summary: "An apprenticeship's end and outcome (a skill level reached, a competition placing, a note)" })
  @ApiOkResponse({ type: ApprenticeDto })
  updateApprentice(@Param('id', uuid) id: string, @Param('apprenticeId', uuid) apprenticeId: string, @Body() dto: UpdateApprenticeDto, @Req() req: AuthedRequest) {
    return this.apprentices.update(id, apprenticeId, dto, req.claims);
  }
}
