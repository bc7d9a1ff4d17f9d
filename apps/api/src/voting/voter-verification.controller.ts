import { Controller, Get, Inject, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { APP_CONFIG, type AppConfig } from '../../../../libs/config';
import { Public } from '../auth/roles.decorator';
import { VoterVerificationDto, WECHAT_AUTHORIZE_URL } from './vote.dto';
import { VoterVerifiers } from './verifiers/voter-verifiers';

/** What the public voting page needs to know before it asks the voter who they are. */
@ApiTags('public voting')
@Controller('public/voting')
@Public()
@UseGuards(ThrottlerGuard)
export class VoterVerificationController {
  constructor(
    private readonly verifiers: VoterVerifiers,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'How voters are identified on this server and how many candidates one may vote for a day: the verifiers it accepts and, when WeChat is configured, the official account to send the voter to for an OAuth code',
  })
  @ApiOkResponse({ type: VoterVerificationDto })
  verification(): VoterVerificationDto {
    const appId = this.verifiers.wechatAppId;
    return {
      verifiers: this.verifiers.names(),
      dailyCandidateLimit: this.config.voting.dailyCandidateLimit,
      wechat: appId ? { appId, authorizeUrl: WECHAT_AUTHORIZE_URL, scope: 'snsapi_base' } : null,
    };
  }
}
