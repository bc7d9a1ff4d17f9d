import { UnauthorizedException } from '@nestjs/common';
import type { VoterVerifier } from './voter-verifier';

/**
 * For development and tests: the credential itself is the voter's identity. Anyone can vote as
 * anyone, so the configuration refuses it in production unless VOTE_DEV_VERIFIER=true.
 */
export class DevVerifier implements VoterVerifier {
  readonly name = 'dev' as const;

  async identify(credential: string): Promise<string> {
    const identity = credential.trim();
    if (!identity) throw new UnauthorizedException('the dev verifier needs a credential that is not blank');
    return identity;
  }
}
