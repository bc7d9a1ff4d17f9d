import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ReviewRepository } from '../../libs/db';
import { PiiCipher } from '../../libs/security/pii';
import { aliyunSmsStandIn } from '../support/notify-stand-ins';
import { approve, decide, idNumber, mobileNumber, type TestRound } from '../support/review-helpers';
import { startStack } from '../support/stack';
import { eventually, nomination, token, VISIT } from '../support/service';

jest.setTimeout(180_000);

interface Row {
  id: string;
  kind: string;
  channel: string;
  status: string;
  attempts: number;
  sent_via: string | null;
  last_error: string | null;
  contact_cipher: string | null;
  recipient_user_id: string | null;
  recipient_role: string | null;
  text_zh: string;
}

/**
 * The notification outbox end to end: a file returned through the API, the worker's status report
 * enqueuing in its own transaction, the worker's sender delivering through the in-console, dev and
 * SMS channels (Alibaba Cloud's SMS API played by a stand-in on 127.0.0.1), retries, and the
 * notification centre's API.
 */
describe('notifications (real Temporal dev server and PostgreSQL)', () => {
  const tag = randomUUID().slice(0, 8);
  const mailbox = `office-${tag}@example.gov.cn`;
  const env = {
    TEMPORAL_TASK_QUEUE: `it-notify-${randomUUID()}`,
    NOTIFY_POLL_INTERVAL: '200ms',
    NOTIFY_BACKOFF: '200ms',
    NOTIFY_MAX_BACKOFF: '1s',
    NOTIFY_MAX_ATTEMPTS: '3',
    // Every stage is "due within the lead" as it is entered: its reminder is raised at once.
    STAGE_REMINDER_LEAD: '3650d',
    NOTIFY_EMAIL_TO: `union_office:${mailbox}`,
  };
  let sms: Awaited<ReturnType<typeof aliyunSmsStandIn>>;
  let stack: Awaited<ReturnType<typeof startStack>>;
  let api: typeof stack.api;
  let http: typeof stack.http;
  let db: DataSource;
  let round: TestRound;

  beforeAll(async () => {
    sms = await aliyunSmsStandIn();
    stack = await startStack(env, { ...sms.env, SMS_API_BASE: sms.base, SMS_TIMEOUT_MS: '2000' });
    ({ api, http, db, round } = stack);
  });
  afterAll(async () => {
    await db?.query(`DROP TRIGGER IF EXISTS it_notify_refuse ON notifications`).catch(() => undefined);
    await stack?.close();
    await sms?.close();
  });

  /** A self-nominated file (the candidate is its own nominator, so its mobile is the nominator's), waiting on qualification. */
  async function selfNominated(nominator: string, mobile = mobileNumber()) {
    const name = `通知${randomUUID().slice(0, 6)}`;
    const res = await http.post('/nominations', nomination({ idNumber: idNumber(), mobile, roundId: round.roundId, channel: 'self', name }), nominator);
    expect(res.status).toBe(201);
    const candidateId: string = res.body.candidateId;
    await eventually(
      () => db.query(`SELECT status FROM candidate_status WHERE candidate_id = $1 AND stage = 'qualification'`, [candidateId]),
      (rows) => rows.length === 1,
    );
    return { candidateId, name, mobile };
  }

  const rowsOf = (candidateId: string, kind: string): Promise<Row[]> =>
    db.query(`SELECT * FROM notifications WHERE candidate_id = $1 AND kind = $2 ORDER BY channel`, [candidateId, kind]);
  const settled = (rows: Row[]) => rows.length > 0 && rows.every((r) => r.status !== 'pending');
  const returnFile = (candidateId: string) =>
    decide(http, candidateId, 'qualification', { outcome: 'return', reason: '缺少技能等级证书', missing: ['skill certificate'] });

  it('a returned file tells its nominator exactly once — in the console and by SMS — however often the report is written again', async () => {
    const nominator = token('nominator', `nom-${tag}`);
    const file = await selfNominated(nominator);
    expect((await returnFile(file.candidateId)).status).toBe(200);

    const rows = await eventually(
      () => rowsOf(file.candidateId, 'returned'),
      (r) => r.length === 2 && settled(r),
    );
    expect(rows.map((r) => [r.channel, r.status, r.sent_via, r.recipient_user_id])).toEqual([
      ['console', 'sent', 'console', `nom-${tag}`],
      ['sms', 'sent', 'aliyun-sms', `nom-${tag}`],
    ]);
    // The mobile is stored sealed, and reached the provider in clear.
    expect(rows[1].contact_cipher).not.toContain(file.mobile);
    expect(sms.state.sent.filter((m) => m.phone === file.mobile).map((m) => m.text)).toEqual([rows[1].text_zh.replace('{name}', file.name)]);
    // The name is put in as the row is read or sent: it is kept in `candidates` alone.
    expect(rows[0].text_zh).toContain('“{name}”的申报材料在“资格审核”阶段被退回补充');

    // The activity retried (the same report again, as Temporal would after a lost reply): nothing new.
    const [status] = await db.query(`SELECT seq, stage, status, due_at, score_centi, panel FROM candidate_status WHERE candidate_id = $1`, [file.candidateId]);
    expect(status.status).toBe('returned');
    const cipher = new PiiCipher(api.config.pii);
    const store = new ReviewRepository(db, { policy: api.config.notify, seal: (p) => cipher.encrypt(p) });
    const report = {
      candidateId: file.candidateId,
      seq: status.seq,
      stage: status.stage,
      status: status.status,
      dueAt: status.due_at && new Date(status.due_at).toISOString(),
      scoreCenti: status.score_centi,
      panel: status.panel,
    };
    await store.saveStatus(report);
    await store.saveStatus(report);
    expect(await rowsOf(file.candidateId, 'returned')).toHaveLength(2);

    // The nominator's notification centre: newest first, unread until read; nobody else's.
    const mine = await http.get('/notifications', nominator);
    expect(mine.status).toBe(200);
    const item = mine.body.items.find((n: { candidateId: string }) => n.candidateId === file.candidateId);
    expect(item).toMatchObject({ kind: 'returned', text: rows[0].text_zh.replace('{name}', file.name), read: false, roundId: round.roundId });
    expect(mine.body.unread).toBeGreaterThanOrEqual(1);
    expect((await http.post(`/notifications/${item.id}/read`, {}, token('nominator', `other-${tag}`))).status).toBe(404);
    expect((await http.get('/notifications', token('nominator', `other-${tag}`))).body).toEqual({ items: [], total: 0, unread: 0 });
    const read = await http.post(`/notifications/${item.id}/read`, {}, nominator);
    expect(read).toMatchObject({ status: 200, body: { id: item.id, read: true } });
    expect((await http.post(`/notifications/${item.id}/read`, {}, nominator)).status).toBe(200);
    expect((await http.get('/notifications', nominator)).body.unread).toBe(mine.body.unread - 1);
    expect((await http.post('/notifications/read', {}, nominator)).body).toEqual({ total: mine.body.total, unread: 0 });
  });

  it('the dev channel records the office mailbox’s reminder (sent, nothing leaves), and the office sees the reminder in its centre', async () => {
    const file = await selfNominated(token('nominator', `nom2-${tag}`));
    const rows = await eventually(
      () => rowsOf(file.candidateId, 'reminder'),
      (r) => r.length === 2 && settled(r),
    );
    expect(rows.map((r) => [r.channel, r.status, r.sent_via, r.recipient_role])).toEqual([
      ['console', 'sent', 'console', 'union_office'],
      ['email', 'sent', 'dev', 'union_office'],
    ]);
    expect(rows[1].contact_cipher).not.toContain('@');
    expect(new PiiCipher(api.config.pii).decrypt(rows[1].contact_cipher!)).toBe(mailbox);
    const office = await http.get('/notifications?limit=200', token('union_office', `office-${tag}`));
    expect(office.body.items.find((n: { id: string }) => n.id === rows[0].id)).toMatchObject({ kind: 'reminder', read: false });
    // Another role does not see the office's reminder.
    const inspector = await http.get('/notifications?limit=200', token('inspector', `insp-${tag}`));
    expect(inspector.body.items.some((n: { id: string }) => n.id === rows[0].id)).toBe(false);
  });

  it('a channel that keeps failing is tried again with a wait, then marked failed with its error; the console row is unaffected', async () => {
    sms.state.mode = 'refuse';
    try {
      const file = await selfNominated(token('nominator', `nom3-${tag}`));
      const before = sms.state.requests;
      expect((await returnFile(file.candidateId)).status).toBe(200);
      const rows = await eventually(
        () => rowsOf(file.candidateId, 'returned'),
        (r) => r.length === 2 && settled(r),
      );
      expect(rows.map((r) => [r.channel, r.status, r.attempts])).toEqual([
        ['console', 'sent', 1],
        ['sms', 'failed', 3],
      ]);
      expect(rows[1].last_error).toMatch(/isv\.BUSINESS_LIMIT_CONTROL/);
      expect(rows[1].last_error).not.toContain(file.mobile);
      expect(sms.state.requests - before).toBe(3);
    } finally {
      sms.state.mode = 'ok';
    }
  });

  it('an expert seated on a panel hears of it, once, in the console', async () => {
    const file = await selfNominated(token('nominator', `nom5-${tag}`));
    await approve(http, file.candidateId, 'qualification');
    await approve(http, file.candidateId, 'inspection', { visit: VISIT });
    const experts = [0, 1, 2, 3, 4].map((i) => ({ userId: `expert-${tag}-${i}`, employer: `评审单位${i}` }));
    expect((await http.post(`/candidates/${file.candidateId}/panel`, { experts }, token('union_office'))).status).toBe(200);
    const rows = await eventually(
      () => rowsOf(file.candidateId, 'assignment'),
      (r) => r.length === 5 && settled(r),
    );
    expect(rows.map((r) => r.recipient_user_id).sort()).toEqual(experts.map((e) => e.userId));
    const seen = await http.get('/notifications', token('expert', experts[0].userId));
    expect(seen.body.items.map((n: { kind: string; text: string }) => [n.kind, n.text])).toEqual([
      ['assignment', `您已被选为候选人“${file.name}”的评审专家，请登录系统按申报条件逐项评分。`],
    ]);
  });

  it('a decision is never refused because the outbox cannot be written; the notification follows once it can', async () => {
    const file = await selfNominated(token('nominator', `nom4-${tag}`));
    await db.query(`CREATE OR REPLACE FUNCTION it_notify_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'outbox unavailable'; END $$`);
    await db.query(`CREATE TRIGGER it_notify_refuse BEFORE INSERT ON notifications FOR EACH ROW EXECUTE FUNCTION it_notify_refuse()`);
    try {
      const started = Date.now();
      const res = await returnFile(file.candidateId);
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('returned');
      expect(Date.now() - started).toBeLessThan(10_000);
      await new Promise((r) => setTimeout(r, 1500));
      expect(await rowsOf(file.candidateId, 'returned')).toEqual([]);
    } finally {
      await db.query(`DROP TRIGGER IF EXISTS it_notify_refuse ON notifications`);
    }
    // The report is retried by Temporal until its transaction goes through: nothing is lost.
    const rows = await eventually(
      () => rowsOf(file.candidateId, 'returned'),
      (r) => r.length === 2 && settled(r),
      60_000,
    );
    expect(rows.map((r) => [r.channel, r.status])).toEqual([
      ['console', 'sent'],
      ['sms', 'sent'],
    ]);
  });
});
