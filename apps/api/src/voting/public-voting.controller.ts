import { Body, Controller, Get, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request } from 'express';
import { Public } from '../auth/roles.decorator';
import { CastVoteDto, PublicRoundDto, VoteCastDto } from './vote.dto';
import { VotingService } from './voting.service';

/** What the public sees and does, without a token, rate-limited per client address. */
@ApiTags('public voting')
@Controller('public/rounds')
@Public()
@UseGuards(ThrottlerGuard)
export class PublicVotingController {
  constructor(private readonly voting: VotingService) {}

  @Get(':id')
  @ApiOperation({ summary: 'The round, its voting window and, once voting has opened, the candidates (totals once it has closed)' })
  @ApiOkResponse({ type: PublicRoundDto })
  round(@Param('id') id: string): Promise<PublicRoundDto> {
    return this.voting.publicRound(id);
  }

  @Post(':id/votes')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Cast a vote (网络投票)',
    description:
      'One vote per voter per candidate per Asia/Shanghai day, at most VOTE_DAILY_CANDIDATE_LIMIT candidates a day. ' +
      '409 already voted for this candidate today; 429 daily limit or rate limit; 422 candidate not votable; ' +
      '403 voting not open (the window is given); 404 unknown round; 400 malformed; 401 credential refused; 502/503 WeChat unavailable.',
  })
  @ApiCreatedResponse({ type: VoteCastDto })
  cast(@Param('id') id: string, @Body() dto: CastVoteDto, @Req() req: Request): Promise<VoteCastDto> {
    return this.voting.cast(id, dto, req.ip ?? req.socket.remoteAddress ?? 'unknown');
  }
}
