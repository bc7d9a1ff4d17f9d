import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthedRequest } from '../auth/auth.guard';
import { Roles } from '../auth/roles.decorator';
import { ApprovalDto, CeremonyDto, FormalListDto, OpenVotingDto, PhaseChangeDto, ReReviewListDto, StartNoticeDto } from './round-actions.dto';
import { RoundActionsService } from './round-actions.service';
import { RoundDto } from './round.dto';
import { uuid } from '../common/uuid-param';

const REFUSALS = '409 wrong phase (the message names the phase and what the action needs), 403 wrong role, 400 malformed, 404 unknown round';

/** The round's cohort steps, each an Update on the round workflow; every reply is the round's view. */
@ApiTags('rounds')
@ApiBearerAuth()
@Controller('rounds/:id')
export class RoundActionsController {
  constructor(private readonly actions: RoundActionsService) {}

  @Post('phase')
  @HttpCode(200)
  @Roles('union_office')
  @ApiOperation({ summary: "Close the current phase's window now, or extend it (until), with a reason", description: REFUSALS })
  @ApiOkResponse({ type: RoundDto })
  phase(@Param('id', uuid) id: string, @Body() dto: PhaseChangeDto, @Req() req: AuthedRequest) {
    return this.actions.changePhase(id, dto, req.claims);
  }

  @Post('re-review-list')
  @HttpCode(200)
  @Roles('union_office')
  @ApiOperation({ summary: 'Freeze the re-review list (复审名单): who completed expert review, by score; the rest not shortlisted', description: REFUSALS })
  @ApiOkResponse({ type: RoundDto })
  reReviewList(@Param('id', uuid) id: string, @Body() dto: ReReviewListDto, @Req() req: AuthedRequest) {
    return this.actions.freezeReReviewList(id, dto, req.claims);
  }

  @Post('voting')
  @HttpCode(200)
  @Roles('union_office')
  @ApiOperation({ summary: "Open the online vote now (网络投票), until closesAt or the round's voting days", description: REFUSALS })
  @ApiOkResponse({ type: RoundDto })
  voting(@Param('id', uuid) id: string, @Body() dto: OpenVotingDto, @Req() req: AuthedRequest) {
    return this.actions.openVoting(id, dto, req.claims);
  }

  @Post('formal-list')
  @HttpCode(200)
  @Roles('leadership')
  @ApiOperation({
    summary: 'The leadership group approves the formal candidate list (正式候选名单) in one batch',
    description: `Every candidate on the re-review list selected or left out with a reason; 422 over the quota, a candidate missing, unknown or named twice; ${REFUSALS}`,
  })
  @ApiOkResponse({ type: RoundDto })
  formalList(@Param('id', uuid) id: string, @Body() dto: FormalListDto, @Req() req: AuthedRequest) {
    return this.actions.formalList(id, dto, req.claims);
  }

  @Post('public-notice')
  @HttpCode(200)
  @Roles('union_office')
  @ApiOperation({ summary: "Start the public notice (社会公示) for the round's notice period", description: REFUSALS })
  @ApiOkResponse({ type: RoundDto })
  publicNotice(@Param('id', uuid) id: string, @Body() dto: StartNoticeDto, @Req() req: AuthedRequest) {
    return this.actions.startNotice(id, dto, req.claims);
  }

  @Post('approval')
  @HttpCode(200)
  @Roles('government')
  @ApiOperation({
    summary: 'The district government approves the list in one batch (报区政府审定), a reason for each not approved',
    description: `422 a candidate missing or named twice; ${REFUSALS}`,
  })
  @ApiOkResponse({ type: RoundDto })
  approval(@Param('id', uuid) id: string, @Body() dto: ApprovalDto, @Req() req: AuthedRequest) {
    return this.actions.approve(id, dto, req.claims);
  }

  @Post('ceremony')
  @HttpCode(200)
  @Roles('union_office')
  @ApiOperation({ summary: 'Record the ceremony (表彰): commendation takes effect on its date (Asia/Shanghai), by a durable timer', description: REFUSALS })
  @ApiOkResponse({ type: RoundDto })
  ceremony(@Param('id', uuid) id: string, @Body() dto: CeremonyDto, @Req() req: AuthedRequest) {
    return this.actions.ceremony(id, dto, req.claims);
  }
}
