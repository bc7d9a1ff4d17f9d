import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { VERIFIERS, type VerifierName } from './verifiers/voter-verifier';
import type { VotingState } from './voting-window';

export class CastVoteDto {
  @ApiProperty({ format: 'uuid', description: "A candidate on the round's re-review list" })
  @IsUUID('all', { message: 'candidateId must be a UUID' })
  candidateId!: string;

  @ApiProperty({ enum: VERIFIERS, description: 'How the voter is identified: a WeChat OAuth code, or (development only) any string' })
  @IsIn(VERIFIERS, { message: `verifier must be one of: ${VERIFIERS.join(', ')}` })
  verifier!: VerifierName;

  @ApiProperty({ description: 'wechat: the OAuth `code` from the official account page; dev: the voter identity itself' })
  // Decorators apply bottom-up and only the first broken rule is reported: the type comes first.
  @MaxLength(512, { message: 'credential must be at most 512 characters' })
  @IsNotEmpty({ message: 'credential must not be empty' })
  @IsString({ message: 'credential must be a string' })
  credential!: string;
}

export class VoteCastDto {
  @ApiProperty({ format: 'uuid' }) voteId!: string;
  @ApiProperty({ example: '2031-04-20', description: 'The Asia/Shanghai date the vote counts for' }) day!: string;
}

export class VotingWindowDto {
  @ApiProperty({ enum: ['unscheduled', 'not_open', 'open', 'closed'] }) state!: VotingState;
  @ApiProperty({ nullable: true, type: String }) opensAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) closesAt!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'from 2031-04-20 00:00 to 2031-04-22 24:00 (Asia/Shanghai)' }) window!: string | null;
  @ApiProperty({ example: 3 }) days!: number;
}

export class PublicCandidateDto {
  @ApiProperty() candidateId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() employer!: string;
  @ApiProperty() trade!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Main deeds (主要事迹) from the application form' }) deeds!: string | null;
  @ApiPropertyOptional({ description: 'Only once voting has closed' }) votes?: number;
}

export class PublicRoundDto {
  @ApiProperty() roundId!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ description: "The round's phase" }) phase!: string;
  @ApiProperty({ type: VotingWindowDto }) voting!: VotingWindowDto;
  @ApiProperty({ type: [PublicCandidateDto], description: 'During and after voting; by name' }) candidates!: PublicCandidateDto[];
}

/** WeChat's OAuth page for official-account web pages; the voter comes back with `?code=` (and the `state` sent). */
export const WECHAT_AUTHORIZE_URL = 'https://open.weixin.qq.com/connect/oauth2/authorize';

export class WechatOAuthDto {
  @ApiProperty({ description: "The official account's app id (公众号 AppID)" }) appId!: string;
  @ApiProperty({
    example: WECHAT_AUTHORIZE_URL,
    description: 'Send the voter here with appid, redirect_uri, response_type=code, scope and state, ending in #wechat_redirect',
  })
  authorizeUrl!: string;
  @ApiProperty({ example: 'snsapi_base', description: 'snsapi_base: the openid alone, with no prompt to the voter' }) scope!: string;
}

export class VoterVerificationDto {
  @ApiProperty({ enum: VERIFIERS, isArray: true, description: 'The verifiers this server accepts, WeChat first' }) verifiers!: VerifierName[];
  @ApiProperty({ example: 10, description: 'Most candidates one voter may vote for in one Asia/Shanghai day' }) dailyCandidateLimit!: number;
  @ApiProperty({ type: WechatOAuthDto, nullable: true, description: 'Null when WeChat is not configured (WECHAT_APP_ID)' }) wechat!: WechatOAuthDto | null;
}
