import { HttpException, HttpStatus } from '@nestjs/common';

/**
 * Counts actions per key in fixed windows, in this process's memory: enough to stop one account
 * flooding a route (a real deployment runs one API process; several would each allow the limit).
 * Old windows are dropped as keys are touched, so memory stays at the active keys.
 */
export class RateWindow {
  private readonly counts = new Map<string, { start: number; n: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly what: string,
  ) {}

  /** Counts one action for `key`; throws 429, saying how many seconds to wait, when the key is over its limit. */
  take(key: string, now = Date.now()): void {
    const entry = this.counts.get(key);
    if (!entry || now - entry.start >= this.windowMs) {
      if (this.counts.size > 10_000) this.sweep(now);
      this.counts.set(key, { start: now, n: 1 });
      return;
    }
    if (++entry.n <= this.limit) return;
    const retryAfter = Math.ceil((entry.start + this.windowMs - now) / 1000);
    throw new HttpException(
      { statusCode: 429, error: 'Too Many Requests', message: `at most ${this.limit} ${this.what} a minute; try again in ${retryAfter} s`, retryAfter },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }

  private sweep(now: number): void {
    for (const [key, e] of this.counts) if (now - e.start >= this.windowMs) this.counts.delete(key);
  }
}
