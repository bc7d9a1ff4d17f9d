import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Role } from '../../../../libs/contract';
import { actorOf, type AuthedRequest } from '../auth/auth.guard';
import { Roles } from '../auth/roles.decorator';
import { CandidatesService } from './candidates.service';
import { DecisionDto, DepartureDto, ResubmissionDto } from './decision.dto';

const REVIEWERS: Role[] = ['street_union', 'union_office', 'inspector', 'expert', 'leadership', 'government'];
const uuid = new ParseUUIDPipe({ version: undefined });

@ApiTags('candidates')
@ApiBearerAuth()
@Controller('candidates')
export class CandidatesController {
  constructor(private readonly candidates: CandidatesService) {}

  @Get(':id')
  @Roles(...REVIEWERS, 'auditor', 'admin', 'finance', 'nominator')
  @ApiOperation({ summary: 'The file, its current stage and status, and every decision so far' })
  get(@Param('id', uuid) id: string, @Req() req: AuthedRequest) {
    return this.candidates.get(id, actorOf(req));
  }

  @Post(':id/decisions')
  @HttpCode(200)
  @Roles(...REVIEWERS)
  @ApiOperation({ summary: 'Approve, reject or return the stage the candidate is at (409 if it is at another stage, 403 if the role does not own it)' })
  decide(@Param('id', uuid) id: string, @Body() dto: DecisionDto, @Req() req: AuthedRequest) {
    return this.candidates.decide(id, dto, actorOf(req));
  }

  @Post(':id/resubmissions')
  @HttpCode(200)
  @Roles('nominator', 'street_union', 'union_office', 'admin')
  @ApiOperation({ summary: 'Send a returned file back; the stage it was returned from resumes' })
  resubmit(@Param('id', uuid) id: string, @Body() dto: ResubmissionDto, @Req() req: AuthedRequest) {
    return this.candidates.resubmit(id, dto, actorOf(req));
  }

  @Post(':id/departure')
  @HttpCode(200)
  @Roles('union_office')
  @ApiOperation({ summary: 'Record that the master left Ouhai to work elsewhere; the monthly subsidy stops' })
  departure(@Param('id', uuid) id: string, @Body() dto: DepartureDto, @Req() req: AuthedRequest) {
    return this.candidates.recordDeparture(id, dto, actorOf(req));
  }

  @Get(':id/history')
  @Roles('auditor', 'union_office', 'admin')
  @ApiOperation({ summary: 'The ordered timeline from the workflow\'s event history: stages entered, decisions, payments' })
  history(@Param('id', uuid) id: string, @Req() req: AuthedRequest) {
    return this.candidates.history(id, actorOf(req));
  }
}
