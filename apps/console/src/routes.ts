/** Links to the console's pages. Each page's first segment is in CONSOLE_SEGMENTS (apps/api/src/console/console-routes.ts). */
export const ROUTES = {
  signIn: '/sign-in',
  inbox: '/inbox',
  file: (id: string) => `/files/${encodeURIComponent(id)}`,
  scoringList: '/scoring',
  scoring: (id: string) => `/scoring/${encodeURIComponent(id)}`,
  visitList: '/visits',
  visit: (id: string) => `/visits/${encodeURIComponent(id)}`,
  batches: '/batches',
} as const;
