import { createHash } from 'node:crypto';

/**
 * The audit log's hash chain: each row's hash covers the previous row's hash and a canonical
 * serialisation of the row, so an edited, deleted or reordered row breaks the chain at that row.
 * The algorithm is per row (SHA-256 by default, SM3 for deployments on the national suite), so
 * switching it by configuration leaves the rows already written verifiable.
 */
export const HASH_ALGORITHMS = ['sha256', 'sm3'] as const;
export type HashAlgorithm = (typeof HASH_ALGORITHMS)[number];

/** The hash the first row chains to: 32 zero bytes, hex. */
export const GENESIS = '0'.repeat(64);

/** Who acted: the token's issuer, subject and role ('system' for the service itself, 'public' for anonymous callers). */
export interface AuditActor {
  issuer: string | null;
  userId: string | null;
  role: string | null;
}

/** What the caller appends. */
export interface AuditEntry {
  actor: AuditActor;
  action: string;
  /** The route pattern for HTTP requests, e.g. `POST /candidates/:id/decisions`. */
  route?: string | null;
  objectType?: string | null;
  objectId?: string | null;
  candidateId?: string | null;
  roundId?: string | null;
  /** The HTTP status answered (or null for what is not a request). */
  status?: number | null;
  detail?: Record<string, unknown>;
}

/** A row as stored: the entry with its place in the chain. */
export interface AuditRow {
  id: string;
  at: string;
  alg: HashAlgorithm;
  actor: AuditActor;
  action: string;
  route: string | null;
  objectType: string | null;
  objectId: string | null;
  candidateId: string | null;
  roundId: string | null;
  status: number | null;
  detail: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/**
 * JSON with object keys sorted at every depth and nothing else varying: PostgreSQL's jsonb reorders
 * keys, so the form hashed must not depend on their order.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
  return JSON.stringify(value);
}

/** Every field of the row but its hashes, in one canonical form. */
export function canonicalRow(row: Omit<AuditRow, 'prevHash' | 'hash'>): string {
  const { id, at, alg, actor, action, route, objectType, objectId, candidateId, roundId, status, detail } = row;
  return canonicalJson({
    id,
    at,
    alg,
    actor: { issuer: actor.issuer, userId: actor.userId, role: actor.role },
    action,
    route,
    objectType,
    objectId,
    candidateId,
    roundId,
    status,
    detail,
  });
}

export function rowHash(prevHash: string, row: Omit<AuditRow, 'prevHash' | 'hash'>): string {
  return createHash(row.alg).update(prevHash).update('\n').update(canonicalRow(row)).digest('hex');
}

/**
 * Checks rows in chain order, a batch at a time: each row must name the previous row's hash and
 * carry the hash of its own content. `feed` returns the id of the first row that fails, or null.
 */
export class ChainVerifier {
  private prev = GENESIS;
  rows = 0;
  firstBrokenRow: string | null = null;

  feed(batch: AuditRow[]): string | null {
    for (const row of batch) {
      this.rows++;
      // Past the first broken row the rest are only counted: everything after it is suspect anyway.
      if (this.firstBrokenRow === null && (row.prevHash !== this.prev || rowHash(row.prevHash, row) !== row.hash)) this.firstBrokenRow = row.id;
      this.prev = row.hash;
    }
    return this.firstBrokenRow;
  }

  get headHash(): string {
    return this.prev;
  }
}
