import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { VoteTallyDto } from '../rounds/round.responses';
import { VotingService } from './voting.service';

@ApiTags('rounds')
@ApiBearerAuth()
@Controller('rounds')
export class VoteTallyController {
  constructor(private readonly voting: VotingService) {}

  @Get(':id/tally')
  @Roles('union_office', 'leadership', 'auditor', 'admin')
  @ApiOperation({ summary: 'Live vote counts: per candidate on the list, distinct voters, votes and voters per Asia/Shanghai day' })
  @ApiOkResponse({ type: VoteTallyDto })
  tally(@Param('id') id: string) {
    return this.voting.tally(id);
  }
}
