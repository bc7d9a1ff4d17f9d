import { createHmac } from 'node:crypto';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer } from 'node:net';

export const SMS_KEY = { id: 'it-sms-key', secret: 'it-sms-secret-0123456789' };

const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * A stand-in for Alibaba Cloud's SMS endpoint on 127.0.0.1: it checks the RPC signature itself
 * (recomputed from the query, written independently of the adapter) and records each accepted
 * message; `mode` makes it refuse (a provider code) or fail (HTTP 500).
 */
export async function aliyunSmsStandIn() {
  const state = { mode: 'ok' as 'ok' | 'refuse' | 'http500', requests: 0, sent: [] as Array<{ phone: string; text: string; template: string; sign: string }> };
  const server: Server = createHttpServer((req, res) => {
    state.requests++;
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (state.mode === 'http500') return send(500, { Code: 'InternalError' });
    const q = new URL(req.url!, 'http://stand-in').searchParams;
    const signature = q.get('Signature');
    const pairs = [...q.entries()].filter(([k]) => k !== 'Signature').sort(([a], [b]) => (a < b ? -1 : 1));
    const canonical = pairs.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
    const expected = createHmac('sha1', `${SMS_KEY.secret}&`)
      .update(`GET&%2F&${enc(canonical)}`)
      .digest('base64');
    if (q.get('AccessKeyId') !== SMS_KEY.id || signature !== expected) return send(200, { Code: 'SignatureDoesNotMatch', Message: 'bad signature' });
    if (q.get('Action') !== 'SendSms' || q.get('Version') !== '2017-05-25') return send(200, { Code: 'InvalidAction' });
    if (state.mode === 'refuse') return send(200, { Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: '触发号码天级流控' });
    state.sent.push({ phone: q.get('PhoneNumbers')!, text: JSON.parse(q.get('TemplateParam')!).text, template: q.get('TemplateCode')!, sign: q.get('SignName')! });
    send(200, { Code: 'OK', Message: 'OK', BizId: `biz-${state.sent.length}`, RequestId: 'req' });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    state,
    env: {
      SMS_PROVIDER: 'aliyun',
      SMS_ACCESS_KEY_ID: SMS_KEY.id,
      SMS_ACCESS_KEY_SECRET: SMS_KEY.secret,
      SMS_SIGN_NAME: '瓯海区总工会',
      SMS_TEMPLATE_CODE: 'SMS_000001',
    },
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** A plain SMTP server on 127.0.0.1 (no TLS): it takes AUTH PLAIN for one user and records each message. */
export async function smtpStandIn(user = 'notify', pass = 'smtp-pass') {
  const state = { mails: [] as Array<{ from: string; to: string[]; data: string }>, authFailures: 0 };
  const server: TcpServer = createTcpServer((socket) => {
    socket.setEncoding('utf8');
    let buffer = '';
    let inData = false;
    let mail = { from: '', to: [] as string[], data: '' };
    const say = (line: string) => socket.write(`${line}\r\n`);
    say('220 stand-in ESMTP');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          mail.data = buffer.slice(0, end).replace(/^\.\./gm, '.');
          buffer = buffer.slice(end + 5);
          inData = false;
          state.mails.push(mail);
          mail = { from: '', to: [], data: '' };
          say('250 queued');
          continue;
        }
        const nl = buffer.indexOf('\r\n');
        if (nl < 0) return;
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        const verb = line.split(' ')[0].toUpperCase();
        if (verb === 'EHLO') socket.write('250-stand-in\r\n250 AUTH PLAIN\r\n');
        else if (verb === 'AUTH') {
          const ok = Buffer.from(line.split(' ')[2] ?? '', 'base64').toString() === `\0${user}\0${pass}`;
          if (!ok) state.authFailures++;
          say(ok ? '235 ok' : '535 authentication failed');
        } else if (verb === 'MAIL') {
          mail.from = /<(.*)>/.exec(line)?.[1] ?? '';
          say('250 ok');
        } else if (verb === 'RCPT') {
          mail.to.push(/<(.*)>/.exec(line)?.[1] ?? '');
          say('250 ok');
        } else if (verb === 'DATA') {
          inData = true;
          say('354 go ahead');
        } else if (verb === 'QUIT') {
          say('221 bye');
          socket.end();
        } else say('502 not implemented');
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    state,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
