import { createHmac, timingSafeEqual } from 'node:crypto';
import { isRole, type Role } from '../contract/roles';

/**
 * Bearer tokens: compact JWTs signed with HS256. `sub` is an opaque user id, `role` one of ROLES,
 * `area` the sub-district (for sub-district unions) so later checks can scope by area.
 */
export interface TokenClaims {
  sub: string;
  role: Role;
  area?: string;
  exp: number; // seconds since epoch
}

const b64 = (v: object | Buffer) => (Buffer.isBuffer(v) ? v : Buffer.from(JSON.stringify(v))).toString('base64url');
const HEADER = b64({ alg: 'HS256', typ: 'JWT' });

export function signToken(claims: Omit<TokenClaims, 'exp'> & { exp?: number }, secret: string, ttlSeconds = 12 * 3600): string {
  const body = b64({ ...claims, exp: claims.exp ?? Math.floor(Date.now() / 1000) + ttlSeconds });
  const sig = createHmac('sha256', secret).update(`${HEADER}.${body}`).digest();
  return `${HEADER}.${body}.${b64(sig)}`;
}

/** Returns the claims, or a reason the token is refused. */
export function verifyToken(token: string, secret: string, nowMs = Date.now()): TokenClaims | string {
  const parts = token.split('.');
  if (parts.length !== 3) return 'malformed token';
  const [header, body, sig] = parts;
  const expected = createHmac('sha256', secret).update(`${header}.${body}`).digest();
  const given = Buffer.from(sig, 'base64url');
  if (header !== HEADER || given.length !== expected.length || !timingSafeEqual(given, expected)) return 'bad signature';
  let claims: Partial<TokenClaims> | null;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return 'malformed token';
  }
  if (typeof claims !== 'object' || claims === null) return 'malformed token';
  if (typeof claims.sub !== 'string' || !claims.sub) return 'token has no subject';
  if (!isRole(claims.role)) return 'token carries no known role';
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= nowMs) return 'token expired';
  return claims as TokenClaims;
}
