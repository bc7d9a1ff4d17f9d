/**
 * The first path segment of each web console page (apps/console/src/pages.tsx). The API answers
 * index.html for these and for `/`, so a reload or a shared link opens the page. None may be an API
 * path: test/unit/console-routes.spec.ts checks them against the OpenAPI document. One per line.
 */
// prettier-ignore
export const CONSOLE_SEGMENTS = [
  'sign-in',
  'inbox',
  'files',
  'money',
  'vote',
  'notice',
  'register',
  'auditing',
  'scoring',
  'visits',
  'batches',
  'selection',
  'craftsmen',
  'workshops',
] as const;

export const CONSOLE_ROUTES = new RegExp(`^/(?:$|(?:${CONSOLE_SEGMENTS.join('|')})(?:/|$))`);
