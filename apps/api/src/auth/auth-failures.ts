import type { AuthConfig } from '../../../../libs/config';

/**
 * Failed authentications per client address in a sliding minute (by default): past the limit, the
 * address is refused (429) for a while, so tokens cannot be guessed or replayed in bulk. In memory:
 * each API instance counts its own, which bounds a guesser to `limit × instances` a window.
 */
export class AuthFailures {
  private readonly byAddress = new Map<string, { windowStart: number; count: number; blockedUntil: number }>();

  constructor(private readonly policy: AuthConfig['failures']) {}

  /** Milliseconds until the address may try again; 0 when it is not blocked. */
  blockedFor(address: string, now = Date.now()): number {
    const entry = this.byAddress.get(address);
    return entry && entry.blockedUntil > now ? entry.blockedUntil - now : 0;
  }

  /** Counts a failure; true when this one blocks the address. */
  record(address: string, now = Date.now()): boolean {
    if (this.byAddress.size > 10_000) this.sweep(now);
    let entry = this.byAddress.get(address);
    if (!entry || now - entry.windowStart >= this.policy.windowMs) {
      entry = { windowStart: now, count: 0, blockedUntil: entry?.blockedUntil ?? 0 };
      this.byAddress.set(address, entry);
    }
    entry.count += 1;
    if (entry.count < this.policy.limit) return false;
    entry.blockedUntil = now + this.policy.blockMs;
    entry.count = 0;
    entry.windowStart = now;
    return true;
  }

  private sweep(now: number): void {
    for (const [address, e] of this.byAddress) {
      if (e.blockedUntil <= now && now - e.windowStart >= this.policy.windowMs) this.byAddress.delete(address);
    }
  }
}
