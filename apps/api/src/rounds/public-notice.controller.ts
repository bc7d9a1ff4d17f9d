import { Body, Controller, Get, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request } from 'express';
import { Public } from '../auth/roles.decorator';
import { ObjectionDto } from './round-actions.dto';
import { PublicNoticeService } from './public-notice.service';
import { ObjectionFiledDto, PublicNoticeDto } from './round.responses';
import { uuid } from '../common/uuid-param';

/** The public notice (社会公示) and the public's objections: no token, rate-limited per client address like the vote. */
@ApiTags('public notice')
@Controller('public')
@Public()
@UseGuards(ThrottlerGuard)
export class PublicNoticeController {
  constructor(private readonly notices: PublicNoticeService) {}

  @Get('rounds/:id/notice')
  @ApiOperation({ summary: 'The announcement: the selected candidates (name, sex, employer, trade, deeds in short), the window, how to object; 409 before it starts' })
  @ApiOkResponse({ type: PublicNoticeDto })
  notice(@Param('id', uuid) id: string) {
    return this.notices.notice(id);
  }

  @Post('candidates/:id/objections')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Object about a candidate on the public notice → 201 {objectionId}',
    description: '409 outside the notice; 422 the candidate is not on the notice; 404 unknown candidate; 400 malformed; 429 too many requests',
  })
  @ApiCreatedResponse({ type: ObjectionFiledDto })
  object(@Param('id', uuid) id: string, @Body() dto: ObjectionDto, @Req() req: Request): Promise<{ objectionId: string }> {
    return this.notices.file(id, dto, req.ip ?? req.socket.remoteAddress ?? 'unknown');
  }
}
