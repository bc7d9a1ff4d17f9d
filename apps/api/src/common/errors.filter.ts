import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';

/**
 * Known HTTP errors pass through, and so do the body parser's (a body over its limit is a 413,
 * unreadable JSON a 400); anything else is logged (message only: no payloads) and becomes a 500.
 */
@Catch()
export class ErrorsFilter implements ExceptionFilter {
  private readonly log = new Logger('HTTP');

  catch(err: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (err instanceof HttpException) {
      const body = err.getResponse();
      res.status(err.getStatus()).json(typeof body === 'string' ? { statusCode: err.getStatus(), message: body } : body);
      return;
    }
    const parser = err as { expose?: boolean; status?: number; message?: string };
    if (parser.expose === true && typeof parser.status === 'number' && parser.status >= 400 && parser.status < 500) {
      res.status(parser.status).json({ statusCode: parser.status, message: parser.message });
      return;
    }
    this.log.error(err instanceof Error ? `${err.name}: ${err.message}` : 'unknown error');
    res.status(500).json({ statusCode: 500, message: 'internal error' });
  }
}
