import type { Request } from 'express';
import { redactText, type AuditEntry } from '../../../../libs/audit';
import type { AppConfig } from '../../../../libs/config';
import { tokenVerifierFor, type TokenVerifier } from '../../../../libs/security/token';
import { WindowCounter } from '../common/window-counter';
import { actorOf } from './audit-entry';

/** What each refusal before a route matched is, said in fixed words: the parser's own message may quote the body, Nest's the query string. */
const REASONS: Record<number, string> = {
  400: 'the request could not be read (its body or its path)',
  404: 'no route matches the path',
  413: 'the body is over its limit',
};

/** A path segment shown as it came: a plain id or word. Anything else (percent-encoded text, a name) is not. */
const PLAIN_SEGMENT = /^[A-Za-z0-9._~-]{1,64}$/;
const MAX_SEGMENTS = 12;

/** The path without its query string, each segment that is not a plain id or word (or looks like an ID number, a mobile or an account) redacted. */
export function auditedPath(path: string): string {
  const segments = path.split('/').slice(1);
  const shown = segments.slice(0, MAX_SEGMENTS).map((s) => (s === '' || (PLAIN_SEGMENT.test(s) && redactText(s) === s) ? s : '[redacted]'));
  const more = segments.length - MAX_SEGMENTS;
  return `/${shown.join('/')}${more > 0 ? `/…[${more} more segments]` : ''}`;
}

/**
 * Refusals of requests no route matched — an unknown path (404), a body over its limit (413) or
 * unreadable (400), refused by the body parser before routing — as audit rows: the method, the path
 * (no query string, no body), the status and a fixed reason. A bearer token is verified (by the guard's
 * own verifier, its keys and remembered tokens shared) only to name
 * who asked (it is not counted as a failed authentication, and is never kept); an unverified one
 * leaves the actor empty. Anyone can send such requests at no cost, so past AUTH_FAILURE_LIMIT in
 * AUTH_FAILURE_WINDOW from one client address the rest of that window goes unaudited; the row that
 * reaches the limit says so.
 */
export class UnroutedRefusals {
  private readonly verify: TokenVerifier;
  private readonly counts: WindowCounter;
  private readonly limit: number;

  constructor(config: AppConfig) {
    this.verify = tokenVerifierFor(config.auth);
    this.counts = new WindowCounter(config.auth.failures.windowMs);
    this.limit = config.auth.failures.limit;
  }

  /** The row to append, or null past the address's limit. */
  async entry(req: Request, status: number): Promise<AuditEntry | null> {
    const { n } = this.counts.hit(req.ip ?? req.socket.remoteAddress ?? 'unknown');
    if (n > this.limit) return null;
    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const claims = token ? await this.verify(token).catch(() => 'unverifiable') : undefined;
    const verified = claims && typeof claims === 'object' ? claims : undefined;
    return {
      actor: actorOf(verified, false),
      action: 'request.refused',
      route: null,
      status,
      detail: {
        method: req.method,
        path: auditedPath((req.originalUrl ?? req.url).split('?')[0]),
        reason: REASONS[status] ?? 'refused before a route matched',
        bearer: verified ? 'verified' : token ? 'unverified' : 'none',
        ...(n === this.limit && { suppressing: 'the limit of refusals from this address is reached: further ones this window are not audited' }),
      },
    };
  }
}
