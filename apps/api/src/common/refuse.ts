import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  HttpException,
  InternalServerErrorException,
  NotFoundException,
  PayloadTooLargeException,
  ServiceUnavailableException,
  UnauthorizedException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { REFUSALS, type RefusalCode } from './refusal-codes';

type Body = Record<string, unknown>;

/** Nest's own exception for each status, so code that tells refusals apart by class still can. */
const BY_STATUS: Record<number, [error: string, make: (body: Body) => HttpException]> = {
  400: ['Bad Request', (b) => new BadRequestException(b)],
  401: ['Unauthorized', (b) => new UnauthorizedException(b)],
  403: ['Forbidden', (b) => new ForbiddenException(b)],
  404: ['Not Found', (b) => new NotFoundException(b)],
  409: ['Conflict', (b) => new ConflictException(b)],
  413: ['Payload Too Large', (b) => new PayloadTooLargeException(b)],
  422: ['Unprocessable Entity', (b) => new UnprocessableEntityException(b)],
  429: ['Too Many Requests', (b) => new HttpException(b, 429)],
  500: ['Internal Server Error', (b) => new InternalServerErrorException(b)],
  503: ['Service Unavailable', (b) => new ServiceUnavailableException(b)],
};

/** A refusal with its stable code: the status is the code's, the message says what happened in English; `extra` adds fields (e.g. retryAfter). */
export function refuse(code: RefusalCode, message: string, extra: Record<string, unknown> = {}): HttpException {
  const { status } = REFUSALS[code];
  const [error, make] = BY_STATUS[status];
  return make({ statusCode: status, error, message, code, ...extra });
}
