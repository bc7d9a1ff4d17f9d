import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { json, type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { AppConfig } from '../../../libs/config';
import { AppModule } from './app.module';
import { mountCodecHttp } from './codec/codec-http';
import { serveConsole } from './console/serve-console';
import { FastLaneAdapter } from './common/fast-lane.adapter';
import { validationPipe, type FieldError } from './common/validation';
import { MasterImportDto } from './masters/master-import.dto';
import { importProblems } from './masters/master-import.rules';
import { formProblems } from './nominations/nomination-rules';
import { CreateNominationDto } from './nominations/nomination.dto';
import { VoteIntake } from './voting/vote-intake';
import type { Server } from 'node:http';

/** Room for a formal list of 10,000 entries with reasons of a few hundred characters each. */
export const FORMAL_LIST_BODY_LIMIT = '8mb';
/** Room for every master named on paper since 2017, each with 24 paid instalments. */
export const MASTER_IMPORT_BODY_LIMIT = '8mb';

/**
 * Builds the API (used by main.ts, the tests and the benchmark alike). Logs are JSON lines through
 * pino (libs/logging), Nest's own Logger calls included; `logger: false` keeps the API silent, and
 * `logStream` sends the lines somewhere other than standard output (a test reading them).
 */
export async function createApi(config: AppConfig, options: { logger?: false; logStream?: DestinationStream; preview?: boolean } = {}): Promise<NestExpressApplication> {
  const adapter = new FastLaneAdapter();
  const quiet = options.logger === false;
  // `preview`: the modules and routes without their providers (no database, no Temporal): for writing the OpenAPI document.
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, quiet ? undefined : { stream: options.logStream }), adapter, {
    ...(quiet ? { logger: false } : { bufferLogs: true }),
    ...(options.preview && { preview: true }),
  });
  if (!quiet) app.useLogger(app.get(Logger));
  // The formal list names everyone on the re-review list with a reason: 10,000 of them far exceed
  // the 100 kB every other body is held to. It runs before Nest's own parser, which skips a parsed
  // body; wrapped, since Nest leaves out its JSON parser altogether if it finds one named `jsonParser`.
  const formalListBody = json({ limit: FORMAL_LIST_BODY_LIMIT });
  app.use('/rounds/:id/formal-list', (req: Request, res: Response, next: NextFunction) => formalListBody(req, res, next));
  const importBody = json({ limit: MASTER_IMPORT_BODY_LIMIT });
  app.use('/masters/import', (req: Request, res: Response, next: NextFunction) => importBody(req, res, next));
  // The public vote is the route the public floods: well-formed votes skip Express (voting/vote-intake.ts).
  adapter.lane = app.get(VoteIntake).take;
  app.useGlobalPipes(
    validationPipe(
      new Map<Function, (body: any) => FieldError[]>([
        [CreateNominationDto, (body) => formProblems(body, config.review, new Date())],
        [MasterImportDto, (body) => importProblems(body, config.programme, new Date())],
      ]),
    ),
  );
  // Who the client is, behind a reverse proxy: X-Forwarded-For counts only from the proxies TRUST_PROXY names.
  app.set('trust proxy', config.trustProxy);
  // The Temporal UI's codec endpoint: its own body limit and CORS (the UI's origin only), before the API's.
  mountCodecHttp(app, config.temporal.uiUrl);
  hardenHttp(app, config);
  keepConnections(app);
  app.enableShutdownHooks();
  if (config.http.docs) serveDocs(app);
  // The web console (apps/console), when built: its pages at / and its assets, beside the API.
  serveConsole(app);
  return app;
}

/**
 * An idle keep-alive connection stays open longer than any client or proxy keeps one (they close
 * first), so a client never sends a request on a connection the server has just closed — which it
 * sees as ECONNRESET. Node's default (5 s) sits right by undici's (4 s) and a load balancer's (60 s).
 * Shutting down still closes idle connections at once.
 */
function keepConnections(app: NestExpressApplication): void {
  const server = app.getHttpServer() as Server;
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
}

/**
 * Security headers on every answer (helmet), no X-Powered-By, nothing cached unless a route says
 * otherwise (replies carry personal data), and no browser origin admitted unless CORS_ORIGINS lists it.
 */
function hardenHttp(app: NestExpressApplication, config: AppConfig): void {
  app.disable('x-powered-by');
  // helmet's default policy, except that the console previews a file's attachments (PDFs, images) from
  // object URLs of bytes it fetched with the bearer token: blob: for images, frames and the PDF viewer.
  // Only the page's own scripts can make a blob: URL, so this admits nothing from elsewhere.
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { imgSrc: ["'self'", 'data:', 'blob:'], frameSrc: ["'self'", 'blob:'], objectSrc: ["'self'", 'blob:'] },
      },
    }),
  );
  app.use((_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  if (config.http.corsOrigins.length) app.enableCors({ origin: config.http.corsOrigins, credentials: false, maxAge: 600 });
}

/** The OpenAPI document and its browser at /docs: off in production unless API_DOCS=true. */
function serveDocs(app: NestExpressApplication): void {
  SwaggerModule.setup('docs', app, () => openApiDocument(app));
}

/** The OpenAPI document of an API built by createApi (also written for the console's typed client: scripts/console-api.ts). */
export function openApiDocument(app: NestExpressApplication): OpenAPIObject {
  const doc = new DocumentBuilder()
    .setTitle('Ouhai Hundred Master Craftsmen — back office')
    .setDescription('Nominations, stage decisions, finance tasks and the audit timeline. Amounts are in fen.')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, doc);
}
