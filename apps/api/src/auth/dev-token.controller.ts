import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { APP_CONFIG, type AppConfig } from '../../../../libs/config';
import { ROLES, type Role } from '../../../../libs/contract';
import { signLocalToken } from '../../../../libs/security/local-issuer';
import { Text } from '../common/api-response';
import { Public } from './roles.decorator';

/** Twelve hours: a working day at the console. */
const TTL_SECONDS = 12 * 3600;

export class DevTokenRequestDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role!: Role;

  @ApiProperty({ description: 'The user id (the token subject)', example: 'su-louqiao-1' })
  @Matches(/^[A-Za-z0-9._@-]{1,64}$/, { message: 'sub must be 1–64 letters, digits or . _ @ -' })
  @IsString()
  sub!: string;

  @ApiPropertyOptional({ description: "The scoped role's area, e.g. a sub-district for street_union", example: 'louqiao' })
  @IsOptional()
  @MaxLength(64)
  @Matches(/^[a-z0-9_-]+$/, { message: 'area must be lower-case letters, digits, _ or -' })
  @IsString()
  area?: string;
}

export class DevTokenDto {
  @Text('A bearer token of the local issuer') token!: string;
  @Text('When it expires (ISO 8601)') expiresAt!: string;
}

/**
 * The console's development sign-in: a token of the local issuer for any role, user and area. Only
 * registered when the API verifies the local issuer and NODE_ENV is not production (AppModule).
 */
@ApiTags('development')
@Controller('dev')
export class DevTokenController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Post('token')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Development only: a local-issuer token for a role, user and area (absent in production and with an OpenID Connect issuer)' })
  @ApiOkResponse({ type: DevTokenDto })
  issue(@Body() body: DevTokenRequestDto): DevTokenDto {
    const key = this.config.auth.devSigningKey!;
    const token = signLocalToken({ sub: body.sub, role: body.role, ...(body.area && { area: body.area }) }, key, TTL_SECONDS);
    return { token, expiresAt: new Date(Date.now() + TTL_SECONDS * 1000).toISOString() };
  }
}
