import { readFileSync } from 'node:fs';
import { CONSOLE_ROUTES, CONSOLE_SEGMENTS } from '../../apps/api/src/console/console-routes';

/** The console's pages and the API share one origin: a page's path must never shadow an API path. */
describe("the console's routes", () => {
  const apiPaths = Object.keys((JSON.parse(readFileSync('apps/console/openapi.json', 'utf8')) as { paths: object }).paths);

  it('no console segment is the first segment of an API path', () => {
    const firstSegments = new Set(apiPaths.map((p) => p.split('/')[1]));
    expect(CONSOLE_SEGMENTS.filter((s) => firstSegments.has(s))).toEqual([]);
  });

  it('matches / and each page with what follows it, and no API path', () => {
    expect(['/', ...CONSOLE_SEGMENTS.flatMap((s) => [`/${s}`, `/${s}/x`])].filter((p) => !CONSOLE_ROUTES.test(p))).toEqual([]);
    expect(apiPaths.filter((p) => CONSOLE_ROUTES.test(p))).toEqual([]);
    expect(CONSOLE_ROUTES.test('/inboxes')).toBe(false);
  });
});
