import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Role } from '../../../../libs/contract';
import type { AuthedRequest } from '../auth/auth.guard';
import { Roles } from '../auth/roles.decorator';
import { CandidateViewDto, FormVersionDto, HistoryEntryDto, RefusedDecisionDto } from './candidate.responses';
import { CandidatesService } from './candidates.service';
import { DecisionDto, DepartureCorrectionDto, DepartureDto, ResubmissionDto } from './decision.dto';
import { uuid } from '../common/uuid-param';

export const REVIEWERS: Role[] = ['street_union', 'union_office', 'inspector', 'expert', 'leadership', 'government'];
@ApiTags('candidates')
@ApiBearerAuth()
@Controller('candidates')
export class CandidatesController {
  constructor(private readonly candidates: CandidatesService) {}

  @Get(':id')
  @Roles(...REVIEWERS, 'auditor', 'admin', 'nominator')
  @ApiOperation({ summary: 'The file: form (sensitive fields masked unless the role needs them), stage, status, decisions, pre-checks, panel' })
  @ApiOkResponse({ type: CandidateViewDto })
  get(@Param('id', uuid) id: string, @Req() req: AuthedRequest) {
    return this.candidates.get(id, req.claims);
  }

  @Post(':id/decisions')
  @HttpCode(200)
  @Roles(...REVIEWERS)
  @ApiOperation({ summary: 'Approve, reject or return the stage the candidate is at (409 if it is at another stage, 403 if the role does not own it)' })
  @ApiOkResponse({ type: CandidateViewDto })
  decide(@Param('id', uuid) id: string, @Body() dto: DecisionDto, @Req() req: AuthedRequest) {
    return this.candidates.decide(id, dto, req.claims);
  }

  @Post(':id/resubmissions')
  @HttpCode(200)
  @Roles('nominator', 'street_union', 'union_office', 'admin')
  @ApiOperation({ summary: 'Send a returned file back, with corrections to the form if any; the stage it was returned from resumes' })
  @ApiOkResponse({ type: CandidateViewDto })
  resubmit(@Param('id', uuid) id: string, @Body() dto: ResubmissionDto, @Req() req: AuthedRequest) {
    return this.candidates.resubmit(id, dto, req.claims);
  }

  @Get(':id/versions')
  @Roles('union_office', 'auditor', 'admin', 'street_union', 'nominator')
  @ApiOperation({ summary: 'Every version of the form as submitted, oldest first' })
  @ApiOkResponse({ type: [FormVersionDto] })
  versions(@Param('id', uuid) id: string, @Req() req: AuthedRequest) {
    return this.candidates.versions(id, req.claims);
  }

  @Post(':id/departure')
  @HttpCode(200)
  @Roles('union_office')
  @ApiOperation({
    summary:
      'Record that the master left Ouhai to work elsewhere: no subsidy falls due on or after leftOn; instructions already made for those months are cancelled if unpaid, flagged for recovery (追回) if paid. 422 for a leftOn before the commendation, 409 if one is already recorded',
  })
  @ApiOkResponse({ type: CandidateViewDto })
  departure(@Param('id', uuid) id: string, @Body() dto: DepartureDto, @Req() req: AuthedRequest) {
    return this.candidates.recordDeparture(id, dto, req.claims);
  }

  @Post(':id/departure/correction')
  @HttpCode(200)
  @Roles('union_office')
  @ApiOperation({
    summary:
      'Correct a recorded departure, with a reason: another leftOn, or null when it was recorded by mistake; cancellations and recovery flags are recomputed and months now owed are made. 409 with no departure to correct or once the schedule has ended',
  })
  @ApiOkResponse({ type: CandidateViewDto })
  correctDeparture(@Param('id', uuid) id: string, @Body() dto: DepartureCorrectionDto, @Req() req: AuthedRequest) {
    return this.candidates.correctDeparture(id, dto, req.claims);
  }

  @Get(':id/history')
  @Roles('auditor', 'union_office', 'admin')
  @ApiOperation({
    summary:
      "One timeline in time order: the workflow's event history (stages, decisions, payments) and the file's audit-log rows (writes, refusals, full-value reads: who, when, the answer, why)",
  })
  @ApiOkResponse({ type: [HistoryEntryDto] })
  history(@Param('id', uuid) id: string, @Req() req: AuthedRequest) {
    return this.candidates.history(id, req.claims);
  }

  @Get(':id/refused-decisions')
  @Roles('auditor', 'union_office', 'admin')
  @ApiOperation({ summary: 'Decisions and other actions that were refused: who, when, what, why (Temporal keeps no record of them)' })
  @ApiOkResponse({ type: [RefusedDecisionDto] })
  refused(@Param('id', uuid) id: string, @Req() req: AuthedRequest) {
    return this.candidates.refused(id, req.claims);
  }
}
