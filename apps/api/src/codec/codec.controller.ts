import { Body, Controller, Headers, HttpCode, Inject, Logger, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '../../../../libs/config';
import type { AuthedRequest } from '../auth/auth.guard';
import { Roles } from '../auth/roles.decorator';
import { badRequest } from '../common/validation';
import { CodecRequestDto } from './codec.dto';
import { CodecService } from './codec.service';

/**
 * The remote codec endpoint the Temporal UI calls to show payloads in clear. Decoding is for the
 * auditor alone: the issue's "a codec endpoint lets an authenticated auditor decode; it refuses anyone
 * else" — payloads carry the workflows' inputs, and the UI offers no per-field masking. Encoding (the UI
 * encrypts what an operator types into a signal or a start) is for the admin: it reveals nothing, and
 * an auditor changes nothing.
 */
@ApiTags('codec')
@ApiBearerAuth()
@Controller('codec')
export class CodecController {
  private readonly log = new Logger(CodecController.name);

  constructor(
    private readonly codec: CodecService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('decode')
  @HttpCode(200)
  @Roles('auditor')
  @ApiOperation({ summary: "Temporal remote codec: decrypts the Temporal UI's payloads (auditor only)" })
  @ApiOkResponse({ type: CodecRequestDto, description: 'the payloads in clear' })
  async decode(@Body() dto: CodecRequestDto, @Req() req: AuthedRequest, @Headers('x-namespace') namespace?: string) {
    this.checkNamespace(namespace);
    const payloads = await this.codec.decode(dto.payloads);
    this.log.log(`codec: ${req.claims.role} ${req.claims.sub} decoded ${payloads.length} payload(s)`);
    return { payloads };
  }

  @Post('encode')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Temporal remote codec: encrypts payloads the Temporal UI sends (admin only)' })
  @ApiOkResponse({ type: CodecRequestDto, description: 'the payloads encrypted' })
  async encode(@Body() dto: CodecRequestDto, @Headers('x-namespace') namespace?: string) {
    this.checkNamespace(namespace);
    return { payloads: await this.codec.encode(dto.payloads) };
  }

  /** The UI names the namespace it shows; this service's keys are for its own namespace only. */
  private checkNamespace(namespace: string | undefined): void {
    if (namespace && namespace !== this.config.temporal.namespace)
      throw badRequest([{ field: 'X-Namespace', reason: `this codec serves namespace '${this.config.temporal.namespace}' (got '${namespace}')` }]);
  }
}
