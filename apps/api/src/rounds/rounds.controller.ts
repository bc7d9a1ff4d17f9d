import { Body, Controller, Get, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Role } from '../../../../libs/contract';
import type { AuthedRequest } from '../auth/auth.guard';
import { Roles } from '../auth/roles.decorator';
import { CreateRoundDto, RoundCreatedDto, RoundDto } from './round.dto';
import { RoundProgressService } from './round-progress.service';
import { ProgrammeDto, RankingDto, RoundFunnelDto, RoundReportDto } from './round.responses';
import { RoundsService } from './rounds.service';
import { StudioProgramme } from '../studios/studio-programme';
import { uuid } from '../common/uuid-param';

const STAFF: Role[] = ['union_office', 'street_union', 'inspector', 'expert', 'leadership', 'government', 'finance', 'auditor', 'admin'];

@ApiTags('rounds')
@ApiBearerAuth()
@Controller('rounds')
export class RoundsController {
  constructor(
    private readonly rounds: RoundsService,
    private readonly progress: RoundProgressService,
  ) {}

  @Post()
  @Roles('union_office', 'admin')
  @ApiOperation({ summary: 'Open an annual round (年度评选): quota and windows; one round per year (409 for a second)' })
  @ApiCreatedResponse({ type: RoundCreatedDto })
  create(@Body() dto: CreateRoundDto, @Req() req: AuthedRequest): Promise<RoundCreatedDto> {
    return this.rounds.create(dto, req.claims.sub);
  }

  @Get()
  @Roles(...STAFF, 'nominator')
  @ApiOperation({ summary: 'Every round, newest year first, with its phase now (upcoming, nominating, reviewing, closed)' })
  @ApiOkResponse({ type: [RoundDto] })
  list(): Promise<RoundDto[]> {
    return this.rounds.list();
  }

  @Get(':id')
  @Roles(...STAFF, 'nominator')
  @ApiOperation({ summary: 'One round with its windows and phase now' })
  @ApiOkResponse({ type: RoundDto })
  get(@Param('id', uuid) id: string): Promise<RoundDto> {
    return this.rounds.get(id);
  }

  @Get(':id/report')
  @Roles('union_office', 'leadership', 'auditor', 'admin')
  @ApiOperation({ summary: 'Nominations per channel, industry and sub-district union (against the per-area target), total and quota' })
  @ApiOkResponse({ type: RoundReportDto })
  report(@Param('id', uuid) id: string) {
    return this.rounds.report(id);
  }

  @Get(':id/funnel')
  @Roles('union_office', 'leadership', 'auditor', 'admin')
  @ApiOperation({ summary: "The round's files per stage and status, and its re-review list per outcome" })
  @ApiOkResponse({ type: RoundFunnelDto })
  funnel(@Param('id', uuid) id: string) {
    return this.progress.funnel(id);
  }

  @Get(':id/ranking')
  @Roles('union_office', 'leadership', 'auditor', 'admin')
  @ApiOperation({
    summary: 'Candidates with an expert score, best first; equal scores share a rank (1, 2, 2, 4)',
    description: 'Once the re-review list is frozen each line also has votes, voteScore, combinedScore and combinedRank (after the vote) and its outcome with its reason',
  })
  @ApiOkResponse({ type: RankingDto })
  ranking(@Param('id', uuid) id: string) {
    return this.rounds.ranking(id);
  }
}

@ApiTags('rounds')
@ApiBearerAuth()
@Controller('programme')
export class ProgrammeController {
  constructor(
    private readonly progress: RoundProgressService,
    private readonly studios: StudioProgramme,
  ) {}

  @Get()
  @Roles(...STAFF)
  @ApiOperation({
    summary: 'The three-year target (PROGRAMME_TARGET, 100) against the masters commended per round and the quotas',
    description: '`studios`: studios named against STUDIO_TARGET (30), per batch, and the apprentices the named studios train, per studio and per year',
  })
  @ApiOkResponse({ type: ProgrammeDto })
  async programme() {
    const [masters, studios] = await Promise.all([this.progress.programme(), this.studios.report()]);
    return { ...masters, studios };
  }
}
