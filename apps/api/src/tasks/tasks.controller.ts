import { Controller, Get, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthedRequest } from '../auth/auth.guard';
import { Roles } from '../auth/roles.decorator';
import { InboxItemDto } from './task.responses';
import { TasksService } from './tasks.service';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  @Roles('street_union', 'union_office', 'inspector', 'expert', 'leadership', 'government', 'nominator')
  @ApiOperation({
    summary: "The caller's inbox: files waiting on its role (kind 'file'), soonest due first, then the round steps waiting on it (kind 'round'), soonest due first",
  })
  @ApiOkResponse({ type: [InboxItemDto] })
  inbox(@Req() req: AuthedRequest) {
    return this.tasks.inbox(req.claims);
  }
}
