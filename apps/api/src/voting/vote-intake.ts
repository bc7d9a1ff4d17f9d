import { Injectable, type Type } from '@nestjs/common';
import type { ContextType, ExecutionContext, HttpArgumentsHost } from '@nestjs/common/interfaces';
import { HttpAdapterHost } from '@nestjs/core';
import { ThrottlerGuard } from '@nestjs/throttler';
import { isIn, isNotEmpty, isString, isUUID, maxLength } from 'class-validator';
import type { Application, Request } from 'express';
import { IncomingMessage, type ServerResponse } from 'node:http';
import { errorAnswer } from '../common/errors.filter';
import { isNormalText } from '../common/normalise';
import type { FastLane } from '../common/fast-lane.adapter';
import { PublicVotingController } from './public-voting.controller';
import type { CastVoteDto } from './vote.dto';
import { VERIFIERS } from './verifiers/voter-verifier';
import { VotingService } from './voting.service';

const VOTE_FIELDS = ['candidateId', 'verifier', 'credential'];

/**
 * The body as a vote when it is exactly one that CastVoteDto accepts: its three fields and no other,
 * each passing the same class-validator check its decorator names. Null for anything else, which
 * then goes through the controller's pipes for the 400 that names each field.
 */
export function wellFormedVote(body: unknown): CastVoteDto | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const keys = Object.keys(body);
  if (keys.length !== VOTE_FIELDS.length || !VOTE_FIELDS.every((f) => keys.includes(f))) return null;
  const { candidateId, verifier, credential } = body as Record<string, unknown>;
  if (!isUUID(candidateId, 'all') || !isIn(verifier, [...VERIFIERS])) return null;
  if (!isString(credential) || !isNotEmpty(credential) || !maxLength(credential, 512)) return null;
  // Text the controller's pipe would clean (spaces, invisible characters) or refuse goes to the controller.
  if (![candidateId, verifier, credential].every((v) => isNormalText(v as string))) return null;
  return { candidateId, verifier, credential } as CastVoteDto;
}

/** The route in its plain spelling; any other (case, trailing slash, query string) goes to the controller. */
const VOTE_PATH = /^\/public\/rounds\/([0-9a-fA-F-]{36})\/votes$/;
const JSON_TYPE = /^application\/json\s*(;\s*charset="?utf-8"?\s*)?$/i;
/** A vote is about 120 bytes; anything bigger is left to the body parser and its limits. */
const MAX_BODY = 1024;

/**
 * The fast lane of POST /public/rounds/:id/votes (FastLaneAdapter). While the public votes this one
 * route takes nearly all the traffic, and Express's and Nest's per-request work (router, body parser,
 * execution context, class-transformer and class-validator) cost more than the vote itself. A plain
 * JSON request whose body is a well-formed vote is answered here with what the controller would do:
 * its own per-address limit (its ThrottlerGuard: same key, counts and headers, the client address
 * worked out by Express under TRUST_PROXY), the same service, the same error answers (ErrorsFilter).
 * Anything else, once its body has been read, is replayed to Express unchanged.
 */
@Injectable()
export class VoteIntake {
  constructor(
    private readonly voting: VotingService,
    private readonly throttle: ThrottlerGuard,
    private readonly adapter: HttpAdapterHost,
  ) {}

  readonly take: FastLane = (req, res, express) => {
    const path = req.method === 'POST' ? VOTE_PATH.exec(req.url!) : null;
    if (!path || !plainJson(req)) return false;
    const chunks: Buffer[] = [];
    // A client that goes away mid-body gets no answer; the error must not go unheard.
    req.on('error', () => res.destroy());
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
      const vote = wellFormedVote(parsed(raw));
      if (vote) this.cast(req, res, path[1], vote);
      else express(replay(req, raw), res);
    });
    return true;
  };

  private cast(req: IncomingMessage, res: ServerResponse, roundId: string, vote: CastVoteDto): void {
    const ip = this.clientAddress(req);
    const context = new VoteContext({ ip, headers: req.headers }, res);
    this.throttle
      .canActivate(context)
      .then(() => this.voting.cast(roundId, vote, ip))
      .then(
        (cast) => send(res, 201, cast),
        (err: unknown) => {
          const { status, body } = errorAnswer(err);
          send(res, status, body);
        },
      );
  }

  /** `req.ip` as Express works it out (TRUST_PROXY), read through Express's own request prototype. */
  private clientAddress(req: IncomingMessage): string {
    // Every Express request inherits from app.request, whose `ip` getter applies 'trust proxy'.
    const app = this.adapter.httpAdapter.getInstance<Application & { request: Request }>();
    const view: Request = Object.create(app.request);
    Object.assign(view, { headers: req.headers, socket: req.socket, connection: req.socket });
    return view.ip ?? req.socket.remoteAddress ?? 'unknown';
  }
}

/** Only what Express's JSON body parser would read as plain UTF-8, whole, without more ado. */
function plainJson(req: IncomingMessage): boolean {
  const h = req.headers;
  const length = h['content-length'];
  if (!length || !/^\d{1,4}$/.test(length) || Number(length) > MAX_BODY) return false;
  if (h['transfer-encoding'] || h['expect'] || (h['content-encoding'] && h['content-encoding'] !== 'identity')) return false;
  return JSON_TYPE.test(h['content-type'] ?? '');
}

/** The parsed body, or undefined when it is not JSON the body parser would take as it stands. */
function parsed(raw: Buffer): unknown {
  // A byte-order mark, or a body that is not an object: the body parser has its own rules for those.
  if (raw[0] !== 0x7b /* { */) return undefined;
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** The same request again for Express, its body already read: headers as they came, body replayed. */
function replay(req: IncomingMessage, body: Buffer): IncomingMessage {
  const again = new IncomingMessage(req.socket);
  Object.assign(again, {
    method: req.method,
    url: req.url,
    headers: req.headers,
    rawHeaders: req.rawHeaders,
    trailers: req.trailers,
    rawTrailers: req.rawTrailers,
    httpVersion: req.httpVersion,
    httpVersionMajor: req.httpVersionMajor,
    httpVersionMinor: req.httpVersionMinor,
  });
  again.push(body);
  again.push(null);
  again.once('end', () => (again.complete = true));
  return again;
}

function send(res: ServerResponse, status: number, value: object): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) }).end(body);
}

/** What the guard reads: this request, as if at the controller's `cast` handler. */
class VoteContext implements ExecutionContext, HttpArgumentsHost {
  constructor(
    /** What the guard reads of the request: the address it limits and the user agent. */
    private readonly req: { ip: string; headers: IncomingMessage['headers'] },
    private readonly res: ServerResponse,
  ) {}

  getClass<T>(): Type<T> {
    return PublicVotingController as Type<T>;
  }
  getHandler(): (...args: unknown[]) => unknown {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- the guard reads its name and metadata, never calls it
    return PublicVotingController.prototype.cast as (...args: unknown[]) => unknown;
  }
  getArgs<T extends unknown[]>(): T {
    return [this.req, this.res] as T;
  }
  getArgByIndex<T>(index: number): T {
    return this.getArgs()[index] as T;
  }
  getType<T extends string = ContextType>(): T {
    return 'http' as T;
  }
  switchToHttp(): HttpArgumentsHost {
    return this;
  }
  getRequest<T>(): T {
    return this.req as T;
  }
  getResponse<T>(): T {
    return this.res as T;
  }
  getNext<T>(): T {
    return undefined as T;
  }
  switchToRpc(): never {
    throw new Error('the vote intake is HTTP only');
  }
  switchToWs(): never {
    throw new Error('the vote intake is HTTP only');
  }
}
