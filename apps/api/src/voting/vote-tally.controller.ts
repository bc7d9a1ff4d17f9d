import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { VotingService } from './voting.service';

@ApiTags('rounds')
@ApiBearerAuth()
@Controller('rounds')
export class VoteTallyController {
  constructor(private readonly voting: VotingService) {}

  @Get(':id/tally')
  @Roles('union_office', 'leadership', 'auditor', 'admin')
  @ApiOperation({ summary: 'Live vote counts: per candidate on the list, distinct voters, votes and voters per Asia/Shanghai day' })
  tally(@Param('id') id: string) {
    return this.voting.tally(id);
  }
}
