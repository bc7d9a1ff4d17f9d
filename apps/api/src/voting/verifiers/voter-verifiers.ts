import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../../../libs/config';
import { badRequest } from '../../common/validation';
import { DevVerifier } from './dev.verifier';
import type { VerifierName, VoterVerifier } from './voter-verifier';
import { WechatVerifier } from './wechat.verifier';

/** The verifiers this server accepts, from configuration; asking for another is a 400 on `verifier`. */
@Injectable()
export class VoterVerifiers {
  private readonly available = new Map<VerifierName, VoterVerifier>();
  private readonly refusals = new Map<VerifierName, string>();
  /** The official account whose OAuth codes this server exchanges; null when WeChat is not configured. */
  readonly wechatAppId: string | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const { wechat, devVerifier } = config.voting;
    this.wechatAppId = wechat?.appId ?? null;
    if (wechat) this.available.set('wechat', new WechatVerifier(wechat));
    else this.refusals.set('wechat', "verifier 'wechat' is not configured on this server (WECHAT_APP_ID, WECHAT_APP_SECRET)");
    if (devVerifier) this.available.set('dev', new DevVerifier());
    else this.refusals.set('dev', "verifier 'dev' is turned off on this server (in production it is refused unless VOTE_DEV_VERIFIER=true)");
  }

  /** The verifiers accepted here, WeChat first (the order they are registered in). */
  names(): VerifierName[] {
    return [...this.available.keys()];
  }

  get(name: VerifierName): VoterVerifier {
    const verifier = this.available.get(name);
    if (!verifier) throw badRequest([{ field: 'verifier', reason: this.refusals.get(name) ?? `unknown verifier '${name}'` }]);
    return verifier;
  }
}
