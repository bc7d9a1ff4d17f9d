import { Injectable, Logger, ServiceUnavailableException, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import type { Request } from 'express';
import { mergeMap, Observable } from 'rxjs';
import { AuditLog, type AuditEntry } from '../../../../libs/audit';
import { isAudited, routeOf, writeEntry } from './audit-entry';
import { auditedWrite, type PiiShown } from './write-context';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const log = new Logger('Audit');

/**
 * Every successful write is appended to the audit log before it is answered, with any personal data
 * its reply shows in full (`detail.piiShown`). Should the append
 * fail, the caller gets a 503 saying the action was taken but not recorded, instead of a success
 * without its record; the entry goes to the service log, redacted as in the table, so it can be
 * appended by hand.
 */
@Injectable()
export class AuditTrail implements NestInterceptor {
  constructor(private readonly audit: AuditLog) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const req = ctx.switchToHttp().getRequest<Request>();
    const route = routeOf(req);
    if (!WRITES.has(req.method) || !isAudited(route)) return next.handle();
    const status = (Reflect.getMetadata(HTTP_CODE_METADATA, ctx.getHandler()) as number | undefined) ?? (req.method === 'POST' ? 201 : 200);
    // The handler runs on subscription: subscribing inside the write's context lets the reply's view note what it shows in full.
    let piiShown: PiiShown[] = [];
    const handled = new Observable<unknown>((subscriber) => {
      const { result, piiShown: shown } = auditedWrite.run(() => next.handle().subscribe(subscriber));
      piiShown = shown;
      return result;
    });
    return handled.pipe(
      mergeMap(async (reply: unknown) => {
        let entry: AuditEntry | undefined;
        try {
          entry = writeEntry(req, route!, status, reply, piiShown);
          await this.audit.append(entry);
        } catch (err) {
          log.error(`audit append failed (${err instanceof Error ? err.message : 'unknown error'}); entry not recorded: ${JSON.stringify(entry ?? route)}`);
          throw new ServiceUnavailableException('the action was taken but its audit record could not be written; read the object before repeating it');
        }
        return reply;
      }),
    );
  }
}
