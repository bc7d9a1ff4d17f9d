import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { DestinationStream, LevelWithSilent, LoggerOptions } from 'pino';
import type { Options } from 'pino-http';

/** Where the logs go (the tests that start the API in-process have none at all: see AppModule.forRoot). */
export interface LogOutput {
  /** Where the JSON lines go; standard output when not given. A test captures them here. */
  stream?: DestinationStream;
}

/**
 * Fields that hold personal data wherever they turn up in a logged object (PIPL art. 28: ID
 * numbers, mobiles, addresses; names and bank accounts too), plus credentials and bodies. Pino's
 * paths have no deep wildcard, so each key is listed at the depths a logged object can reach.
 */
const PERSONAL_KEYS = ['idNumber', 'mobile', 'homeAddress', 'name', 'accountNumber', 'accountName', 'payeeName', 'body'];
export const REDACT_PATHS = [
  ...PERSONAL_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `*.*.*.${key}`]),
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
];

/** A caller's X-Request-Id is kept only when it is a plain token: no spaces, no control characters, no injected JSON. */
const REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
export const REQUEST_ID_HEADER = 'X-Request-Id';

const LEVELS: LevelWithSilent[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** LOG_LEVEL, checked once at boot: a typo stops the process instead of silencing it. */
export function logLevel(env: NodeJS.ProcessEnv = process.env): LevelWithSilent {
  const raw = (env.LOG_LEVEL ?? 'info').trim().toLowerCase();
  if (!LEVELS.includes(raw as LevelWithSilent)) throw new Error(`LOG_LEVEL must be one of ${LEVELS.join(', ')} (got '${env.LOG_LEVEL}')`);
  return raw as LevelWithSilent;
}

/** The pino options the API and the worker share: JSON lines, ISO times, personal fields redacted. */
export function pinoOptions(service: 'api' | 'worker'): LoggerOptions {
  return {
    level: logLevel(),
    base: { service },
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
  };
}

interface LoggedRequest extends IncomingMessage {
  claims?: { role?: string; sub?: string };
  route?: { path?: string };
  baseUrl?: string;
  originalUrl?: string;
}

/**
 * One line per request: its id, method, route (the pattern, so no path parameter or query string
 * is logged), status, duration and the caller's role and user id. Neither the body nor the headers
 * are logged, so a nomination's personal data never reaches the log.
 */
export function httpLogParams(output: LogOutput = {}): Params {
  const options: Options = {
    ...pinoOptions('api'),
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader(REQUEST_ID_HEADER, id);
      return id;
    },
    customAttributeKeys: { reqId: 'requestId', responseTime: 'durationMs' },
    // Lines written while a request is handled carry its id and nothing else of the request.
    quietReqLogger: true,
    quietResLogger: true,
    customSuccessObject: (req, res, value: { durationMs?: number }) => requestLine(req as LoggedRequest, res, value.durationMs),
    customErrorObject: (req, res, err, value: { durationMs?: number }) => ({ ...requestLine(req as LoggedRequest, res, value.durationMs), error: err.message }),
    customSuccessMessage: (req, res) => `${req.method} ${routeOf(req as LoggedRequest)} ${res.statusCode}`,
    customErrorMessage: (req, res) => `${req.method} ${routeOf(req as LoggedRequest)} ${res.statusCode}`,
    // A supervisor polls /health every few seconds: its answers are debug lines, unless it fails.
    customLogLevel: (req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : req.url?.startsWith('/health') ? 'debug' : 'info'),
  };
  return { pinoHttp: output.stream ? [options, output.stream] : options };
}

/** The worker has no HTTP requests: the same pino options, for Nest's and Temporal's log calls. */
export function workerLogParams(output: LogOutput = {}): Params {
  const options = pinoOptions('worker');
  return { pinoHttp: output.stream ? [options, output.stream] : options };
}

function requestLine(req: LoggedRequest, res: ServerResponse, durationMs: number | undefined) {
  return {
    method: req.method,
    route: routeOf(req),
    status: res.statusCode,
    durationMs,
    role: req.claims?.role ?? null,
    userId: req.claims?.sub ?? null,
  };
}

/** The matched route's pattern (`/candidates/:id`), or the bare path when no route matched (a 404). */
function routeOf(req: LoggedRequest): string {
  if (req.route?.path) return `${req.baseUrl ?? ''}${req.route.path}`;
  return (req.originalUrl ?? req.url ?? '').split('?')[0];
}
