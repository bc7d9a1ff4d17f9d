import { BadRequestException, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import multer, { MulterError } from 'multer';
import { catchError, throwError, type Observable } from 'rxjs';
import { badRequest, type FieldError } from '../common/validation';
import { readXlsx } from '../common/xlsx';
import { bodyFromSheets, SheetProblem, toCells, type SheetOrigin } from './master-sheet';

/** Paper registers of a few thousand rows are far below this. */
export const SHEET_MAX_BYTES = 8 * 1024 * 1024;

/**
 * Lets the import take an Excel upload (multipart/form-data, the workbook in the part `file`) as well
 * as JSON: the workbook becomes the same body before validation runs, and any refusal names the sheet,
 * row and column (`名单!5.身份证号码`) instead of the JSON path. A JSON request passes untouched.
 */
@Injectable()
export class SheetUploadInterceptor implements NestInterceptor {
  private readonly parse = multer({ storage: multer.memoryStorage(), limits: { fileSize: SHEET_MAX_BYTES, files: 1, fields: 0, parts: 1 } }).single('file');

  async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = ctx.switchToHttp().getRequest<Request & { file?: Express.Multer.File }>();
    if (!req.is('multipart/form-data')) return next.handle();
    await new Promise<void>((resolve, reject) =>
      this.parse(req, ctx.switchToHttp().getResponse<Response>(), (err?: unknown) => (err ? reject(refusal(err)) : resolve())),
    );
    if (!req.file) throw badRequest([{ field: 'file', reason: 'is required: send the workbook as the part "file"' }]);
    const sheets = await readXlsx(req.file.buffer).catch(() => {
      throw badRequest([{ field: 'file', reason: 'is not an Excel workbook (.xlsx): download the template from /masters/import/template.xlsx' }]);
    });
    let origin: SheetOrigin;
    try {
      const read = bodyFromSheets(sheets);
      req.body = read.body;
      origin = read.origin;
    } catch (err) {
      if (err instanceof SheetProblem) throw badRequest(err.problems);
      throw err;
    }
    return next.handle().pipe(catchError((err: unknown) => throwError(() => inCells(err, origin))));
  }
}

function inCells(err: unknown, origin: SheetOrigin): unknown {
  if (!(err instanceof BadRequestException)) return err;
  const fields = (err.getResponse() as { fields?: FieldError[] }).fields;
  return fields ? badRequest(toCells(fields, origin)) : err;
}

function refusal(err: unknown): BadRequestException {
  if (err instanceof MulterError) {
    const reason =
      err.code === 'LIMIT_FILE_SIZE'
        ? `is larger than ${SHEET_MAX_BYTES / 1024 / 1024} MB`
        : err.code === 'LIMIT_UNEXPECTED_FILE'
          ? 'send only the part "file"'
          : err.message;
    return badRequest([{ field: err.field || 'file', reason }]);
  }
  return badRequest([{ field: 'body', reason: `is not a well-formed multipart/form-data body (${err instanceof Error ? err.message : String(err)})` }]);
}
