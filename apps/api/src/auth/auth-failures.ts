import type { AuthConfig } from '../../../../libs/config';
import { WindowCounter } from '../common/window-counter';

/**
 * Failed authentications per client address in a window (a minute by default): past the limit, the
 * address is refused (429) for a while, so tokens cannot be guessed or replayed in bulk. In memory:
 * each API instance counts its own, which bounds a guesser to `limit × instances` a window.
 */
export class AuthFailures {
  private readonly failures: WindowCounter;
  private readonly blockedUntil = new Map<string, number>();

  constructor(private readonly policy: AuthConfig['failures']) {
    this.failures = new WindowCounter(policy.windowMs);
  }

  /** Milliseconds until the address may try again; 0 when it is not blocked. */
  blockedFor(address: string, now = Date.now()): number {
    const until = this.blockedUntil.get(address) ?? 0;
    if (until > now) return until - now;
    this.blockedUntil.delete(address);
    return 0;
  }

  /** Counts a failure; true when this one blocks the address (its count starts afresh). */
  record(address: string, now = Date.now()): boolean {
    if (this.failures.hit(address, now).n < this.policy.limit) return false;
    if (this.blockedUntil.size > 10_000) for (const [a, until] of this.blockedUntil) if (until <= now) this.blockedUntil.delete(a);
    this.blockedUntil.set(address, now + this.policy.blockMs);
    this.failures.reset(address);
    return true;
  }
}
