import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthedRequest } from '../auth/auth.guard';
import { Roles } from '../auth/roles.decorator';
import { CandidateViewDto, RecusalDto } from './candidate.responses';
import { uuid } from '../common/uuid-param';
import { ReasonDto } from './decision.dto';
import { PanelDto, ScoresDto } from './panel.dto';
import { ReviewActionsService } from './review-actions.service';

@ApiTags('candidates')
@ApiBearerAuth()
@Controller('candidates')
export class ReviewActionsController {
  constructor(private readonly review: ReviewActionsService) {}

  @Post(':id/panel')
  @HttpCode(200)
  @Roles('union_office')
  @ApiOperation({
    summary:
      "Seat experts on the candidate's panel (at least 5 in all); one of the candidate's employer is recused; " +
      'an employer that only resembles it is a 409 listing the experts until each is confirmed (nearMatch: recuse or keep, with a note)',
  })
  @ApiOkResponse({ type: CandidateViewDto })
  panel(@Param('id', uuid) id: string, @Body() dto: PanelDto, @Req() req: AuthedRequest) {
    return this.review.assignPanel(id, dto, req.claims);
  }

  @Get(':id/recusals')
  @Roles('union_office', 'auditor')
  @ApiOperation({
    summary: "Experts whose employer matched or resembled the candidate's: recused automatically, or recused or kept on the office's confirmation, by whom, when, why",
  })
  @ApiOkResponse({ type: [RecusalDto] })
  recusals(@Param('id', uuid) id: string, @Req() req: AuthedRequest) {
    return this.review.employerChecksOf(id, req.claims);
  }

  @Post(':id/conflicts')
  @HttpCode(200)
  @Roles('expert')
  @ApiOperation({ summary: 'An expert declares a conflict of interest and leaves the panel' })
  @ApiOkResponse({ type: CandidateViewDto })
  conflict(@Param('id', uuid) id: string, @Body() dto: ReasonDto, @Req() req: AuthedRequest) {
    return this.review.declareConflict(id, dto.reason, req.claims);
  }

  @Post(':id/scores')
  @HttpCode(200)
  @Roles('expert')
  @ApiOperation({ summary: 'An expert scores 0-100 for each condition claimed, once and independently' })
  @ApiOkResponse({ type: CandidateViewDto })
  scores(@Param('id', uuid) id: string, @Body() dto: ScoresDto, @Req() req: AuthedRequest) {
    return this.review.submitScores(id, dto, req.claims);
  }

  @Post(':id/withdrawal')
  @HttpCode(200)
  @Roles('nominator', 'union_office')
  @ApiOperation({ summary: 'Withdraw the candidacy (the nominating side, or the office on its behalf), any time before commendation' })
  @ApiOkResponse({ type: CandidateViewDto })
  withdraw(@Param('id', uuid) id: string, @Body() dto: ReasonDto, @Req() req: AuthedRequest) {
    return this.review.withdraw(id, dto.reason, req.claims);
  }

  @Post(':id/disqualification')
  @HttpCode(200)
  @Roles('union_office')
  @ApiOperation({ summary: 'Disqualify the candidate, with a reason, any time before commendation' })
  @ApiOkResponse({ type: CandidateViewDto })
  disqualify(@Param('id', uuid) id: string, @Body() dto: ReasonDto, @Req() req: AuthedRequest) {
    return this.review.disqualify(id, dto.reason, req.claims);
  }
}
