import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import type { EmailConfig } from '../../../../libs/config';
import type { Channel, Message } from './channels';

type SmtpConfig = Extract<EmailConfig, { provider: 'smtp' }>;

const SUBJECT: Record<string, string> = {
  returned: '申报材料退回补充',
  outcome: '评选结果通知',
  reminder: '待办事项即将到期',
  escalation: '待办事项已逾期',
  assignment: '新的评审任务',
};

/** `=?UTF-8?B?…?=`: a Chinese subject in a header (RFC 2047). */
const encodedWord = (s: string) => `=?UTF-8?B?${Buffer.from(s, 'utf8').toString('base64')}?=`;

/** The message as RFC 5322 text: UTF-8 body in base64, so Chinese needs no further care. */
export function composeMail(from: string, to: string, kind: string, text: string, now = new Date()): string {
  const body = Buffer.from(text, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n');
  return [
    `From: ${from}`,
    `To: ${to}`,
    `Subject: ${encodedWord(`【百名工匠大师】${SUBJECT[kind] ?? '通知'}`)}`,
    `Date: ${now.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${randomUUID()}@${from.split('@')[1] ?? 'localhost'}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    body,
  ].join('\r\n');
}

/** One SMTP conversation: send a command, read the reply (all its lines), check its code. */
class Conversation {
  private buffer = '';
  private waiting: (() => void) | null = null;
  private error: Error | null = null;

  constructor(
    public socket: Socket | TLSSocket,
    private readonly timeoutMs: number,
  ) {
    this.listen(socket);
  }

  listen(socket: Socket | TLSSocket): void {
    this.socket = socket;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      this.waiting?.();
    });
    socket.on('error', (err) => {
      this.error = err;
      this.waiting?.();
    });
    socket.on('close', () => {
      this.error ??= new Error('the SMTP server closed the connection');
      this.waiting?.();
    });
  }

  /** The next complete reply: lines `250-…` continue, `250 …` ends it. */
  async reply(expect: number[]): Promise<string> {
    const deadline = Date.now() + this.timeoutMs;
    for (;;) {
      const end = this.buffer.match(/^(\d{3}) .*\r?\n/m);
      if (end) {
        const upTo = this.buffer.indexOf(end[0]) + end[0].length;
        const text = this.buffer.slice(0, upTo);
        this.buffer = this.buffer.slice(upTo);
        const code = Number(end[1]);
        // The reply's first line only: a server's text never carries the password, but keep errors short.
        if (!expect.includes(code)) throw new Error(`SMTP ${code}: ${end[0].trim().slice(4, 120)}`);
        return text;
      }
      if (this.error) throw this.error;
      if (Date.now() > deadline) throw new Error('the SMTP server did not answer in time');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(1, deadline - Date.now()));
        this.waiting = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.waiting = null;
    }
  }

  async command(line: string, expect: number[]): Promise<string> {
    this.socket.write(`${line}\r\n`);
    return this.reply(expect);
  }
}

/** E-mail through an SMTP relay (the government mail system's, or any): implicit TLS, STARTTLS or plain, AUTH PLAIN when a user is set. */
export class SmtpMail implements Channel {
  readonly name = 'smtp';

  constructor(private readonly cfg: SmtpConfig) {}

  async send(m: Message): Promise<void> {
    if (!m.contact) throw new Error('no address to mail');
    const { host, port, tls, timeoutMs } = this.cfg;
    const socket = await new Promise<Socket | TLSSocket>((resolve, reject) => {
      const s = tls === 'implicit' ? tlsConnect({ host, port, servername: host }, () => resolve(s)) : netConnect({ host, port }, () => resolve(s));
      s.once('error', reject);
      s.setTimeout(timeoutMs, () => s.destroy(new Error('the SMTP connection timed out')));
    });
    const c = new Conversation(socket, timeoutMs);
    try {
      await c.reply([220]);
      const me = hostname() || 'localhost';
      let ehlo = await c.command(`EHLO ${me}`, [250]);
      if (tls === 'starttls') {
        if (!/STARTTLS/i.test(ehlo)) throw new Error('the SMTP server does not offer STARTTLS');
        await c.command('STARTTLS', [220]);
        socket.removeAllListeners('data');
        const secure = await new Promise<TLSSocket>((resolve, reject) => {
          const s = tlsConnect({ socket, servername: host }, () => resolve(s));
          s.once('error', reject);
        });
        c.listen(secure);
        ehlo = await c.command(`EHLO ${me}`, [250]);
      }
      if (this.cfg.user) await c.command(`AUTH PLAIN ${Buffer.from(`\0${this.cfg.user}\0${this.cfg.pass ?? ''}`).toString('base64')}`, [235]);
      await c.command(`MAIL FROM:<${this.cfg.from}>`, [250]);
      await c.command(`RCPT TO:<${m.contact}>`, [250, 251]);
      await c.command('DATA', [354]);
      // Dot-stuffing: a line that starts with '.' gets another (RFC 5321 4.5.2); base64 bodies have none, headers might.
      const data = composeMail(this.cfg.from, m.contact, m.kind, m.text).replace(/^\./gm, '..');
      await c.command(`${data}\r\n.`, [250]);
      await c.command('QUIT', [221]).catch(() => undefined);
    } finally {
      c.socket.destroy();
    }
  }
}
