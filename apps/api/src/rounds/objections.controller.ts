import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthedRequest } from '../auth/auth.guard';
import { Roles } from '../auth/roles.decorator';
import { ResolutionDto } from './round-actions.dto';
import { ObjectionsService } from './objections.service';
import { ObjectionViewDto } from './round.responses';
import { uuid } from '../common/uuid-param';

/** The office investigates the public's objections and resolves them; others read them. */
@ApiTags('rounds')
@ApiBearerAuth()
@Controller()
export class ObjectionsController {
  constructor(private readonly objections: ObjectionsService) {}

  @Get('rounds/:id/objections')
  @Roles('union_office', 'leadership', 'auditor', 'admin')
  @ApiOperation({ summary: "The round's objections, oldest first; the objector's contact in clear for the programme office only" })
  @ApiOkResponse({ type: [ObjectionViewDto] })
  list(@Param('id', uuid) id: string, @Req() req: AuthedRequest) {
    return this.objections.list(id, req.claims);
  }

  @Post('objections/:id/resolution')
  @HttpCode(200)
  @Roles('union_office')
  @ApiOperation({
    summary: 'Resolve an objection: upheld (the candidate is disqualified) or dismissed, with the reason',
    description: '409 already resolved or the round closed; 403 wrong role; 400 malformed; 404 unknown objection',
  })
  @ApiOkResponse({ type: ObjectionViewDto })
  resolve(@Param('id', uuid) id: string, @Body() dto: ResolutionDto, @Req() req: AuthedRequest) {
    return this.objections.resolve(id, dto, req.claims);
  }
}
