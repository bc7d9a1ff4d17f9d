import type { ExecutionContext } from '@nestjs/common';
import type { ThrottlerLimitDetail, ThrottlerModuleOptions } from '@nestjs/throttler';
import type { AppConfig } from '../../../../libs/config';

/**
 * Per-address limit on the public voting routes. Generous by default: many phones share one carrier
 * address (CGNAT), and the real guard against ballot stuffing is the verified voter, not the address.
 * The address is Express's `req.ip`, which honours X-Forwarded-For only from proxies TRUST_PROXY names.
 * Counts are kept in this process's memory, so each API instance limits on its own.
 */
export function publicThrottle(config: AppConfig): ThrottlerModuleOptions {
  const limit = config.voting.rateLimitPerMinute;
  return {
    // Unnamed, so the answers carry the standard Retry-After and X-RateLimit-* headers (a name would suffix them).
    throttlers: [{ ttl: 60_000, limit }],
    // The default hashes the key (SHA-256) on every request; the counts live in this process only, so
    // the route and the address in clear are as private as the request itself.
    generateKey: (ctx: ExecutionContext, tracker: string, name: string) => `${ctx.getClass().name}.${ctx.getHandler().name}.${name}.${tracker}`,
    errorMessage: (_ctx: ExecutionContext, detail: ThrottlerLimitDetail) =>
      `too many requests from your network address: at most ${limit} a minute; try again in ${detail.timeToBlockExpire} s`,
  };
}
