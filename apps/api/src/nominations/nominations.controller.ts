import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { actorOf, type AuthedRequest } from '../auth/auth.guard';
import { Roles } from '../auth/roles.decorator';
import { CreateNominationDto, NominationCreatedDto } from './nomination.dto';
import { NominationsService } from './nominations.service';

@ApiTags('nominations')
@ApiBearerAuth()
@Controller('nominations')
export class NominationsController {
  constructor(private readonly nominations: NominationsService) {}

  @Post()
  @HttpCode(201)
  @Roles('nominator', 'street_union', 'union_office', 'admin')
  @ApiCreatedResponse({ type: NominationCreatedDto })
  create(@Body() dto: CreateNominationDto, @Req() req: AuthedRequest): Promise<NominationCreatedDto> {
    return this.nominations.create(dto, actorOf(req.claims));
  }
}
