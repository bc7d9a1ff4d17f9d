import type { NestExpressApplication } from '@nestjs/platform-express';
import { static as serveStatic, type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONSOLE_ROUTES } from './console-routes';

/** The console's build (apps/console/dist), found from the source tree or from dist/ alike; CONSOLE_DIR overrides. */
export function consoleDir(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CONSOLE_DIR) return existsSync(join(env.CONSOLE_DIR, 'index.html')) ? resolve(env.CONSOLE_DIR) : null;
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const built = join(dir, 'apps', 'console', 'dist');
    if (existsSync(join(built, 'index.html'))) return built;
  }
  return null;
}

/**
 * Serves the web console on the API's own origin: its hashed assets under /assets (cached for a
 * year: the name changes with the content), index.html for its routes. Without a build, nothing.
 */
export function serveConsole(app: NestExpressApplication, dir: string | null = consoleDir()): boolean {
  if (!dir) return false;
  const assets = serveStatic(join(dir, 'assets'), {
    index: false,
    fallthrough: true,
    setHeaders: (res) => res.setHeader('Cache-Control', 'public, max-age=31536000, immutable'),
  });
  app.use('/assets', (req: Request, res: Response, next: NextFunction) => assets(req, res, next));
  const index = join(dir, 'index.html');
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !CONSOLE_ROUTES.test(req.path)) return next();
    res.sendFile(index, (err) => err && next(err));
  });
  return true;
}
