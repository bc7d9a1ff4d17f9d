import { Controller, Get, Param, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthedRequest } from '../auth/auth.guard';
import { Roles } from '../auth/roles.decorator';
import { CandidateAccess } from '../candidates/candidate-access';
import { uuid } from '../common/uuid-param';
import { ObjectionsService } from './objections.service';
import { CandidateStandingDto, ObjectionViewDto } from './round.responses';
import { RoundsService } from './rounds.service';

/**
 * One file's part in its round, for the file's page: its line of the ranking and the objections
 * against it. The roles are those that read the round's ranking and objections; a file the caller
 * may not see answers 404, as its page does.
 */
@ApiTags('rounds')
@ApiBearerAuth()
@Controller('candidates')
export class CandidateRoundController {
  constructor(
    private readonly rounds: RoundsService,
    private readonly objections: ObjectionsService,
    private readonly access: CandidateAccess,
  ) {}

  @Get(':id/round')
  @Roles('union_office', 'leadership', 'auditor', 'admin')
  @ApiOperation({
    summary:
      "Where the file stands in its round: its line of the round's ranking (rank, expert score; once listed votes, vote score, combined score and rank, outcome and why)",
    description: '`line` is null until the file has an expert score; round fields are null for a file of no round. 404 unknown file',
  })
  @ApiOkResponse({ type: CandidateStandingDto })
  async round(@Param('id', uuid) id: string, @Req() req: AuthedRequest) {
    const file = await this.access.find(id, req.claims);
    return this.rounds.standing(file.id, file.roundId);
  }

  @Get(':id/objections')
  @Roles('union_office', 'leadership', 'auditor', 'admin')
  @ApiOperation({ summary: "The objections against the file, oldest first, with their resolution; the objector's contact in clear for the programme office only" })
  @ApiOkResponse({ type: [ObjectionViewDto] })
  async objectionsOf(@Param('id', uuid) id: string, @Req() req: AuthedRequest) {
    const file = await this.access.find(id, req.claims);
    return this.objections.forCandidate(file.id, req.claims);
  }
}
