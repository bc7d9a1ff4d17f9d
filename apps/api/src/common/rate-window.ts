import { HttpException, HttpStatus } from '@nestjs/common';
import { WindowCounter } from './window-counter';

/** Stops one account flooding a route: at most `limit` actions per key a window, then 429 saying how long to wait. */
export class RateWindow {
  private readonly counter: WindowCounter;

  constructor(
    private readonly limit: number,
    windowMs: number,
    private readonly what: string,
  ) {
    this.counter = new WindowCounter(windowMs);
  }

  /** Counts one action for `key`; throws 429, saying how many seconds to wait, when the key is over its limit. */
  take(key: string, now = Date.now()): void {
    const { n, endsAt } = this.counter.hit(key, now);
    if (n <= this.limit) return;
    const retryAfter = Math.ceil((endsAt - now) / 1000);
    throw new HttpException(
      { statusCode: 429, error: 'Too Many Requests', message: `at most ${this.limit} ${this.what} a minute; try again in ${retryAfter} s`, retryAfter },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
