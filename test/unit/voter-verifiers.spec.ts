import { BadGatewayException, BadRequestException, Logger, ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TEST_OIDC } from '../support/oidc';
import { DevVerifier } from '../../apps/api/src/voting/verifiers/dev.verifier';
import { VoterVerifiers } from '../../apps/api/src/voting/verifiers/voter-verifiers';
import { WechatVerifier } from '../../apps/api/src/voting/verifiers/wechat.verifier';
import { loadConfig } from '../../libs/config';

const SECRET = 'wx-secret-never-shown-0123456789';

/** A stand-in for WeChat's OAuth endpoint on 127.0.0.1; `reply` decides the answer per request. */
async function standIn(reply: (url: URL, res: ServerResponse) => void) {
  const seen: URL[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url!, 'http://stand-in');
    seen.push(url);
    reply(url, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () => {
    server.closeAllConnections();
    return new Promise<void>((r) => server.close(() => r()));
  };
  return { base, seen, close };
}

const json = (res: ServerResponse, body: unknown, contentType = 'application/json') => {
  res.writeHead(200, { 'content-type': contentType });
  res.end(JSON.stringify(body));
};

/** Answers like WeChat: `ok-<openid>` is a good code, anything listed in `errors` gets that errcode. */
const wechatLike =
  (errors: Record<string, number> = {}) =>
  (url: URL, res: ServerResponse) => {
    const code = url.searchParams.get('code') ?? '';
    if (url.pathname !== '/sns/oauth2/access_token') return json(res, { errcode: 40066, errmsg: 'invalid url' });
    if (url.searchParams.get('secret') !== SECRET) return json(res, { errcode: 40125, errmsg: 'invalid appsecret' });
    if (code in errors) return json(res, { errcode: errors[code], errmsg: 'refused' });
    if (code.startsWith('ok-')) {
      // WeChat really answers text/plain for this endpoint.
      return json(res, { access_token: 'AT', expires_in: 7200, refresh_token: 'RT', openid: code.slice(3), scope: 'snsapi_base' }, 'text/plain');
    }
    return json(res, { errcode: 40029, errmsg: 'invalid code' });
  };

async function failure(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a refusal');
}

describe(DevVerifier.name, () => {
  const sut = new DevVerifier();

  it('takes the credential, trimmed, as the identity', async () => {
    await expect(sut.identify('voter-1')).resolves.toBe('voter-1');
    await expect(sut.identify('  voter-1 ')).resolves.toBe('voter-1');
  });

  it('refuses a blank credential with a 401', async () => {
    const err = await failure(sut.identify('   '));
    expect(err).toBeInstanceOf(UnauthorizedException);
    expect(err.message).toMatch(/not blank/);
  });
});

describe(WechatVerifier.name, () => {
  let wechat: Awaited<ReturnType<typeof standIn>>;
  const errors = { used: 40163, expired: 42003, badapp: 40013, busy: -1, throttled: 45011, odd: 99999 };
  beforeAll(async () => {
    wechat = await standIn(wechatLike(errors));
  });
  afterAll(() => wechat.close());
  const sut = (over: Partial<ConstructorParameters<typeof WechatVerifier>[0]> = {}) =>
    new WechatVerifier({ appId: 'wx-app-1', appSecret: SECRET, apiBase: wechat.base, timeoutMs: 2000, ...over });

  it("exchanges a good code for the voter's openid, sending app id, secret, code and grant type", async () => {
    await expect(sut().identify('ok-oUpF8uMuAJO_M2pxb1Q9zNjWeS6o')).resolves.toBe('oUpF8uMuAJO_M2pxb1Q9zNjWeS6o');
    const last = wechat.seen[wechat.seen.length - 1];
    expect(Object.fromEntries(last.searchParams)).toEqual({
      appid: 'wx-app-1',
      secret: SECRET,
      code: 'ok-oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
      grant_type: 'authorization_code',
    });
  });

  it('keeps a path prefix of WECHAT_API_BASE', async () => {
    const prefixed = await standIn((url, res) =>
      url.pathname === '/wx/sns/oauth2/access_token' ? json(res, { openid: 'o-prefixed' }) : json(res, { errcode: 40066, errmsg: 'invalid url' }),
    );
    try {
      await expect(sut({ apiBase: `${prefixed.base}/wx` }).identify('any')).resolves.toBe('o-prefixed');
    } finally {
      await prefixed.close();
    }
  });

  it.each([
    ['an invalid code', 'nonsense', 40029],
    ['a code already used', 'used', 40163],
    ['an expired code', 'expired', 42003],
  ])('answers 401 to %s, naming the errcode', async (_what, code, errcode) => {
    const err = await failure(sut().identify(code));
    expect(err).toBeInstanceOf(UnauthorizedException);
    expect(err.message).toContain(`errcode ${errcode}`);
  });

  it("answers 502 when WeChat refuses the server's own credentials, and logs which settings to check but not the secret", async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      for (const [verifier, code] of [
        [sut({ appSecret: 'wrong-secret-abcdef' }), 'ok-x'],
        [sut(), 'badapp'],
      ] as const) {
        const err = await failure(verifier.identify(code));
        expect(err).toBeInstanceOf(BadGatewayException);
        expect(err.message).toMatch(/credentials/);
      }
      const lines = logged.mock.calls.map((c) => String(c[0])).join('\n');
      expect(lines).toMatch(/WECHAT_APP_SECRET/);
      expect(lines).not.toContain(SECRET);
      expect(lines).not.toContain('wrong-secret-abcdef');
    } finally {
      logged.mockRestore();
    }
  });

  it.each([
    ['busy', -1],
    ['throttled', 45011],
  ])('answers 503 when WeChat is %s', async (code, errcode) => {
    const err = await failure(sut().identify(code));
    expect(err).toBeInstanceOf(ServiceUnavailableException);
    expect(err.message).toContain(`errcode ${errcode}`);
  });

  it('answers 502 to an errcode it does not know', async () => {
    const err = await failure(sut().identify('odd'));
    expect(err).toBeInstanceOf(BadGatewayException);
    expect(err.message).toContain('errcode 99999');
  });

  it('answers 502 when WeChat fails with an HTTP error or answers something that is not JSON', async () => {
    const broken = await standIn((url, res) => {
      if (url.searchParams.get('code') === 'html') {
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end('<html>maintenance</html>');
      }
      res.writeHead(500);
      res.end();
    });
    try {
      const http = await failure(sut({ apiBase: broken.base }).identify('x'));
      expect(http).toBeInstanceOf(BadGatewayException);
      expect(http.message).toContain('HTTP 500');
      const html = await failure(sut({ apiBase: broken.base }).identify('html'));
      expect(html).toBeInstanceOf(BadGatewayException);
      expect(html.message).toContain('not JSON');
    } finally {
      await broken.close();
    }
  });

  it('answers 503 when WeChat cannot be reached, without the URL (which holds the secret)', async () => {
    const gone = await standIn(() => undefined);
    await gone.close();
    const err = await failure(sut({ apiBase: gone.base }).identify('ok-x'));
    expect(err).toBeInstanceOf(ServiceUnavailableException);
    expect(err.message).toMatch(/WeChat could not be reached .*ECONNREFUSED/);
    expect(err.message).not.toContain(SECRET);
    expect(err.message).not.toContain(gone.base);
  });

  it('answers 503 when WeChat does not answer in time', async () => {
    const slow = await standIn(() => undefined); // never responds
    try {
      const started = Date.now();
      const err = await failure(sut({ apiBase: slow.base, timeoutMs: 300 }).identify('ok-x'));
      expect(err).toBeInstanceOf(ServiceUnavailableException);
      expect(err.message).toContain('no answer within 300 ms');
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      await slow.close();
    }
  });
});

describe(VoterVerifiers.name, () => {
  const base = {
    DATABASE_URL: 'postgres://x@db/x',
    TEMPORAL_ADDRESS: 'temporal:7233',
    ...TEST_OIDC,
    PII_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
    PII_INDEX_KEY: Buffer.alloc(32, 9).toString('base64'),
  };
  const refusal = (env: NodeJS.ProcessEnv, name: 'dev' | 'wechat') => {
    try {
      new VoterVerifiers(loadConfig({ ...base, ...env })).get(name);
    } catch (e) {
      expect(e).toBeInstanceOf(BadRequestException);
      return (e as BadRequestException).getResponse() as { fields: Array<{ field: string; reason: string }> };
    }
    return null;
  };

  it('offers the dev verifier outside production, and refuses it in production unless VOTE_DEV_VERIFIER=true', () => {
    expect(refusal({}, 'dev')).toBeNull();
    expect(refusal({ NODE_ENV: 'production' }, 'dev')?.fields).toEqual([{ field: 'verifier', reason: expect.stringMatching(/production/) }]);
    expect(refusal({ NODE_ENV: 'production', VOTE_DEV_VERIFIER: 'true' }, 'dev')).toBeNull();
    expect(refusal({ VOTE_DEV_VERIFIER: 'false' }, 'dev')?.fields[0].field).toBe('verifier');
  });

  it('offers wechat only when the app id and secret are configured', () => {
    expect(refusal({}, 'wechat')?.fields).toEqual([{ field: 'verifier', reason: expect.stringMatching(/not configured/) }]);
    expect(refusal({ WECHAT_APP_ID: 'wx1', WECHAT_APP_SECRET: SECRET }, 'wechat')).toBeNull();
  });

  it('names the verifiers it offers, WeChat first, and the app id the voting page sends voters to (never the secret)', () => {
    const offered = (env: NodeJS.ProcessEnv) => {
      const v = new VoterVerifiers(loadConfig({ ...base, ...env }));
      return { names: v.names(), appId: v.wechatAppId };
    };
    expect(offered({})).toEqual({ names: ['dev'], appId: null });
    expect(offered({ WECHAT_APP_ID: 'wx1', WECHAT_APP_SECRET: SECRET })).toEqual({ names: ['wechat', 'dev'], appId: 'wx1' });
    expect(offered({ NODE_ENV: 'production', WECHAT_APP_ID: 'wx1', WECHAT_APP_SECRET: SECRET })).toEqual({ names: ['wechat'], appId: 'wx1' });
  });
});
