import { HttpException, Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request, RequestHandler, Response } from 'express';
import multer, { MulterError } from 'multer';
import type { Observable } from 'rxjs';
import type { FieldError } from '../common/validation';
import { describeLimit } from './attachment-files';
import { ATTACHMENT_SETTINGS, type AttachmentSettings } from './attachment-settings';
import { fieldErrors } from './attachments.service';

/**
 * Parses the multipart body of an upload with multer, in memory, under hard limits: one file part
 * `file` of at most ATTACHMENT_MAX_BYTES (multer stops buffering as soon as it is passed), a few
 * short text fields. Every refusal is a 400 in the project's format, naming the field.
 */
@Injectable()
export class AttachmentUploadInterceptor implements NestInterceptor {
  private readonly parse: RequestHandler;

  constructor(@Inject(ATTACHMENT_SETTINGS) private readonly settings: AttachmentSettings) {
    this.parse = multer({
      storage: multer.memoryStorage(),
      limits: { fileSize: settings.maxBytes, files: 1, fields: 8, parts: 10, fieldSize: 1024, fieldNameSize: 100 },
    }).single('file');
  }

  async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = ctx.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    await new Promise<void>((resolve, reject) => this.parse(req, res, (err?: unknown) => (err ? reject(this.refusal(err)) : resolve())));
    return next.handle();
  }

  private refusal(err: unknown): HttpException {
    if (err instanceof HttpException) return err;
    if (err instanceof MulterError) return fieldErrors([this.problem(err)]);
    const message = err instanceof Error ? err.message : String(err);
    return fieldErrors([{ field: 'body', reason: `is not a well-formed multipart/form-data body (${message})` }]);
  }

  private problem(err: MulterError): FieldError {
    const field = err.field || 'body';
    switch (err.code) {
      case 'LIMIT_FILE_SIZE':
        return { field: 'file', reason: `is larger than the limit of ${describeLimit(this.settings.maxBytes)}` };
      case 'LIMIT_FILE_COUNT':
        return { field: 'file', reason: 'only one file may be sent per upload' };
      case 'LIMIT_UNEXPECTED_FILE':
        return field === 'file'
          ? { field: 'file', reason: 'only one file may be sent per upload' }
          : { field, reason: 'is not expected: send the document as the part "file"' };
      case 'LIMIT_FIELD_VALUE':
        return { field, reason: 'is too long' };
      case 'LIMIT_FIELD_KEY':
        return { field: 'body', reason: 'has a field name that is too long' };
      case 'LIMIT_FIELD_COUNT':
      case 'LIMIT_PART_COUNT':
        return { field: 'body', reason: 'has too many parts; send only "kind" and "file"' };
      default:
        return { field, reason: err.message };
    }
  }
}
