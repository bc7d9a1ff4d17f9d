import type { Request } from 'express';
import { redact, redactText, type AuditActor, type AuditEntry } from '../../../../libs/audit';
import type { TokenClaims } from '../../../../libs/security/token';
import type { PiiShown } from './write-context';

/** The public vote is the route the public floods; the round's close of the vote is audited instead. */
const NOT_AUDITED = new Set(['POST /public/rounds/:id/votes']);

/** Refusals that are audited: the caller was turned away, or the rules refused the action. */
export const AUDITED_REFUSALS = new Set([400, 401, 403, 404, 409, 413, 422]);

/** What each route's `:id` names, by the path segment before it. */
const OBJECT_TYPES: Record<string, string> = {
  candidates: 'candidate',
  nominations: 'candidate',
  rounds: 'round',
  tasks: 'payment_task',
  objections: 'objection',
  'inspection-batches': 'inspection_batch',
  import: 'master_import',
  masters: 'candidate', // PATCH /masters/:id/register: a master is their file
  studios: 'studio',
  'studio-batches': 'studio_batch',
  competitions: 'competition',
  bases: 'training_base',
  courses: 'training_course',
  'set-asides': 'training_fund',
  spending: 'training_fund',
  benefits: 'benefit',
};

/** The reply's field naming an object a route created, by object type. */
const CREATED_ID: Record<string, string> = { candidate: 'candidateId', round: 'roundId', studio: 'studioId', studio_batch: 'batchId' };

type RequestWithClaims = Request & { claims?: TokenClaims };

/** An actor is the token's issuer, subject and role together; the local issuer until tokens name one. */
export function actorOf(claims: TokenClaims | undefined, isPublic = false): AuditActor {
  if (!claims) return isPublic ? { issuer: 'public', userId: null, role: 'public' } : { issuer: null, userId: null, role: null };
  const iss = (claims as TokenClaims & { iss?: unknown }).iss;
  return { issuer: typeof iss === 'string' && iss ? iss : 'local', userId: claims.sub, role: claims.role };
}

/** `POST /candidates/:id/decisions`, or null when no route matched (an unknown path). */
export function routeOf(req: Request): string | null {
  const path = (req.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? `${req.method} ${path}` : null;
}

export function isAudited(route: string | null): boolean {
  return route !== null && !NOT_AUDITED.has(route);
}

const idIn = (value: unknown, key: string): string | null => {
  const v = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return typeof v === 'string' ? v : null;
};

/** The object a route acts on (a created one named by the reply), and the candidate and round it concerns (from the path, else the reply or the body). */
function objectOf(route: string, req: Request, reply: unknown) {
  const segments = route.split(' ')[1].split('/').filter(Boolean);
  const at = segments.indexOf(':id');
  const segment = at > 0 ? segments[at - 1] : segments[segments.length - 1];
  const objectType = OBJECT_TYPES[segment] ?? segment;
  const created = CREATED_ID[objectType] ? idIn(reply, CREATED_ID[objectType]) : null;
  const objectId = at > 0 ? redactText(String(req.params.id)) : created;
  return {
    objectType,
    objectId,
    candidateId: objectType === 'candidate' ? objectId : (idIn(reply, 'candidateId') ?? idIn(req.body, 'candidateId')),
    roundId: objectType === 'round' ? objectId : (idIn(reply, 'roundId') ?? idIn(req.body, 'roundId')),
  };
}

/** The request as the log keeps it: route parameters other than the object's id (an attachment's, a month), the query and the body, redacted. */
function requestDetail(req: Request): Record<string, unknown> {
  const rest = Object.entries(req.params ?? {}).filter(([k]) => k !== 'id');
  return { params: nonEmpty(redact(Object.fromEntries(rest))), query: nonEmpty(redact(req.query)), body: nonEmpty(redact(req.body)) };
}

const nonEmpty = (v: unknown) => (v && typeof v === 'object' && Object.keys(v).length ? v : undefined);

const COUNTED_LISTS = new Set(['imported', 'unchanged', 'items', 'moved']);

/** How many of each list the reply holds (an import's `imported` and `unchanged`, a batch's items): their contents stay out. */
function listCounts(reply: unknown): Record<string, number> | undefined {
  if (!reply || typeof reply !== 'object') return undefined;
  const counts = Object.entries(reply)
    .filter(([k, v]) => COUNTED_LISTS.has(k) && Array.isArray(v))
    .map(([k, v]) => [k, (v as unknown[]).length]);
  return counts.length ? Object.fromEntries(counts) : undefined;
}

/** A successful write: the route, who, on what, the status answered and a redacted summary of the body. */
export function writeEntry(req: RequestWithClaims, route: string, status: number, reply: unknown, piiShown: PiiShown[] = []): AuditEntry {
  const result = ['id', 'candidateId', 'roundId', 'status', 'stage'].filter((k) => typeof idIn(reply, k) === 'string').map((k) => [k, idIn(reply, k)]);
  return {
    actor: actorOf(req.claims, true),
    action: route,
    route,
    ...objectOf(route, req, reply),
    status,
    detail: {
      ...requestDetail(req),
      result: result.length ? Object.fromEntries(result) : undefined,
      counts: listCounts(reply),
      piiShown: piiShown.length ? piiShown : undefined,
    },
  };
}

/**
 * Who was refused. The guard refuses a role (403) only after verifying the token, but before it sets
 * `req.claims`; for that refusal the token's own claims name the caller. A 401's token proved
 * nothing, so its claims are never read.
 */
function refusedActor(req: RequestWithClaims, status: number): AuditActor {
  if (req.claims || status !== 403) return actorOf(req.claims, false);
  const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  try {
    const claims = JSON.parse(Buffer.from(token?.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    const text = (v: unknown) => (typeof v === 'string' && v ? v.slice(0, 200) : null);
    return { issuer: text(claims.iss) ?? 'local', userId: text(claims.sub), role: text(claims.role) };
  } catch {
    return actorOf(undefined, false);
  }
}

/** A refused request: who tried what, on what, and the answer they got. */
export function refusalEntry(req: RequestWithClaims, route: string, status: number, answer: object): AuditEntry {
  const { message, fields } = answer as { message?: unknown; fields?: unknown };
  return {
    actor: refusedActor(req, status),
    action: 'request.refused',
    route,
    ...objectOf(route, req, undefined),
    status,
    detail: { ...requestDetail(req), message: typeof message === 'string' ? redactText(message) : redact(message), fields: redact(fields) ?? undefined },
  };
}
