import { BadGatewayException, Logger, ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import type { VotingConfig } from '../../../../../libs/config';
import type { VoterVerifier } from './voter-verifier';

export type WechatSettings = NonNullable<VotingConfig['wechat']>;

/** WeChat errcodes that mean the voter's OAuth code is no good: invalid, already used, expired, missing. */
const CODE_REFUSED = new Set([40029, 40163, 42003, 41008]);
/** Errcodes that blame this server's app id, secret or IP whitelist: nothing the voter can fix. */
const APP_REFUSED = new Set([40001, 40013, 40125, 40164, 41002, 41004, 48001]);
/** Errcodes that mean WeChat is busy or throttling us. */
const BUSY = new Set([-1, 45009, 45011]);

/**
 * The voter is the openid of the 瓯海工会 official account: the page the voter opens through WeChat
 * OAuth gets a one-time `code`, which only the server (holding the app secret) can exchange for the
 * openid (GET /sns/oauth2/access_token). The access token that comes with it is not kept.
 */
export class WechatVerifier implements VoterVerifier {
  readonly name = 'wechat' as const;
  private readonly log = new Logger('WechatVerifier');

  constructor(private readonly settings: WechatSettings) {}

  async identify(code: string): Promise<string> {
    const { appId, appSecret, apiBase, timeoutMs } = this.settings;
    const query = new URLSearchParams({ appid: appId, secret: appSecret, code, grant_type: 'authorization_code' });
    let status: number;
    let text: string;
    try {
      const res = await fetch(`${apiBase}/sns/oauth2/access_token?${query.toString()}`, { signal: AbortSignal.timeout(timeoutMs) });
      status = res.status;
      text = await res.text();
    } catch (err) {
      // The request URL carries the app secret: say what kind of failure it was, never the URL.
      throw new ServiceUnavailableException(`WeChat could not be reached to verify the voter (${failureKind(err, timeoutMs)}); try again shortly`);
    }
    let body: { openid?: unknown; errcode?: unknown; errmsg?: unknown } | null;
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
    if (status !== 200 || !body || typeof body !== 'object') {
      throw new BadGatewayException(`WeChat answered the sign-in check with ${status !== 200 ? `HTTP ${status}` : 'something that is not JSON'}; try again shortly`);
    }
    if (typeof body.openid === 'string' && body.openid) return body.openid;

    const errcode = Number(body.errcode);
    if (CODE_REFUSED.has(errcode)) {
      throw new UnauthorizedException(`WeChat refused the sign-in code (errcode ${errcode}); open the voting page from the official account again to get a new one`);
    }
    if (APP_REFUSED.has(errcode)) {
      this.log.error(`WeChat refused this server's app credentials (errcode ${errcode}); check WECHAT_APP_ID, WECHAT_APP_SECRET and the IP whitelist`);
      throw new BadGatewayException("WeChat refused the voting service's own credentials; the vote cannot be verified now, try again later");
    }
    if (BUSY.has(errcode)) throw new ServiceUnavailableException(`WeChat is busy (errcode ${errcode}); try again shortly`);
    throw new BadGatewayException(`WeChat answered the sign-in check with errcode ${Number.isFinite(errcode) ? errcode : 'none'} and no openid; try again shortly`);
  }
}

function failureKind(err: unknown, timeoutMs: number): string {
  // A DOMException, which is not always `instanceof Error`: go by its name.
  const name = (err as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  const code = (err as { cause?: { code?: unknown } }).cause?.code;
  return typeof code === 'string' ? code : 'network error';
}
