import { createHmac, randomUUID } from 'node:crypto';
import { generateLocalKeyPair, LOCAL_AUDIENCE, LOCAL_ISSUER, signLocalToken } from '../../libs/security/local-issuer';
import { startTestIssuer } from '../support/oidc';
import { startApi, token } from '../support/service';

/** GET as a given client address (the API trusts X-Forwarded-For from loopback where TRUST_PROXY says so). */
async function get(base: string, path: string, bearer?: string, from?: string) {
  const res = await fetch(base + path, {
    headers: { ...(bearer !== undefined && { authorization: `Bearer ${bearer}` }), ...(from && { 'x-forwarded-for': from }) },
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json().catch(() => undefined)) as { message?: string } | undefined };
}

const b64json = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const nowS = () => Math.floor(Date.now() / 1000);
// A list of nothing (a round that does not exist): the database is shared with other suites.
const LIST = `/candidates?roundId=${randomUUID()}`;

describe('authentication: the local issuer', () => {
  let api: Awaited<ReturnType<typeof startApi>>;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api?.close());

  const sign = (claims: Record<string, unknown>) => signLocalToken({ sub: 'office-auth-1', role: 'union_office', ...claims }, process.env.AUTH_LOCAL_PRIVATE_KEY!);

  it('admits a good token and answers 401, naming the reason, to every bad one', async () => {
    expect((await get(api.url, LIST, sign({}))).status).toBe(200);

    const [h, body, sig] = sign({}).split('.');
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    let respellable = sign({});
    while (!/[-_]/.test(respellable.split('.')[2])) respellable = sign({ jti: String(Math.random()) });
    const hs256 = b64json({ alg: 'HS256', typ: 'JWT' });
    const publicKeyText = process.env.AUTH_LOCAL_PUBLIC_KEY!;
    const bad: Record<string, [string | undefined, RegExp]> = {
      'no token': [undefined, /bearer token is required/],
      "alg 'none'": [`${b64json({ alg: 'none', typ: 'JWT' })}.${body}.AA`, /algorithm not allowed/],
      'HS256 signed with the public key': [
        `${hs256}.${body}.${createHmac('sha256', publicKeyText).update(`${hs256}.${body}`).digest('base64url')}`,
        /algorithm not allowed/,
      ],
      expired: [sign({ exp: nowS() - 120 }), /expired/],
      'not yet valid': [sign({ nbf: nowS() + 300 }), /not yet valid/],
      'another audience': [sign({ aud: 'another-api' }), /another audience/],
      'another issuer': [sign({ iss: 'https://idp.elsewhere.example' }), /another issuer/],
      'bad signature': [`${h}.${b64json({ iss: LOCAL_ISSUER, aud: LOCAL_AUDIENCE, sub: 'x', role: 'admin', exp: nowS() + 60 })}.${sig}`, /bad signature/],
      'another key': [signLocalToken({ sub: 'x', role: 'admin' }, generateLocalKeyPair().privateJwk), /bad signature|unknown key/],
      'unknown role': [sign({ role: 'emperor' }), /no known role/],
      'signature with padding': [`${h}.${body}.${sig}==`, /malformed/],
      "signature in the '+/' alphabet": [respellable.replace(/\.([^.]+)$/, (_, s: string) => '.' + s.replace(/-/g, '+').replace(/_/g, '/')), /malformed/],
      'signature with its low bits flipped': [`${h}.${body}.${sig.slice(0, -1)}${alphabet[alphabet.indexOf(sig.at(-1)!) ^ 1]}`, /malformed/],
    };
    const answers: Record<string, [number, string | undefined]> = {};
    for (const [name, [t]] of Object.entries(bad)) {
      const res = await get(api.url, LIST, t);
      answers[name] = [res.status, res.body?.message];
    }
    expect(answers).toEqual(Object.fromEntries(Object.entries(bad).map(([name, [, reason]]) => [name, [401, expect.stringMatching(reason)]])));
  });
});

describe('authentication: failures are rate-limited per client address', () => {
  let api: Awaited<ReturnType<typeof startApi>>;
  beforeAll(async () => {
    api = await startApi({ AUTH_FAILURE_LIMIT: '5', AUTH_FAILURE_WINDOW: '1m', AUTH_FAILURE_BLOCK: '2s', TRUST_PROXY: 'loopback' });
  });
  afterAll(() => api?.close());

  it('answers 429 to an address after 5 failures, good token or not, until the block ends; other addresses go on', async () => {
    const good = token('union_office');
    const guesser = '203.0.113.7';
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await get(api.url, LIST, `guess.${i}.x`, guesser)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);

    const blocked = await get(api.url, LIST, good, guesser);
    expect(blocked).toMatchObject({ status: 429, body: { message: expect.stringMatching(/too many failed authentications/) } });
    expect(Number(blocked.retryAfter)).toBeGreaterThanOrEqual(1);
    expect((await get(api.url, LIST, good, '203.0.113.8')).status).toBe(200);

    await new Promise((r) => setTimeout(r, 2100)); // the block is real time on a real server
    expect((await get(api.url, LIST, good, guesser)).status).toBe(200);
  });
});

describe('authentication: an OpenID Connect issuer through its JWKS URL', () => {
  let idp: Awaited<ReturnType<typeof startTestIssuer>>;
  let api: Awaited<ReturnType<typeof startApi>>;
  beforeAll(async () => {
    idp = await startTestIssuer('https://idp.test/realms/ouhai-it', 'ouhai-masters-it');
    api = await startApi({ ...idp.env, OIDC_ROLE_CLAIM: 'groups', OIDC_ROLE_MAP: 'programme-office:union_office' });
  });
  afterAll(async () => {
    await api?.close();
    await idp?.close();
  });

  it("verifies the issuer's tokens, maps its role values, refuses local ones, and follows a key rotation", async () => {
    const first = await idp.rotate('RS256', 'k-2026-01');
    const before = await first('idp-4711', { groups: ['staff', 'programme-office'] });
    expect((await get(api.url, LIST, before)).status).toBe(200);
    expect((await get(api.url, LIST, await first('idp-4711', { groups: ['union_office'] }))).body?.message).toMatch(/no known role/);
    expect((await get(api.url, LIST, token('union_office'))).status).toBe(401);

    // The issuer rotates to a new key (new kid) and withdraws the old one.
    const second = await idp.rotate('ES256', 'k-2026-02');
    expect((await get(api.url, LIST, await second('idp-4711', { groups: ['programme-office'] }))).status).toBe(200);
    expect((await get(api.url, LIST, before)).status).toBe(401);
  });
});
