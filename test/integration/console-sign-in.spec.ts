import { createHash, randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { CONSOLE_CLIENT_ID, startTestIssuer } from '../support/oidc';
import { client, startApi } from '../support/service';

jest.setTimeout(180_000);

/**
 * The console's production sign-in: the identity provider's authorisation code flow with PKCE,
 * against a stand-in provider (discovery, /authorize, /token, JWKS) and the real API, in chromium.
 */
describe('console sign-in through the identity provider (PKCE)', () => {
  let issuer: Awaited<ReturnType<typeof startTestIssuer>>;
  let api: Awaited<ReturnType<typeof startApi>>;
  let browser: Browser;

  beforeAll(async () => {
    issuer = await startTestIssuer(null, 'ouhai-masters-api');
    await issuer.rotate('RS256', 'k1');
    // No OIDC_AUTHORIZATION_URL or OIDC_TOKEN_URL: the API finds them in the issuer's discovery document.
    api = await startApi({ ...issuer.env, OIDC_CONSOLE_CLIENT_ID: CONSOLE_CLIENT_ID, OIDC_CONSOLE_SCOPE: 'openid profile' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await issuer?.close();
  });

  /** A code from the stand-in for this challenge, as a browser would bring it back. */
  async function codeFor(challenge: string, redirectUri: string): Promise<string> {
    const url = new URL(`${issuer.url}/authorize`);
    const q = { response_type: 'code', client_id: CONSOLE_CLIENT_ID, redirect_uri: redirectUri, state: 's', code_challenge: challenge, code_challenge_method: 'S256' };
    for (const [k, v] of Object.entries(q)) url.searchParams.set(k, v);
    const res = await fetch(url, { redirect: 'manual' });
    return new URL(res.headers.get('location')!).searchParams.get('code')!;
  }

  it('tells the console to use the identity provider, with the discovered authorization endpoint and its client id', async () => {
    const res = await client(api.url).get('/auth/console');
    expect(res.body).toEqual({ mode: 'oidc', authorizationUrl: `${issuer.url}/authorize`, clientId: CONSOLE_CLIENT_ID, scope: 'openid profile' });
    expect((await client(api.url).post('/dev/token', { role: 'union_office', sub: 'x' })).status).toBe(404);
  });

  it('signs a programme officer in: to the provider and back, the code exchanged with the verifier, the inbox opens under their role', async () => {
    issuer.signInAs('office-zhang', { role: 'union_office' });
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${api.url}/`);
    await page.waitForURL('**/sign-in');
    await page.getByRole('button', { name: '统一身份认证登录' }).click();
    await page.waitForURL('**/inbox');
    await page.getByText('区总工会（项目办） · office-zhang').waitFor();
    // The kept token is the provider's, verified by the API: the inbox answered with it.
    await page.getByRole('heading', { name: '待办' }).waitFor();
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
    // The verifier is spent: the callback's address replayed signs nobody in.
    await page.goto(`${api.url}/sign-in/callback?code=replayed&state=whatever`);
    await page.getByRole('alert').filter({ hasText: '登录请求已失效' }).waitFor();
    await context.close();
  });

  it('refuses a code with the wrong verifier, and a token whose role this service does not know (401, the reason given)', async () => {
    const redirectUri = `${api.url}/sign-in/callback`;
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    issuer.signInAs('office-li', { role: 'union_office' });
    const wrong = await client(api.url).post('/auth/console/token', {
      code: await codeFor(challenge, redirectUri),
      codeVerifier: randomBytes(32).toString('base64url'),
      redirectUri,
    });
    expect([wrong.status, wrong.body.code]).toEqual([401, 'unauthenticated']);
    expect(wrong.body.message).toContain('PKCE verification failed');

    const right = await client(api.url).post('/auth/console/token', { code: await codeFor(challenge, redirectUri), codeVerifier: verifier, redirectUri });
    expect(right.status).toBe(200);
    expect(right.body).toMatchObject({ role: 'union_office', sub: 'office-li', area: null });
    expect((await client(api.url).get('/tasks', right.body.token)).status).toBe(200);

    issuer.signInAs('stranger', { role: 'janitor' });
    const unknown = await client(api.url).post('/auth/console/token', { code: await codeFor(challenge, redirectUri), codeVerifier: verifier, redirectUri });
    expect(unknown.status).toBe(401);
    expect(unknown.body.message).toMatch(/not accepted by this service/);

    const malformed = await client(api.url).post('/auth/console/token', { code: 'x', codeVerifier: 'short', redirectUri: 'https://evil.example/steal' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['codeVerifier', 'redirectUri']);
  });

  it('says sign-in is not configured when the provider is set but the console has no client id', async () => {
    const bare = await startApi({ ...issuer.env });
    try {
      expect((await client(bare.url).get('/auth/console')).body).toMatchObject({ mode: 'none' });
      const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
      await page.goto(`${bare.url}/sign-in`);
      await page.getByText('工作台登录尚未配置').waitFor();
      await page.context().close();
    } finally {
      await bare.close();
    }
  });
});
