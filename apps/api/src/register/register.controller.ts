import { Body, Controller, Get, Header, HttpCode, Param, Patch, Query, Req, UseGuards } from '@nestjs/common';
import { uuid } from '../common/uuid-param';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { AuthedRequest } from '../auth/auth.guard';
import { Public, Roles } from '../auth/roles.decorator';
import { BINARY } from '../common/api-response';
import { download } from '../common/export-file';
import { RegisterEntryDto, RegisterQueryDto } from './register.dto';
import { RegisterListDto, RegisterOfficeEntryDto } from './register.responses';
import { RegisterService } from './register.service';

/**
 * Public data, the same for everyone and changed rarely: caches (the portal's, a CDN's, a browser's) may
 * keep it for five minutes, so a change of the office's shows within that.
 */
const PUBLIC_CACHE = 'public, max-age=300';

/** The register of named masters, as the programme's columns publish it: no token, rate-limited per address like the other public routes. */
@ApiTags('public register')
@Controller('public/masters')
@Public()
@UseGuards(ThrottlerGuard)
export class PublicRegisterController {
  constructor(private readonly register: RegisterService) {}

  @Get()
  @Header('Cache-Control', PUBLIC_CACHE)
  @ApiOperation({
    summary:
      'The register of named masters: name, sex, trade, employer, year named, studio, published deeds — or name and year only for a master who asked; ?format=csv for the file; ?year= one year',
  })
  @ApiExtraModels(RegisterListDto)
  @ApiOkResponse({
    description: 'the register as JSON, or (format=csv) as a CSV file',
    content: { 'application/json': { schema: { $ref: getSchemaPath(RegisterListDto) } }, 'text/csv': { schema: BINARY } },
  })
  async list(@Query() query: RegisterQueryDto) {
    if (query.format === 'csv') return download(await this.register.csv(query.year));
    return this.register.list(query.year);
  }
}

@ApiTags('masters')
@ApiBearerAuth()
@Controller('masters')
export class MasterRegisterController {
  constructor(private readonly register: RegisterService) {}

  @Patch(':id/register')
  @HttpCode(200)
  @Roles('union_office')
  @ApiOperation({
    summary:
      "The master's entry in the public register: { limited } at the master's request (name and year only), { deeds } the text the office publishes (null withdraws it). 404 unknown, 409 not a named master",
  })
  @ApiOkResponse({ type: RegisterOfficeEntryDto })
  setEntry(@Param('id', uuid) id: string, @Body() dto: RegisterEntryDto, @Req() req: AuthedRequest) {
    return this.register.setEntry(id, dto, req.claims.sub);
  }
}
