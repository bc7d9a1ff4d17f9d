import { HttpException } from '@nestjs/common';
import { REFUSALS, type RefusalCode } from './refusal-codes';

const REASON: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** A refusal with its stable code: the status is the code's, the message says what happened in English; `extra` adds fields (e.g. retryAfter). */
export function refuse(code: RefusalCode, message: string, extra: Record<string, unknown> = {}): HttpException {
  const { status } = REFUSALS[code];
  return new HttpException({ statusCode: status, error: REASON[status] ?? 'Error', message, code, ...extra }, status);
}
