import { AliyunSms } from '../../apps/worker/src/notifications/aliyun-sms';
import { backoffAfter } from '../../apps/worker/src/notifications/notification-sender';
import { SmtpMail } from '../../apps/worker/src/notifications/smtp';
import { ConfigError } from '../../libs/config';
import { notificationsForAlert, notificationsForBatch, notificationsForStatus, type FileFacts } from '../../libs/domain';
import { aliyunSmsStandIn, SMS_KEY, smtpStandIn } from '../support/notify-stand-ins';
import { generateLocalKeyPair } from '../../libs/security/local-issuer';
import { localIssuerConfig } from '../support/unit-config';

const config = (env: NodeJS.ProcessEnv = {}) => localIssuerConfig(generateLocalKeyPair().publicJwk, env);

const file: FileFacts = {
  candidateId: 'c-1',
  channel: 'self',
  area: 'louqiao',
  roundId: 'r-1',
  submitter: { issuer: 'iss', userId: 'n-1', role: 'nominator' },
  mobileCipher: 'v1.k.sealed',
};
const policy = { smsSelfNominated: true, emailTo: { union_office: 'office@example.gov.cn' } };
const at = (stage: string, status: string, panel: Array<{ userId: string; status: string }> = []) => ({ stage, status, panel });

describe('who hears of what', () => {
  it('a return tells the nominator once per return, in the console and (self-nominated) by SMS with the sealed mobile copied', () => {
    const rows = notificationsForStatus({ seq: 7, before: at('qualification', 'awaiting_decision'), after: at('qualification', 'returned') }, file, policy);
    expect(rows.map((r) => [r.key, r.channel, r.to.userId, r.contactCipher ?? null])).toEqual([
      ['returned:c-1:7', 'console', 'n-1', null],
      ['returned:c-1:7:sms', 'sms', 'n-1', 'v1.k.sealed'],
    ]);
    expect(rows[0].text).toContain('“{name}”的申报材料在“资格审核”阶段被退回补充');
    // Still returned (an alert raised meanwhile bumps seq): no second notification.
    expect(notificationsForStatus({ seq: 8, before: at('qualification', 'returned'), after: at('qualification', 'returned') }, file, policy)).toEqual([]);
    // Organisational nominations: the console only.
    expect(notificationsForStatus({ seq: 7, before: null, after: at('endorsement', 'returned') }, { ...file, channel: 'organisational' }, policy)).toHaveLength(1);
  });

  it('the outcome once, and a newly seated expert', () => {
    const outcome = notificationsForStatus({ seq: 30, before: at('commendation', 'awaiting_round'), after: at('payments', 'paying') }, file, {
      ...policy,
      smsSelfNominated: false,
    });
    expect(outcome.map((r) => [r.key, r.kind])).toEqual([['outcome:c-1', 'outcome']]);
    expect(outcome[0].text).toContain('已被评为瓯海区“百名工匠大师”');
    // A file rejected at an individual stage is an outcome too.
    const rejected = notificationsForStatus({ seq: 5, before: at('qualification', 'awaiting_decision'), after: at('qualification', 'rejected') }, file, policy);
    expect(rejected.map((r) => [r.key, r.channel])).toEqual([
      ['outcome:c-1', 'console'],
      ['outcome:c-1:sms', 'sms'],
    ]);
    expect(rejected[0].text).toBe('您推荐的候选人“{name}”的申报在“资格审核”阶段未获通过，原因请登录系统查看。');
    const panel = notificationsForStatus(
      {
        seq: 12,
        before: at('expert_review', 'scoring', [{ userId: 'e-1', status: 'assigned' }]),
        after: at('expert_review', 'scoring', [
          { userId: 'e-1', status: 'assigned' },
          { userId: 'e-2', status: 'assigned' },
          { userId: 'e-3', status: 'recused' },
        ]),
      },
      file,
      policy,
    );
    expect(panel.map((r) => [r.key, r.to])).toEqual([['assignment:panel:c-1:e-2', { userId: 'e-2', role: 'expert' }]]);
  });

  it('a reminder to the stage owner (a sub-district union in the file’s area), with the role’s mailbox; an expert-review one to the seated experts', () => {
    const rows = notificationsForAlert({ stage: 'endorsement', kind: 'reminder', dueAt: '2031-04-20T16:00:00Z', experts: [] }, file, policy);
    expect(rows.map((r) => [r.key, r.channel, r.to])).toEqual([['reminder:c-1:endorsement', 'console', { role: 'street_union', area: 'louqiao' }]]);
    expect(rows[0].text).toContain('2031-04-21 00:00');
    const office = notificationsForAlert({ stage: 'qualification', kind: 'escalation', dueAt: '2031-04-20T16:00:00Z', experts: [] }, file, policy);
    expect(office.map((r) => [r.channel, r.contact ?? null])).toEqual([
      ['console', null],
      ['email', 'office@example.gov.cn'],
    ]);
    expect(
      notificationsForAlert({ stage: 'expert_review', kind: 'reminder', dueAt: '2031-04-20T16:00:00Z', experts: ['e-1', 'e-2'] }, file, policy).map((r) => r.to.userId),
    ).toEqual(['e-1', 'e-2']);
    // No expert seated yet: the office, which seats the panel (and its mailbox).
    const unseated = notificationsForAlert({ stage: 'expert_review', kind: 'reminder', dueAt: '2031-04-20T16:00:00Z', experts: [] }, file, policy);
    expect(unseated.map((r) => [r.channel, r.to.role])).toEqual([
      ['console', 'union_office'],
      ['email', 'union_office'],
    ]);
  });

  it('each inspector of a new batch, once', () => {
    const rows = notificationsForBatch({ id: 'b-1', name: '第一批', plannedOn: '2031-04-18', roundId: null, members: ['i-1', 'i-2', 'i-1'], candidates: 3 });
    expect(rows.map((r) => r.key)).toEqual(['assignment:batch:b-1:i-1', 'assignment:batch:b-1:i-2']);
  });
});

describe('channels', () => {
  it('Aliyun SMS: a signed SendSms the provider accepts; a provider code is an error naming it', async () => {
    const standIn = await aliyunSmsStandIn();
    try {
      const sms = new AliyunSms({
        provider: 'aliyun',
        accessKeyId: SMS_KEY.id,
        accessKeySecret: SMS_KEY.secret,
        signName: '瓯海区总工会',
        templateCode: 'SMS_1',
        apiBase: standIn.base,
        timeoutMs: 2000,
      });
      await sms.send({ id: 'n', kind: 'returned', text: '您推荐的候选人“王建国”的申报材料被退回补充', contact: '13812345678' });
      expect(standIn.state.sent).toEqual([{ phone: '13812345678', text: '您推荐的候选人“王建国”的申报材料被退回补充', template: 'SMS_1', sign: '瓯海区总工会' }]);
      standIn.state.mode = 'refuse';
      await expect(sms.send({ id: 'n', kind: 'returned', text: 'x', contact: '13812345678' })).rejects.toThrow(/isv.BUSINESS_LIMIT_CONTROL/);
      const wrongKey = new AliyunSms({
        provider: 'aliyun',
        accessKeyId: SMS_KEY.id,
        accessKeySecret: 'wrong',
        signName: 's',
        templateCode: 't',
        apiBase: standIn.base,
        timeoutMs: 2000,
      });
      standIn.state.mode = 'ok';
      await expect(wrongKey.send({ id: 'n', kind: 'returned', text: 'x', contact: '13812345678' })).rejects.toThrow(/SignatureDoesNotMatch/);
    } finally {
      await standIn.close();
    }
  });

  it('SMTP: AUTH PLAIN, one message in UTF-8 with a Chinese subject; a refused login is an error', async () => {
    const standIn = await smtpStandIn();
    const cfg = {
      provider: 'smtp' as const,
      host: '127.0.0.1',
      port: standIn.port,
      tls: 'none' as const,
      user: 'notify',
      pass: 'smtp-pass',
      from: 'notify@example.gov.cn',
      timeoutMs: 2000,
    };
    try {
      await new SmtpMail(cfg).send({ id: 'n', kind: 'escalation', text: '候选人“王建国”的“资格审核”已逾期，请尽快处理。', contact: 'office@example.gov.cn' });
      expect(standIn.state.mails).toHaveLength(1);
      const [mail] = standIn.state.mails;
      expect([mail.from, mail.to]).toEqual(['notify@example.gov.cn', ['office@example.gov.cn']]);
      const [head, body] = mail.data.split('\r\n\r\n');
      expect(Buffer.from(/=\?UTF-8\?B\?(.*)\?=/.exec(head)![1], 'base64').toString()).toBe('【百名工匠大师】待办事项已逾期');
      expect(Buffer.from(body.replace(/\r\n/g, ''), 'base64').toString()).toBe('候选人“王建国”的“资格审核”已逾期，请尽快处理。');
      await expect(new SmtpMail({ ...cfg, pass: 'wrong' }).send({ id: 'n', kind: 'reminder', text: 'x', contact: 'a@b.c' })).rejects.toThrow(/SMTP 535/);
    } finally {
      await standIn.close();
    }
  });

  it('backs off by doubling, up to the ceiling', () => {
    const cfg = { backoffMs: 1000, maxBackoffMs: 5000 };
    expect([1, 2, 3, 4].map((n) => backoffAfter(n, cfg))).toEqual([1000, 2000, 4000, 5000]);
  });

  it('configuration: a provider needs its keys, named without their values', () => {
    const bad = () =>
      config({
        SMS_PROVIDER: 'aliyun',
        SMS_ACCESS_KEY_SECRET: 'top-secret',
        SMS_API_BASE: 'dysmsapi.aliyuncs.com',
        SMTP_HOST: 'smtp.example',
        NOTIFY_EMAIL_TO: 'nobody:x',
        NOTIFY_SMS_SELF_NOMINATED: 'yes',
      });
    expect(bad).toThrow(ConfigError);
    try {
      bad();
    } catch (err) {
      const text = (err as Error).message;
      expect(text).toContain('SMS_ACCESS_KEY_ID is required when SMS_PROVIDER is aliyun');
      expect(text).toContain('SMTP_FROM is required');
      expect(text).toContain('NOTIFY_EMAIL_TO entries must be role:address');
      expect(text).toContain("SMS_API_BASE must be an http(s) URL without query or credentials (got 'dysmsapi.aliyuncs.com')");
      expect(text).toContain("NOTIFY_SMS_SELF_NOMINATED must be 'true' or 'false' (got 'yes')");
      expect(text).not.toContain('top-secret');
    }
    expect(config().notify).toMatchObject({ sms: { provider: 'dev' }, email: { provider: 'dev' }, maxAttempts: 6, smsSelfNominated: true });
  });
});
