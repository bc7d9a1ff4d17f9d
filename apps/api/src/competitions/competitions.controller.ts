import { Body, Controller, Get, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthedRequest } from '../auth/auth.guard';
import { Roles } from '../auth/roles.decorator';
import { uuid } from '../common/uuid-param';
import { CompetitionDto, CompetitionSummaryDto, CreateCompetitionDto, ListCompetitionsQuery, RecordResultsDto } from './competition.dto';
import { CompetitionsService } from './competitions.service';

/** Nominators and sub-district unions read the results too: a competition-channel nomination links one by its id. */
const READERS = ['union_office', 'leadership', 'auditor', 'admin', 'street_union', 'nominator'] as const;

@ApiTags('competitions')
@ApiBearerAuth()
@Controller('competitions')
export class CompetitionsController {
  constructor(private readonly competitions: CompetitionsService) {}

  @Post()
  @Roles('union_office')
  @ApiOperation({ summary: 'Record a skill competition (职工技能竞赛): name, trade, date, level, organiser' })
  @ApiCreatedResponse({ type: CompetitionDto })
  create(@Body() dto: CreateCompetitionDto, @Req() req: AuthedRequest): Promise<CompetitionDto> {
    return this.competitions.create(dto, req.claims);
  }

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'Competitions, latest first, each with its number of placings; filter by year, level, trade' })
  @ApiOkResponse({ type: [CompetitionSummaryDto] })
  list(@Query() query: ListCompetitionsQuery): Promise<CompetitionSummaryDto[]> {
    return this.competitions.list(query);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'The competition and its placings (each id is a competitionResultId); for union_office, auditor and admin also the files nominated on them and those named',
  })
  @ApiOkResponse({ type: CompetitionDto })
  get(@Param('id', uuid) id: string, @Req() req: AuthedRequest): Promise<CompetitionDto> {
    return this.competitions.get(id, req.claims);
  }

  @Post(':id/results')
  @Roles('union_office')
  @ApiOperation({ summary: 'Add placings (competitor, employer, placing, award) to the competition; those recorded before stay' })
  @ApiCreatedResponse({ type: CompetitionDto })
  recordResults(@Param('id', uuid) id: string, @Body() dto: RecordResultsDto, @Req() req: AuthedRequest): Promise<CompetitionDto> {
    return this.competitions.recordResults(id, dto, req.claims);
  }
}
