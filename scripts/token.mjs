// `npm run token -- <role> [userId] [area]` prints a bearer token of the local development issuer.
// Plain Node on purpose (no build step): it answers at once. It signs like libs/security/local-issuer.ts
// (ES256, iss urn:ouhai-masters:local, aud ouhai-masters-api) with the key pair `npm start` keeps in
// data/dev-secrets.json, creating that pair first when there is none yet.
/* global console */
import { Buffer } from 'node:buffer';
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const ROLES = ['union_office', 'street_union', 'inspector', 'expert', 'leadership', 'government', 'finance', 'auditor', 'admin', 'nominator'];
const TTL_SECONDS = 7 * 24 * 3600;

const [role, userId, area] = process.argv.slice(2);
if (!ROLES.includes(role)) {
  console.error(`usage: npm run token -- <role> [userId] [area]\nroles: ${ROLES.join(', ')}`);
  process.exit(2);
}
if (process.env.OIDC_ISSUER) console.error('note: OIDC_ISSUER is set; the API verifies that issuer and will refuse this local token');

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const file = join(resolve(process.env.DATA_DIR ?? join(root, 'data')), 'dev-secrets.json');
const privateJwk = JSON.parse(process.env.AUTH_LOCAL_PRIVATE_KEY || localKey(file));

const now = Math.floor(Date.now() / 1000);
const header = { alg: 'ES256', typ: 'JWT', ...(privateJwk.kid && { kid: privateJwk.kid }) };
const claims = {
  iss: 'urn:ouhai-masters:local',
  aud: 'ouhai-masters-api',
  sub: userId ?? `local-${role}`,
  role,
  ...(area && { area }),
  iat: now,
  exp: now + TTL_SECONDS,
};
const input = `${b64(header)}.${b64(claims)}`;
const signature = sign('sha256', Buffer.from(input), { key: createPrivateKey({ key: privateJwk, format: 'jwk' }), dsaEncoding: 'ieee-p1363' });
console.log(`${input}.${signature.toString('base64url')}`);

/** The private key kept under data/ (mode 0600); the rest of that file is filled by `npm start`. */
function localKey(path) {
  const kept = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
  if (kept.AUTH_LOCAL_PRIVATE_KEY) return kept.AUTH_LOCAL_PRIVATE_KEY;
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const publicJwk = createPublicKey(privateKey).export({ format: 'jwk' });
  const kid = createHash('sha256')
    .update(JSON.stringify({ crv: publicJwk.crv, kty: publicJwk.kty, x: publicJwk.x, y: publicJwk.y }))
    .digest('base64url');
  kept.AUTH_LOCAL_PRIVATE_KEY = JSON.stringify({ ...privateKey.export({ format: 'jwk' }), kid, alg: 'ES256', use: 'sig' });
  kept.AUTH_LOCAL_PUBLIC_KEY = JSON.stringify({ ...publicJwk, kid, alg: 'ES256', use: 'sig' });
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(kept, null, 2), { mode: 0o600 });
  chmodSync(path, 0o600);
  return kept.AUTH_LOCAL_PRIVATE_KEY;
}

function b64(value) {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
