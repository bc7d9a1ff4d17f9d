import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { AuditLog, type AuditEntry } from '../../libs/audit';
import { AUDIT_LOG_DDL } from '../../libs/db/migrations/1764350000000-audit-log';

jest.setTimeout(120_000);

/**
 * The chain on real PostgreSQL, in a schema of its own: this suite breaks the chain on purpose
 * (with the triggers disabled, as the superuser), which must never touch the log the other suites
 * and the API write.
 */
describe('audit log on PostgreSQL', () => {
  const schema = `audit_chain_${randomBytes(4).toString('hex')}`;
  let admin: Pool;
  let pool: Pool;
  let log: AuditLog;

  beforeAll(async () => {
    admin = new Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
    await admin.query(`CREATE SCHEMA ${schema}`);
    pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 8, options: `-c search_path=${schema}` });
    for (const sql of AUDIT_LOG_DDL) await pool.query(sql);
    log = new AuditLog(pool);
  });
  afterAll(async () => {
    await pool?.end();
    await admin?.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin?.end();
  });

  const entry = (writer: number, i: number): AuditEntry => ({
    actor: { issuer: 'local', userId: `writer-${writer}`, role: 'union_office' },
    action: 'POST /candidates/:id/decisions',
    route: 'POST /candidates/:id/decisions',
    objectType: 'candidate',
    objectId: '6f1c2d3e-0000-4000-8000-000000000001',
    candidateId: '6f1c2d3e-0000-4000-8000-000000000001',
    status: 200,
    detail: { body: { stage: 'qualification', outcome: 'approve', reason: `第${i}次 ${writer}`, nested: { b: 2, a: [1, '王'] } } },
  });

  /** Runs `sql` with the append-only triggers off, as only a superuser can, then turns them on again. */
  async function tamper(sql: string, values: unknown[] = []): Promise<void> {
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      await c.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change');
      await c.query(sql, values);
      await c.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change');
      await c.query('COMMIT');
    } finally {
      c.release();
    }
  }

  const raw = async (id: number) => (await pool.query(`SELECT * FROM audit_log WHERE id = $1`, [id])).rows[0] as Record<string, unknown>;
  /** Puts rows back exactly as they were (triggers off), so each tampering is checked on an intact chain. */
  async function restore(rows: Array<Record<string, unknown>>): Promise<void> {
    const ids = rows.map((r) => r.id);
    const cols = Object.keys(rows[0]);
    await tamper(`DELETE FROM audit_log WHERE id = ANY($1::bigint[])`, [ids]);
    for (const r of rows)
      await pool.query(
        `INSERT INTO audit_log (${cols.join(',')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(',')})`,
        cols.map((c) => r[c]),
      );
  }

  const rate = (n: number, ms: number) => Math.round(n / (ms / 1000));

  it('keeps one unbroken chain under 4 concurrent writers × 500 appends, each its own process as far as the database sees', async () => {
    // Four logs on four pools: like four API instances, they line up on the database's append lock alone.
    const writers = [1, 2, 3, 4].map(() => new Pool({ connectionString: process.env.DATABASE_URL, max: 2, options: `-c search_path=${schema}` }));
    const started = Date.now();
    try {
      await Promise.all(
        writers.map(async (p, w) => {
          const own = new AuditLog(p);
          for (let i = 0; i < 500; i++) await own.append(entry(w + 1, i));
        }),
      );
    } finally {
      await Promise.all(writers.map((p) => p.end()));
    }
    console.log(`audit append, 4 writers on separate connections: ${rate(2000, Date.now() - started)} rows/s`);

    const result = await log.verify(300);
    expect(result).toEqual({ ok: true, rows: 2000, firstBrokenRow: null, headHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(await log.digest()).toMatchObject({ rows: 2000, headHash: result.headHash });
    const perWriter = await pool.query(`SELECT actor_user_id, count(*)::int AS n FROM audit_log GROUP BY 1 ORDER BY 1`);
    expect(perWriter.rows).toEqual([1, 2, 3, 4].map((w) => ({ actor_user_id: `writer-${w}`, n: 500 })));
  });

  it('appends cheaply: one writer, and one log shared by 4 concurrent requests (their rows share a commit)', async () => {
    let started = Date.now();
    for (let i = 0; i < 200; i++) await log.append(entry(0, i));
    const single = rate(200, Date.now() - started);
    started = Date.now();
    await Promise.all(
      [5, 6, 7, 8].map(async (w) => {
        for (let i = 0; i < 250; i++) await log.append(entry(w, i));
      }),
    );
    console.log(`audit append: ${single} rows/s one writer; ${rate(1000, Date.now() - started)} rows/s 4 concurrent writers through one log`);
    expect(await log.verify()).toMatchObject({ ok: true, rows: 3200, firstBrokenRow: null });
  });

  it('catches an edited row at that row', async () => {
    const row = await raw(700);
    await tamper(`UPDATE audit_log SET detail = jsonb_set(detail, '{body,outcome}', '"reject"') WHERE id = 700`);
    expect(await log.verify()).toMatchObject({ ok: false, firstBrokenRow: '700' });
    await restore([row]);
    expect((await log.verify()).ok).toBe(true);
  });

  it('catches a deleted row at the row after it', async () => {
    const row = await raw(1200);
    await tamper(`DELETE FROM audit_log WHERE id = 1200`);
    expect(await log.verify()).toMatchObject({ ok: false, firstBrokenRow: '1201', rows: 3199 });
    await restore([row]);
    expect((await log.verify()).ok).toBe(true);
  });

  it('catches two swapped rows at the first of them', async () => {
    const [a, b] = [await raw(1500), await raw(1501)];
    // Each row's content under the other's id (prev_hash is unique, so the swap goes through a third value).
    const content = Object.keys(a).filter((c) => c !== 'id');
    const set = content.map((c, i) => `${c} = $${i + 2}`).join(', ');
    await tamper(`UPDATE audit_log SET prev_hash = 'swap' WHERE id = 1500`);
    await tamper(`UPDATE audit_log SET ${set} WHERE id = $1`, [1501, ...content.map((c) => a[c])]);
    await tamper(`UPDATE audit_log SET ${set} WHERE id = $1`, [1500, ...content.map((c) => b[c])]);
    expect(await log.verify()).toMatchObject({ ok: false, firstBrokenRow: '1500', rows: 3200 });
    await restore([a, b]);
    expect((await log.verify()).ok).toBe(true);
  });

  it('refuses UPDATE, DELETE and TRUNCATE from the application', async () => {
    await expect(pool.query(`UPDATE audit_log SET status = 500 WHERE id = 1`)).rejects.toThrow('audit_log is append-only: UPDATE refused');
    await expect(pool.query(`DELETE FROM audit_log WHERE id = 1`)).rejects.toThrow('audit_log is append-only: DELETE refused');
    await expect(pool.query(`TRUNCATE audit_log`)).rejects.toThrow('audit_log is append-only: TRUNCATE refused');
    expect(await log.verify()).toMatchObject({ ok: true, rows: 3200 });
  });

  it('goes on with SM3 when the configuration switches, the SHA-256 rows before it still verifying', async () => {
    const sm3 = new AuditLog(pool, 'sm3');
    for (let i = 0; i < 3; i++) await sm3.append(entry(9, i));
    expect(await log.verify()).toMatchObject({ ok: true, rows: 3203, firstBrokenRow: null });
    const algs = await pool.query(`SELECT alg, count(*)::int AS n FROM audit_log GROUP BY alg ORDER BY alg`);
    expect(algs.rows).toEqual([
      { alg: 'sha256', n: 3200 },
      { alg: 'sm3', n: 3 },
    ]);
  });
});
