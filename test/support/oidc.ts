import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

/** What production must configure for tokens (an OpenID Connect issuer); its JWKS is fetched only when a token arrives. */
export const TEST_OIDC = { OIDC_ISSUER: 'https://idp.test/realms/ouhai', OIDC_AUDIENCE: 'ouhai-masters-api', OIDC_JWKS_URL: 'https://idp.test/realms/ouhai/jwks' };

/**
 * A stand-in identity provider: its signing keys served as a JWKS over HTTP on 127.0.0.1, and the
 * API settings that trust it. `rotate` publishes a new key (new kid) in place of the current ones.
 */
export async function startTestIssuer(issuer: string, audience: string) {
  let jwks: object[] = [];
  const server = createServer((_, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: jwks })));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const rotate = async (alg: 'RS256' | 'ES256', kid: string) => {
    const { privateKey, publicKey } = await generateKeyPair(alg);
    jwks = [{ ...(await exportJWK(publicKey)), kid, alg, use: 'sig' }];
    return (sub: string, claims: Record<string, unknown>) =>
      new SignJWT(claims).setProtectedHeader({ alg, kid }).setIssuer(issuer).setAudience(audience).setSubject(sub).setExpirationTime('5m').sign(privateKey);
  };
  return {
    env: {
      OIDC_ISSUER: issuer,
      OIDC_AUDIENCE: audience,
      OIDC_JWKS_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`,
      // No wait between JWKS fetches, so a rotation is seen at once.
      OIDC_JWKS_COOLDOWN: '1ms',
    },
    rotate,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
