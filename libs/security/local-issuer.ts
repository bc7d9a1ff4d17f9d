import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type JsonWebKey } from 'node:crypto';
import type { Role } from '../contract/roles';

/**
 * The development issuer: an ES256 key pair of its own, kept under data/ (or handed over by the
 * environment), never in the repository. Production verifies its OpenID Connect issuer instead.
 */
export const LOCAL_ISSUER = 'urn:ouhai-masters:local';
export const LOCAL_AUDIENCE = 'ouhai-masters-api';

export interface LocalKeyPair {
  privateJwk: JsonWebKey;
  publicJwk: JsonWebKey;
}

/** A fresh P-256 key pair; the key id is the public key's RFC 7638 thumbprint. */
export function generateLocalKeyPair(): LocalKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const publicJwk = publicKey.export({ format: 'jwk' });
  const kid = thumbprint(publicJwk);
  return { privateJwk: { ...privateKey.export({ format: 'jwk' }), kid, alg: 'ES256', use: 'sig' }, publicJwk: { ...publicJwk, kid, alg: 'ES256', use: 'sig' } };
}

/** The public half of a private JWK (what a verifier needs). */
export function publicJwkOf(privateJwk: JsonWebKey): JsonWebKey {
  const publicJwk = createPublicKey({ key: privateJwk, format: 'jwk' }).export({ format: 'jwk' });
  return { ...publicJwk, kid: privateJwk.kid ?? thumbprint(publicJwk), alg: 'ES256', use: 'sig' };
}

export interface LocalTokenClaims {
  sub: string;
  role: Role | string;
  area?: string;
  /** Overrides for tests: seconds since the epoch. */
  exp?: number;
  nbf?: number;
  iat?: number;
  iss?: string;
  aud?: string;
}

/**
 * Signs a token as the local issuer. Synchronous on purpose (node:crypto, not jose's async SignJWT):
 * tests, the demo and the bench mint tokens inline in hundreds of places.
 */
export function signLocalToken(claims: LocalTokenClaims, key: JsonWebKey | string, ttlSeconds = 12 * 3600): string {
  const privateJwk = typeof key === 'string' ? parseJwk('the local signing key', key)! : key;
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: 'ES256', typ: 'JWT', ...(typeof privateJwk.kid === 'string' && { kid: privateJwk.kid }) };
  const payload = { iss: LOCAL_ISSUER, aud: LOCAL_AUDIENCE, iat: now, exp: now + ttlSeconds, ...claims };
  const input = `${b64(header)}.${b64(payload)}`;
  // ES256 signatures in a JWS are r‖s (IEEE P1363), not DER.
  const signature = sign('sha256', Buffer.from(input), { key: createPrivateKey({ key: privateJwk, format: 'jwk' }), dsaEncoding: 'ieee-p1363' });
  return `${input}.${signature.toString('base64url')}`;
}

/** Reads a JWK given as JSON text; undefined when absent, throws with the variable's name when malformed. */
export function parseJwk(name: string, raw: string | undefined): JsonWebKey | undefined {
  if (!raw) return undefined;
  let jwk: unknown;
  try {
    jwk = JSON.parse(raw);
  } catch {
    throw new Error(`${name} must be a JSON Web Key (JSON)`);
  }
  if (typeof jwk !== 'object' || jwk === null || (jwk as JsonWebKey).kty !== 'EC' || (jwk as JsonWebKey).crv !== 'P-256') {
    throw new Error(`${name} must be a P-256 EC JSON Web Key`);
  }
  return jwk as JsonWebKey;
}

const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');

function thumbprint(jwk: JsonWebKey): string {
  return createHash('sha256')
    .update(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y }))
    .digest('base64url');
}
