import { Catch, HttpException, Inject, Injectable, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuditLog } from '../../../../libs/audit';
import { APP_CONFIG, type AppConfig } from '../../../../libs/config';
import { AUDITED_REFUSALS, isAudited, refusalEntry, routeOf } from '../audit/audit-entry';
import { UnroutedRefusals } from '../audit/unrouted-refusals';
import { codeForStatus, isRefusalCode } from './refusal-codes';

const log = new Logger('HTTP');

/**
 * Known HTTP errors pass through, and so do the body parser's (a body over its limit is a 413,
 * unreadable JSON a 400); anything else is logged (message only: no payloads) and becomes a 500.
 * Every answer carries a stable `code` (refusal-codes.ts): the one the refusal named, else its status's.
 */
export function errorAnswer(err: unknown): { status: number; body: object } {
  const { status, body } = plainAnswer(err);
  const named = (body as { code?: unknown }).code;
  return { status, body: { ...body, code: isRefusalCode(named) ? named : codeForStatus(status) } };
}

function plainAnswer(err: unknown): { status: number; body: object } {
  if (err instanceof HttpException) {
    const body = err.getResponse();
    return { status: err.getStatus(), body: typeof body === 'string' ? { statusCode: err.getStatus(), message: body } : body };
  }
  const parser = err as { expose?: boolean; status?: number; message?: string };
  if (parser.expose === true && typeof parser.status === 'number' && parser.status >= 400 && parser.status < 500) {
    return { status: parser.status, body: { statusCode: parser.status, message: parser.message } };
  }
  log.error(err instanceof Error ? `${err.name}: ${err.message}` : 'unknown error');
  return { status: 500, body: { statusCode: 500, message: 'internal error' } };
}

/** Answered after an await: a failure here would be an unhandled rejection, so it is logged instead. */
function answer(res: Response, status: number, body: object): void {
  try {
    if (!res.headersSent) res.status(status).json(body);
  } catch (e) {
    log.error(`error answer failed: ${e instanceof Error ? e.message : 'unknown error'}`);
  }
}

/**
 * Answers every error, and appends each refusal (401, 403, 404, 409, 422, 400, 413) to the audit log
 * before answering: of a known route with what it was asked, and of a request no route matched (an
 * unknown path, a body the parser refused) with its method and path alone (UnroutedRefusals). A
 * refusal changed nothing, so should the append fail it is still answered as it was, and the
 * failure logged.
 */
@Injectable()
@Catch()
export class ErrorsFilter implements ExceptionFilter {
  private readonly unrouted: UnroutedRefusals;

  constructor(
    private readonly audit: AuditLog,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.unrouted = new UnroutedRefusals(config);
  }

  catch(err: unknown, host: ArgumentsHost): void {
    const { status, body } = errorAnswer(err);
    const http = host.switchToHttp();
    const res = http.getResponse<Response>();
    void this.recordRefusal(http.getRequest<Request>(), status, body).then(() => answer(res, status, body));
  }

  private async recordRefusal(req: Request, status: number, body: object): Promise<void> {
    if (!AUDITED_REFUSALS.has(status)) return;
    const route = routeOf(req);
    if (route !== null && !isAudited(route)) return;
    try {
      const entry = route === null ? await this.unrouted.entry(req, status) : refusalEntry(req, route, status, body);
      if (entry) await this.audit.append(entry);
    } catch (e) {
      log.error(`audit append of a refusal failed: ${e instanceof Error ? e.message : 'unknown error'}`);
    }
  }
}
