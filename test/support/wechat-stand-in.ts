import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const APP_ID = 'wx-it-app';
export const APP_SECRET = 'it-wechat-secret-0123456789abcdef';

/**
 * A stand-in for WeChat's OAuth endpoint on 127.0.0.1. Codes are one-time, as with WeChat: the
 * test hands out `codes` mapped to openids; anything else is errcode 40029. `mode` breaks it.
 */
export async function wechatStandIn() {
  const codes = new Map<string, string>();
  const state = { mode: 'ok' as 'ok' | 'http500' | 'busy', requests: 0 };
  const server: Server = createServer((req, res: ServerResponse) => {
    state.requests++;
    const url = new URL(req.url!, 'http://stand-in');
    const send = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(JSON.stringify(body));
    };
    if (state.mode === 'http500') {
      res.writeHead(500);
      return res.end('server error');
    }
    if (state.mode === 'busy') return send({ errcode: -1, errmsg: 'system error' });
    const q = url.searchParams;
    if (url.pathname !== '/sns/oauth2/access_token' || q.get('grant_type') !== 'authorization_code') return send({ errcode: 40066, errmsg: 'invalid url' });
    if (q.get('appid') !== APP_ID || q.get('secret') !== APP_SECRET) return send({ errcode: 40125, errmsg: 'invalid appsecret' });
    const openid = codes.get(q.get('code') ?? '');
    if (!openid) return send({ errcode: 40029, errmsg: 'invalid code' });
    codes.delete(q.get('code')!);
    send({ access_token: 'ACCESS', expires_in: 7200, refresh_token: 'REFRESH', openid, scope: 'snsapi_base' });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  let n = 0;
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    state,
    /** A fresh one-time code for the openid, as the official account page would receive it. */
    codeFor: (openid: string) => {
      const code = `code-${++n}-${Math.random().toString(36).slice(2)}`;
      codes.set(code, openid);
      return code;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}
