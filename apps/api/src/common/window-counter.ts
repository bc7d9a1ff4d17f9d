/**
 * Counts per key in fixed windows, in this process's memory (a deployment runs one API process; several
 * would each count their own). Old windows are dropped as the map grows, so memory stays at the active keys.
 */
export class WindowCounter {
  private readonly counts = new Map<string, { start: number; n: number }>();

  constructor(private readonly windowMs: number) {}

  /** Counts one for `key` in its current window: the count so far and when the window ends. */
  hit(key: string, now = Date.now()): { n: number; endsAt: number } {
    let entry = this.counts.get(key);
    if (!entry || now - entry.start >= this.windowMs) {
      if (this.counts.size > 10_000) this.sweep(now);
      entry = { start: now, n: 0 };
      this.counts.set(key, entry);
    }
    entry.n += 1;
    return { n: entry.n, endsAt: entry.start + this.windowMs };
  }

  /** Starts the key's count afresh. */
  reset(key: string): void {
    this.counts.delete(key);
  }

  private sweep(now: number): void {
    for (const [key, e] of this.counts) if (now - e.start >= this.windowMs) this.counts.delete(key);
  }
}
