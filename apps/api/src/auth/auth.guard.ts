import { ForbiddenException, Inject, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { APP_CONFIG, type AppConfig } from '../../../../libs/config';
import type { Actor, Role } from '../../../../libs/contract';
import { verifyToken, type TokenClaims } from '../../../../libs/security/token';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';

export interface AuthedRequest extends Request {
  claims: TokenClaims;
}

/** Who acts, as workflows record it: the token's subject and role, nothing personal. */
export function actorOf(claims: TokenClaims): Actor {
  return { userId: claims.sub, role: claims.role };
}

/** Global guard: 401 without a valid bearer token, 403 when the token's role is not admitted. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  canActivate(ctx: ExecutionContext): boolean {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    // An endpoint that forgot to declare its roles admits nobody.
    if (!roles?.length) throw new ForbiddenException('this endpoint admits no role');

    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new UnauthorizedException('a bearer token is required (Authorization: Bearer <token>)');
    const claims = verifyToken(match[1], this.config.authSecret);
    if (typeof claims === 'string') throw new UnauthorizedException(`invalid token: ${claims}`);
    if (!roles.includes(claims.role)) {
      throw new ForbiddenException(`role '${claims.role}' may not do this; admitted: ${roles.join(', ')}`);
    }
    req.claims = claims;
    return true;
  }
}
