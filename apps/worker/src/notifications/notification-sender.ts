import { Logger } from '@nestjs/common';
import type { NotifyConfig } from '../../../../libs/config';
import type { NotificationOutbox, OutgoingNotification } from '../../../../libs/db';
import type { NotificationChannel } from '../../../../libs/domain';
import type { Channel } from './channels';

/** The wait before the next attempt after the n-th failure: doubling from `backoffMs`, at most `maxBackoffMs`. */
export function backoffAfter(attempts: number, cfg: Pick<NotifyConfig, 'backoffMs' | 'maxBackoffMs'>): number {
  return Math.min(cfg.maxBackoffMs, cfg.backoffMs * 2 ** Math.max(0, attempts - 1));
}

/**
 * The worker's sender: every `pollMs` it claims due rows of the outbox and hands each to its channel;
 * a failure is tried again after a growing wait, and after `maxAttempts` the row is marked failed
 * (it stays in the outbox with its last error, for the office to see). It runs beside the Temporal
 * worker, not in a workflow: the outbox is itself durable, and any number of workers may run one
 * (claims skip locked rows).
 */
export class NotificationSender {
  private readonly log = new Logger(NotificationSender.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly outbox: NotificationOutbox,
    private readonly channels: Record<NotificationChannel, Channel>,
    private readonly open: (sealed: string) => string,
    private readonly cfg: NotifyConfig,
  ) {}

  start(): void {
    const loop = () => {
      if (this.stopped) return;
      this.running = this.tick()
        .catch((err: Error) => void this.log.warn(`notification sender: ${err.message}`))
        .then(() => {
          if (!this.stopped) this.timer = setTimeout(loop, this.cfg.pollMs);
        });
    };
    loop();
  }

  /** Stops polling and waits for the batch in hand. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** One pass: claims and sends until nothing is due. Resolves with how many rows it handled. */
  async tick(): Promise<number> {
    let handled = 0;
    for (;;) {
      const batch = await this.outbox.claim(this.cfg.batch, this.cfg.leaseMs);
      await Promise.all(batch.map((row) => this.deliver(row)));
      handled += batch.length;
      if (batch.length < this.cfg.batch || this.stopped) return handled;
    }
  }

  private async deliver(row: OutgoingNotification): Promise<void> {
    const channel = this.channels[row.channel];
    try {
      const contact = row.contactCipher ? this.open(row.contactCipher) : null;
      await channel.send({ id: row.id, kind: row.kind, text: row.text, contact });
      await this.outbox.sent(row.id, channel.name);
    } catch (err) {
      const message = (err as Error).message;
      const last = row.attempts >= this.cfg.maxAttempts;
      // The row's id and the channel, never the address or the text (they are personal data).
      this.log.warn(`notification ${row.id} via ${channel.name}: attempt ${row.attempts} failed${last ? ', giving up' : ''}: ${message}`);
      await this.outbox.retryOrFail(row.id, message, last ? null : backoffAfter(row.attempts, this.cfg));
    }
  }
}
