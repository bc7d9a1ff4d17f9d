import type { Pool, QueryResult } from 'pg';
import type { DataSource } from 'typeorm';
import { ChainVerifier, GENESIS, rowHash, type AuditEntry, type AuditRow, type HashAlgorithm } from './chain';

/**
 * One lock for every writer of the chain, in every process: reading the head and inserting the row
 * after it happen under it, in one transaction, so concurrent appends line up one after another.
 * ('AUDT' as a number: an advisory lock key nobody else uses.)
 */
const APPEND_LOCK = 0x41554454;
/** Most rows one transaction appends. */
const MAX_BATCH = 200;

const COLUMNS = `id::text, at, alg, actor_issuer, actor_user_id, actor_role, action, route, object_type, object_id,
  candidate_id::text, round_id::text, status, detail, prev_hash, hash`;

interface DbRow {
  id: string;
  at: Date;
  alg: HashAlgorithm;
  actor_issuer: string | null;
  actor_user_id: string | null;
  actor_role: string | null;
  action: string;
  route: string | null;
  object_type: string | null;
  object_id: string | null;
  candidate_id: string | null;
  round_id: string | null;
  status: number | null;
  detail: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

/** Inserts rows given as a JSON array of AuditRow (`json`: a parameter or an escaped literal). */
const INSERT_ROWS = (json: string) =>
  `INSERT INTO audit_log (id, at, alg, actor_issuer, actor_user_id, actor_role, action, route, object_type, object_id,
                         candidate_id, round_id, status, detail, prev_hash, hash)
   SELECT id, at, alg, actor->>'issuer', actor->>'userId', actor->>'role', action, route, "objectType", "objectId",
          "candidateId", "roundId", status, detail, "prevHash", hash
     FROM jsonb_to_recordset(${json}::jsonb)
       AS x(id bigint, at timestamptz, alg text, actor jsonb, action text, route text, "objectType" text, "objectId" text,
            "candidateId" uuid, "roundId" uuid, status int, detail jsonb, "prevHash" text, hash text)`;

const fromDb = (r: DbRow): AuditRow => ({
  id: r.id,
  at: r.at.toISOString(),
  alg: r.alg,
  actor: { issuer: r.actor_issuer, userId: r.actor_user_id, role: r.actor_role },
  action: r.action,
  route: r.route,
  objectType: r.object_type,
  objectId: r.object_id,
  candidateId: r.candidate_id,
  roundId: r.round_id,
  status: r.status,
  detail: r.detail,
  prevHash: r.prev_hash,
  hash: r.hash,
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The look-up columns hold ids only; anything else (a malformed id in a refused URL) stays in the detail. */
const uuidOrNull = (v: string | null | undefined) => (v && UUID.test(v) ? v.toLowerCase() : null);

/** The pg pool under a TypeORM data source: appends take one client for their short transaction. */
export function poolOf(ds: DataSource): Pool {
  return (ds.driver as unknown as { master: Pool }).master;
}

interface Head {
  ids: string[];
  at: Date;
  prev: string | null;
}

/** The next `n` ids, the time, and the chain's head hash (read in the append lock). */
function headSql(n: number): string {
  return `SELECT array(SELECT nextval(pg_get_serial_sequence('audit_log', 'id')) FROM generate_series(1, ${Number(n)}) ORDER BY 1)::text[] AS ids,
                 date_trunc('milliseconds', clock_timestamp()) AS at,
                 (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1) AS prev`;
}

export interface AuditFilter {
  candidateId?: string;
  roundId?: string;
}

/** The append-only, hash-chained audit log in PostgreSQL (table `audit_log`, migration 1764350000000). */
export class AuditLog {
  constructor(
    private readonly pool: Pool,
    readonly alg: HashAlgorithm = 'sha256',
  ) {}

  /**
   * Appends one row after the chain's head; resolves once it is committed. Appends that arrive while
   * a transaction is in flight go together in the next one (group commit), so concurrent requests
   * share a commit instead of queueing for one each on the lock.
   */
  append(entry: AuditEntry): Promise<AuditRow> {
    return new Promise<AuditRow>((resolve, reject) => {
      this.queue.push({ entry, resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  private readonly queue: Array<{ entry: AuditEntry; resolve: (row: AuditRow) => void; reject: (err: unknown) => void }> = [];
  private draining = false;

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          const rows = await this.write(batch.map((p) => p.entry));
          batch.forEach((p, i) => p.resolve(rows[i]));
        } catch (err) {
          if (batch.length === 1) batch[0].reject(err);
          // One entry the database refuses must not fail the others that shared its transaction.
          else for (const p of batch) await this.write([p.entry]).then(([row]) => p.resolve(row), p.reject);
        }
      }
    } finally {
      this.draining = false;
    }
  }

  /** The rows after the head, in one transaction under the append lock: two round trips. */
  private async write(entries: AuditEntry[]): Promise<AuditRow[]> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      // One round trip (simple protocol, the count inlined: a number of ours): BEGIN, the lock, then
      // the ids and the head, read by a statement of its own so that it sees the last holder's commit.
      const results = (await client.query(`BEGIN; SELECT pg_advisory_xact_lock(${APPEND_LOCK}); ${headSql(entries.length)}`)) as unknown as Array<QueryResult<Head>>;
      const rows = this.chain(results[2].rows[0], entries);
      // The second: the rows, as one escaped JSON literal (the simple protocol takes no parameters), and the commit.
      await client.query(`${INSERT_ROWS(client.escapeLiteral(JSON.stringify(rows)))}; COMMIT`);
      return rows;
    } catch (err) {
      await client.query('ROLLBACK').catch((e: Error) => (broken = e));
      throw err;
    } finally {
      // A connection that could not even roll back is not handed to anyone else.
      client.release(broken);
    }
  }

  /**
   * Appends inside the caller's transaction (its `query`), so the row commits — or rolls back — with
   * what it records: exactly once, whatever retries. The append lock is held until that transaction ends.
   */
  async appendWithin(query: (sql: string, params?: unknown[]) => Promise<unknown>, entry: AuditEntry): Promise<AuditRow> {
    await query(`SELECT pg_advisory_xact_lock(${APPEND_LOCK})`);
    const [head] = (await query(headSql(1))) as Head[];
    const rows = this.chain(head, [entry]);
    await query(INSERT_ROWS('$1'), [JSON.stringify(rows)]);
    return rows[0];
  }

  /** The entries as rows chained after the head. */
  private chain({ ids, at, prev }: Head, entries: AuditEntry[]): AuditRow[] {
    let prevHash = prev ?? GENESIS;
    return entries.map((entry, i): AuditRow => {
      const row: Omit<AuditRow, 'hash'> = {
        id: ids[i],
        at: at.toISOString(),
        alg: this.alg,
        actor: { issuer: entry.actor.issuer ?? null, userId: entry.actor.userId ?? null, role: entry.actor.role ?? null },
        action: entry.action,
        route: entry.route ?? null,
        objectType: entry.objectType ?? null,
        objectId: entry.objectId ?? null,
        candidateId: uuidOrNull(entry.candidateId),
        roundId: uuidOrNull(entry.roundId),
        status: entry.status ?? null,
        // Stored as jsonb and read back as it will be hashed when verified.
        detail: JSON.parse(JSON.stringify(entry.detail ?? {})),
        prevHash,
      };
      prevHash = rowHash(row.prevHash, row);
      return { ...row, hash: prevHash };
    });
  }

  /**
   * Recomputes the whole chain in id order, a batch at a time. Given an earlier digest's head
   * (`digest`), also says whether the row it named still carries that hash: with the chain intact,
   * nothing up to that row has changed since, and nothing was cut off after it.
   */
  async verify(
    batchSize = 5000,
    digest?: { headId: string; headHash: string },
  ): Promise<{ ok: boolean; rows: number; firstBrokenRow: string | null; headHash: string; digestMatches?: boolean }> {
    const verifier = new ChainVerifier();
    let digestMatches = false;
    let after = '0';
    for (;;) {
      const batch = await this.rowsAfter(after, batchSize);
      if (!batch.length) break;
      verifier.feed(batch);
      if (digest) digestMatches ||= batch.some((r) => r.id === digest.headId && r.hash === digest.headHash);
      after = batch[batch.length - 1].id;
    }
    const result = { ok: verifier.firstBrokenRow === null, rows: verifier.rows, firstBrokenRow: verifier.firstBrokenRow, headHash: verifier.headHash };
    return digest ? { ...result, digestMatches } : result;
  }

  /** The head of the chain as stored (not recomputed): what the district hands to an outside party. */
  async digest(): Promise<{ headHash: string; rows: number; headId: string | null; at: string }> {
    const { rows } = await this.pool.query<{ hash: string | null; id: string | null; rows: string; at: Date }>(
      `SELECT (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1) AS hash, (SELECT max(id)::text FROM audit_log) AS id,
              (SELECT count(*) FROM audit_log)::text AS rows, now() AS at`,
    );
    return { headHash: rows[0].hash ?? GENESIS, rows: Number(rows[0].rows), headId: rows[0].id, at: rows[0].at.toISOString() };
  }

  /** Rows of one candidate or one round (or both), oldest first. */
  async find(filter: AuditFilter): Promise<AuditRow[]> {
    const where: string[] = [];
    const values: unknown[] = [];
    if (filter.candidateId) where.push(`candidate_id = $${values.push(filter.candidateId)}`);
    if (filter.roundId) where.push(`round_id = $${values.push(filter.roundId)}`);
    const { rows } = await this.pool.query<DbRow>(`SELECT ${COLUMNS} FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY audit_log.id`, values);
    return rows.map(fromDb);
  }

  private async rowsAfter(after: string, limit: number): Promise<AuditRow[]> {
    const { rows } = await this.pool.query<DbRow>(`SELECT ${COLUMNS} FROM audit_log WHERE id > $1 ORDER BY audit_log.id LIMIT $2`, [after, limit]);
    return rows.map(fromDb);
  }
}
