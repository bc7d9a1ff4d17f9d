import type { INestApplicationContext } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { RETENTION_SWEEP_WORKFLOW, retentionScheduleId, type RetentionSweepResultV1 } from '../../libs/contract';
import { encryptingDataConverter } from '../../libs/temporal/encryption-codec';
import { paperMaster } from '../support/masters';
import { client, eventually, nomination, startApi, startWorker, token } from '../support/service';
import { createLegacyRound, createRound, decide, idNumber, mobileNumber, openDb, streetUnion, type TestRound } from '../support/review-helpers';

jest.setTimeout(120_000);

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');
const RETENTION_MS = 4_000;

/**
 * Retention with a short period (PII_RETENTION=4s) on the real database and Temporal: the sweep erases
 * the not-named files past the period, and only those, and every view keeps answering for them.
 */
describe('retention of not-named candidates’ personal data (real Temporal dev server and PostgreSQL)', () => {
  const env = { TEMPORAL_TASK_QUEUE: `it-retention-${randomUUID()}`, PII_RETENTION: `${RETENTION_MS / 1000}s` };
  const tag = randomUUID().slice(0, 6);
  const office = token('union_office', `office-retention-${tag}`);
  const nominator = token('nominator', `nom-retention-${tag}`);
  const xinqiao = streetUnion('xinqiao');
  let api: Awaited<ReturnType<typeof startApi>>;
  let worker: INestApplicationContext;
  let http: ReturnType<typeof client>;
  let db: DataSource;
  let temporal: Client;
  let legacy: TestRound;
  let live: TestRound;

  interface Filed {
    id: string;
    idNumber: string;
  }

  async function nominate(round: TestRound, name: string): Promise<Filed> {
    const form = nomination({ idNumber: idNumber(), mobile: mobileNumber(), roundId: round.roundId, channel: 'organisational', area: 'xinqiao', name });
    const res = await http.post('/nominations', form, nominator);
    if (res.status !== 201) throw new Error(`nomination: ${res.status} ${JSON.stringify(res.body)}`);
    return { id: res.body.candidateId, idNumber: form.idNumber as string };
  }

  async function rejected(round: TestRound, name: string): Promise<Filed> {
    const filed = await nominate(round, name);
    const form = new FormData();
    form.append('kind', 'id_proof');
    form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'id-card.pdf');
    const up = await fetch(`${api.url}/candidates/${filed.id}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${nominator}` }, body: form });
    expect(up.status).toBe(201);
    expect((await decide(http, filed.id, 'endorsement', { outcome: 'reject', reason: '不符合推荐条件' }, xinqiao)).status).toBe(200);
    await eventually(
      () => db.query('SELECT status FROM candidate_status WHERE candidate_id = $1', [filed.id]),
      (rows: Array<{ status: string }>) => rows[0]?.status === 'rejected',
    );
    return filed;
  }

  const sweep = () =>
    temporal.workflow.execute<() => Promise<RetentionSweepResultV1>>(RETENTION_SWEEP_WORKFLOW, {
      taskQueue: env.TEMPORAL_TASK_QUEUE,
      workflowId: `it-retention-sweep-${randomUUID()}`,
    });

  const row = async (id: string) =>
    (
      await db.query(
        `SELECT id_number_cipher, id_number_index, mobile_cipher, home_address_cipher, erased_at,
                (SELECT bool_and(form ? 'sealed') FROM candidate_versions v WHERE v.candidate_id = c.id) AS versions_sealed,
                (SELECT bool_and(content IS NULL) FROM attachments a WHERE a.candidate_id = c.id) AS attachments_gone
           FROM candidates c WHERE id = $1`,
        [id],
      )
    )[0];

  beforeAll(async () => {
    worker = await startWorker(env);
    api = await startApi(env);
    http = client(api.url);
    db = await openDb();
    const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS! });
    temporal = new Client({ connection, namespace: api.config.temporal.namespace, dataConverter: encryptingDataConverter(api.config.pii) });
    legacy = await createLegacyRound(db);
    live = await createRound(http);
  });
  afterAll(async () => {
    await db?.query(`UPDATE rounds SET nomination_closes_at = now() WHERE id = ANY($1) AND nomination_closes_at > now()`, [[legacy?.roundId, live?.roundId]]);
    await temporal?.schedule
      .getHandle(retentionScheduleId(env.TEMPORAL_TASK_QUEUE))
      .delete()
      .catch(() => undefined);
    await temporal?.connection.close();
    await db?.destroy();
    await api?.close();
    await worker?.close();
  });

  let old: Filed, recent: Filed, inOpenRound: Filed, master: string;

  it('the worker creates the daily sweep’s Schedule once, overlap SKIP, and a second worker finds it', async () => {
    const described = await temporal.schedule.getHandle(retentionScheduleId(env.TEMPORAL_TASK_QUEUE)).describe();
    expect(described.policies.overlap).toBe('SKIP');
    expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: RETENTION_SWEEP_WORKFLOW, taskQueue: env.TEMPORAL_TASK_QUEUE });
    expect(described.spec.timezone).toBe('Asia/Shanghai');
    const second = await startWorker(env);
    await second.close();
  });

  it('erases a not-named file past the period, and leaves a recent one, one whose round is open and a named master', async () => {
    old = await rejected(legacy, `逾期${tag}`);
    inOpenRound = await rejected(live, `在办${tag}`);
    const imported = await http.post(
      '/masters/import',
      {
        masters: [paperMaster({ name: `大师${tag}` })],
      },
      office,
    );
    expect(imported.status).toBe(201);
    master = imported.body.imported[0].candidateId;
    await new Promise((r) => setTimeout(r, RETENTION_MS + 500)); // a wall-clock period: the sweep reads PostgreSQL's now()
    recent = await rejected(legacy, `新近${tag}`);

    const result = await sweep();
    expect(result.erased).toBeGreaterThanOrEqual(1);

    const erased = await row(old.id);
    expect(erased).toMatchObject({ id_number_cipher: null, id_number_index: `erased:${old.id}`, mobile_cipher: null, home_address_cipher: null });
    expect(erased.erased_at).not.toBeNull();
    expect(erased.versions_sealed).toBe(false);
    expect(erased.attachments_gone).toBe(true);
    // The erasure is on the audit chain, under the sweep, naming what went.
    const [audited] = await db.query(`SELECT actor_user_id, detail FROM audit_log WHERE action = 'personal_data_erased' AND candidate_id = $1`, [old.id]);
    expect(audited).toMatchObject({ actor_user_id: 'retention-sweep', detail: { erased: expect.arrayContaining(['idNumber', 'mobile', 'homeAddress']) } });
    for (const kept of [recent.id, inOpenRound.id, master]) {
      const r = await row(kept);
      expect(r.erased_at).toBeNull();
      expect(r.id_number_cipher).toMatch(/^(v1|s1)\./);
    }
    expect((await row(recent.id)).versions_sealed).toBe(true);
  });

  it('keeps the erased file answering: the candidate view, the list and its attachments, ids and decisions intact', async () => {
    const view = await http.get(`/candidates/${old.id}`, office);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ candidateId: old.id, status: 'rejected', idNumber: null, mobile: null, homeAddress: null, erased: true });
    expect(view.body.decisions.map((d: { outcome: string }) => d.outcome)).toEqual(['reject']);
    const kept = await http.get(`/candidates/${recent.id}`, office);
    expect(kept.body).toMatchObject({ idNumber: recent.idNumber, erased: false });

    const list = await http.get(`/candidates?roundId=${legacy.roundId}`, token('auditor'));
    expect(list.status).toBe(200);
    const items = new Map(list.body.items.map((i: { id: string }) => [i.id, i]));
    expect(items.get(old.id)).toMatchObject({ idNumber: null, erased: true });
    expect(items.get(recent.id)).toMatchObject({ erased: false });
    const csv = await fetch(`${api.url}/candidates/export.csv?roundId=${legacy.roundId}`, { headers: { authorization: `Bearer ${office}` } });
    expect(csv.status).toBe(200);
    const line = (await csv.text()).split('\n').find((l) => l.includes(`逾期${tag}`));
    expect(line).toContain('已删除（保存期满）');
    expect(line).not.toContain(old.idNumber);

    const docs = await http.get(`/candidates/${old.id}/attachments`, office);
    expect(docs.body).toEqual([expect.objectContaining({ kind: 'id_proof', erased: true })]);
    const gone = await fetch(`${api.url}/candidates/${old.id}/attachments/${docs.body[0].id}`, { headers: { authorization: `Bearer ${office}` } });
    expect(gone.status).toBe(410);
  });

  it('no longer matches the person by ID number: the same person may be nominated again in that round', async () => {
    const again = nomination({ idNumber: old.idNumber, mobile: mobileNumber(), roundId: legacy.roundId, channel: 'organisational', area: 'xinqiao', name: `再荐${tag}` });
    const renominated = await http.post('/nominations', again, nominator);
    expect(renominated.status).toBe(201);
    // The access-request export finds the person by the blind index: only the new file now.
    const held = await http.post('/persons/export', { idNumber: old.idNumber }, office);
    expect(held.body.files.map((f: { candidateId: string }) => f.candidateId)).toEqual([renominated.body.candidateId]);
  });

  it('erases a file in a workflow round once that round has been closed for the period, and is idempotent', async () => {
    expect((await row(inOpenRound.id)).erased_at).toBeNull();
    // The round workflow records `closed_at` when it reaches phase `closed` (round.store); here a round closed a while ago.
    await db.query(`UPDATE rounds SET phase = 'closed', closed_at = now() - interval '1 minute' WHERE id = $1`, [live.roundId]);
    await sweep();
    expect((await row(inOpenRound.id)).erased_at).not.toBeNull();
    const before = await row(old.id);
    const again = await sweep();
    expect(again.erased).toBe(0);
    expect((await row(old.id)).erased_at).toEqual(before.erased_at);
    expect((await row(master)).erased_at).toBeNull();
  });
});
