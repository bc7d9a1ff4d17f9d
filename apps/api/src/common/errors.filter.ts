import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';

const log = new Logger('HTTP');

/**
 * Known HTTP errors pass through, and so do the body parser's (a body over its limit is a 413,
 * unreadable JSON a 400); anything else is logged (message only: no payloads) and becomes a 500.
 */
export function errorAnswer(err: unknown): { status: number; body: object } {
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

@Catch()
export class ErrorsFilter implements ExceptionFilter {
  catch(err: unknown, host: ArgumentsHost): void {
    const { status, body } = errorAnswer(err);
    host.switchToHttp().getResponse<Response>().status(status).json(body);
  }
}
