import {
  ForbiddenException,
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  Logger,
  ServiceUnavailableException,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../../../../libs/config';
import type { Actor, Role } from '../../../../libs/contract';
import { KEYS_UNAVAILABLE, tokenVerifierFor, type TokenClaims, type TokenVerifier } from '../../../../libs/security/token';
import { AuthFailures } from './auth-failures';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';

export interface AuthedRequest extends Request {
  claims: TokenClaims;
}

/** Who acts, as workflows record it: the token's issuer, subject and role, nothing personal. */
export function actorOf(claims: TokenClaims): Actor {
  return { issuer: claims.iss, userId: claims.sub, role: claims.role };
}

/** Global guard: 401 without a valid bearer token, 403 when the token's role is not admitted, 429 after too many failures. */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly log = new Logger('Auth');
  private readonly verify: TokenVerifier;
  private readonly failures: AuthFailures;

  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.verify = tokenVerifierFor(config.auth);
    this.failures = new AuthFailures(config.auth.failures);
  }

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    // An endpoint that forgot to declare its roles admits nobody.
    if (!roles?.length) throw new ForbiddenException('this endpoint admits no role');

    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    // req.ip honours TRUST_PROXY: behind a trusted proxy, the client it names.
    const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const wait = this.failures.blockedFor(address);
    if (wait) {
      ctx
        .switchToHttp()
        .getResponse<Response>()
        .setHeader('Retry-After', String(Math.ceil(wait / 1000)));
      throw tooMany(wait);
    }

    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (!match) this.refuse(req, address, 'no bearer token', 'a bearer token is required (Authorization: Bearer <token>)');
    const claims = await this.verify(match![1]);
    if (claims === KEYS_UNAVAILABLE) {
      this.log.error(JSON.stringify({ event: 'auth_keys_unavailable', method: req.method, path: req.path }));
      throw new ServiceUnavailableException('tokens cannot be verified just now: the identity provider is unreachable');
    }
    if (typeof claims === 'string') this.refuse(req, address, claims, `invalid token: ${claims}`);
    const verified = claims as TokenClaims;
    if (!roles.includes(verified.role)) {
      throw new ForbiddenException(`role '${verified.role}' may not do this; admitted: ${roles.join(', ')}`);
    }
    req.claims = verified;
    return true;
  }

  /** Logs the failure — the reason and where from, never the token — counts it, and answers 401. */
  private refuse(req: Request, address: string, reason: string, message: string): never {
    const blocked = this.failures.record(address);
    this.log.warn(JSON.stringify({ event: 'auth_failure', reason, address, method: req.method, path: req.path, ...(blocked && { blocked: true }) }));
    throw new UnauthorizedException(message);
  }
}

function tooMany(waitMs: number): HttpException {
  return new HttpException(
    { statusCode: 429, error: 'Too Many Requests', message: `too many failed authentications from this address; try again in ${Math.ceil(waitMs / 1000)} s` },
    HttpStatus.TOO_MANY_REQUESTS,
  );
}
