import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { uuid } from '../common/uuid-param';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ROLES } from '../../../../libs/contract';
import type { AuthedRequest } from '../auth/auth.guard';
import { Roles } from '../auth/roles.decorator';
import { NoBodyDto } from '../finance/instruction.dto';
import { NotificationCountsDto, NotificationDto, NotificationListDto } from './notification.responses';
import { NotificationsService } from './notifications.service';

export class NotificationQuery {
  @ApiPropertyOptional({ description: 'How many, newest first (default 50, at most 200)' })
  @IsOptional()
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(200, { message: 'limit must be at most 200' })
  @Type(() => Number)
  limit?: number;
}

/** Everyone signed in has a notification centre: each caller sees its own. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Roles(...ROLES)
  @ApiOperation({
    summary: "The caller's notifications in the console (returned files, outcomes, reminders, escalations, assignments), newest first, with the unread count",
  })
  @ApiOkResponse({ type: NotificationListDto })
  list(@Query() query: NotificationQuery, @Req() req: AuthedRequest) {
    return this.notifications.list(req.claims, query.limit);
  }

  @Post('read')
  @HttpCode(200)
  @Roles(...ROLES)
  @ApiOperation({ summary: "Marks all the caller's notifications read" })
  @ApiOkResponse({ type: NotificationCountsDto })
  readAll(@Body() _none: NoBodyDto, @Req() req: AuthedRequest) {
    return this.notifications.markAllRead(req.claims);
  }

  @Post(':id/read')
  @HttpCode(200)
  @Roles(...ROLES)
  @ApiOperation({ summary: "Marks one of the caller's notifications read; 404 for one that is not the caller's" })
  @ApiOkResponse({ type: NotificationDto })
  read(@Param('id', uuid) id: string, @Body() _none: NoBodyDto, @Req() req: AuthedRequest) {
    return this.notifications.markRead(req.claims, id);
  }
}
