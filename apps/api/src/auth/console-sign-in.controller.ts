import { Body, Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import type { Request } from 'express';
import { APP_CONFIG, type AppConfig } from '../../../../libs/config';
import { NULLABLE, OneOf, Text, type Fields } from '../common/api-response';
import { RateWindow } from '../common/rate-window';
import { ConsoleSignIn, type ConsoleSignInView, type ConsoleTokenView } from './console-sign-in.service';
import { Public } from './roles.decorator';

export class ConsoleSignInDto implements Fields<ConsoleSignInView> {
  @OneOf(['dev', 'oidc', 'none'], 'dev: the local issuer (POST /dev/token); oidc: the identity provider, code with PKCE; none: not configured') mode!: string;
  @Text("The identity provider's authorization endpoint (oidc)", NULLABLE) authorizationUrl!: string | null;
  @Text("The console's client id at the identity provider (oidc)", NULLABLE) clientId!: string | null;
  @Text('The scopes to ask for (oidc)', NULLABLE) scope!: string | null;
}

export class ConsoleTokenRequestDto {
  @ApiProperty({ description: 'The authorization code the identity provider returned' })
  @MaxLength(4096)
  @IsString()
  code!: string;

  @ApiProperty({ description: 'The PKCE code verifier (RFC 7636: 43–128 of A–Z a–z 0–9 - . _ ~)' })
  @Matches(/^[A-Za-z0-9._~-]{43,128}$/, { message: 'codeVerifier must be 43–128 of A–Z a–z 0–9 - . _ ~ (RFC 7636)' })
  @IsString()
  codeVerifier!: string;

  @ApiProperty({ description: 'The redirect URI the authorization request named (the console’s /sign-in/callback)' })
  @Matches(/^https?:\/\/[^/\s]+\/sign-in\/callback$/, { message: "redirectUri must be the console's own <origin>/sign-in/callback" })
  @MaxLength(512)
  @IsString()
  redirectUri!: string;
}

export class ConsoleTokenDto implements Fields<ConsoleTokenView> {
  @Text("The identity provider's access token, verified by this API: the console's bearer token") token!: string;
  @Text('When it expires (ISO 8601)') expiresAt!: string;
  @Text('The role the token carries (after OIDC_ROLE_MAP)') role!: string;
  @Text('The user (token subject)') sub!: string;
  @Text('The scoped role’s area', NULLABLE) area!: string | null;
}

/** How the web console signs people in, and the code exchange of the OpenID Connect sign-in. */
@ApiTags('authentication')
@Controller('auth/console')
export class ConsoleSignInController {
  private readonly rate: RateWindow;

  constructor(
    private readonly signIn: ConsoleSignIn,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.rate = new RateWindow(config.auth.failures.limit, 60_000, 'sign-ins from this address');
  }

  @Get()
  @Public()
  @ApiOperation({ summary: "How the console signs in: development tokens, the identity provider's code flow with PKCE, or not configured" })
  @ApiOkResponse({ type: ConsoleSignInDto })
  describe(): Promise<ConsoleSignInView> {
    return this.signIn.describe();
  }

  @Post('token')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Exchanges the code the identity provider returned (with the PKCE verifier) for a verified bearer token; 401 when the provider or the verification refuses',
  })
  @ApiOkResponse({ type: ConsoleTokenDto })
  exchange(@Body() body: ConsoleTokenRequestDto, @Req() req: Request): Promise<ConsoleTokenView> {
    this.rate.take(req.ip ?? req.socket.remoteAddress ?? 'unknown');
    return this.signIn.exchange(body.code, body.codeVerifier, body.redirectUri);
  }
}
