import { Body, Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../../libs/config';
import { RateWindow } from '../common/rate-window';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { actorOf, type AuthedRequest } from '../auth/auth.guard';
import { Roles } from '../auth/roles.decorator';
import { CreateNominationDto, NominationCreatedDto } from './nomination.dto';
import { NominationsService } from './nominations.service';

@ApiTags('nominations')
@ApiBearerAuth()
@Controller('nominations')
export class NominationsController {
  /** One account filing nominations by the dozen a minute is a script, not a union clerk. */
  private readonly rate: RateWindow;

  constructor(
    private readonly nominations: NominationsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.rate = new RateWindow(config.http.nominationsPerMinute, 60_000, 'nominations');
  }

  @Post()
  @HttpCode(201)
  @Roles('nominator', 'street_union', 'union_office', 'admin')
  @ApiCreatedResponse({ type: NominationCreatedDto })
  create(@Body() dto: CreateNominationDto, @Req() req: AuthedRequest): Promise<NominationCreatedDto> {
    this.rate.take(`${req.claims.role}:${req.claims.sub}`);
    return this.nominations.create(dto, actorOf(req.claims));
  }
}
