import type { NestExpressApplication } from '@nestjs/platform-express';
import { json, type NextFunction, type Request, type Response } from 'express';

/** A page of history's payloads: larger than the 100 kB other bodies are held to, within Temporal's 2 MB a payload. */
export const CODEC_BODY_LIMIT = '4mb';

/**
 * The codec routes are called from the browser by the Temporal UI, from TEMPORAL_UI_URL's origin and
 * no other: a preflight from any other origin is answered without CORS headers, so the browser never
 * sends the request (it carries a bearer token and JSON, so it always needs one). Mounted before the
 * API's own CORS (CORS_ORIGINS), which therefore never admits another origin here.
 */
export function mountCodecHttp(app: NestExpressApplication, temporalUiUrl: string | null): void {
  const uiOrigin = temporalUiUrl ? new URL(temporalUiUrl).origin : null;
  const body = json({ limit: CODEC_BODY_LIMIT });
  app.use('/codec', (req: Request, res: Response, next: NextFunction) => {
    res.vary('Origin');
    if (uiOrigin && req.headers.origin === uiOrigin) {
      res.setHeader('Access-Control-Allow-Origin', uiOrigin);
      if (req.method === 'OPTIONS') {
        res.setHeader('Access-Control-Allow-Methods', 'POST');
        res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, X-Namespace');
        res.setHeader('Access-Control-Max-Age', '600');
      }
    }
    if (req.method === 'OPTIONS') return void res.status(204).end();
    body(req, res, next);
  });
}
