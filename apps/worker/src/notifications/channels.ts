import type { NotifyConfig } from '../../../../libs/config';
import type { NotificationChannel } from '../../../../libs/domain';
import { AliyunSms } from './aliyun-sms';
import { SmtpMail } from './smtp';

/** One message as a channel sends it: the address opened from its sealed form just before sending. */
export interface Message {
  id: string;
  kind: string;
  text: string;
  contact: string | null;
}

/** A way out. `send` resolves once the provider has accepted the message and throws otherwise (the sender retries). */
export interface Channel {
  /** Recorded on the row as `sent_via`. */
  readonly name: string;
  send(message: Message): Promise<void>;
}

/** In-console: the row itself is what the notification centre shows, so there is nothing to send. */
export const consoleChannel: Channel = { name: 'console', send: async () => undefined };

/** Records only (the row is marked sent through `dev`): SMS and e-mail until a provider is configured. */
export const devChannel: Channel = { name: 'dev', send: async () => undefined };

/** Which channel carries each kind of row, as configured. */
export function channelsFor(cfg: NotifyConfig): Record<NotificationChannel, Channel> {
  return {
    console: consoleChannel,
    sms: cfg.sms.provider === 'aliyun' ? new AliyunSms(cfg.sms) : devChannel,
    email: cfg.email.provider === 'smtp' ? new SmtpMail(cfg.email) : devChannel,
  };
}
