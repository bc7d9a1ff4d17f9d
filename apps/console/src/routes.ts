/** The console's routes. The API serves index.html for each (apps/api/src/console/serve-console.ts: CONSOLE_ROUTES). */
export const ROUTES = {
  signIn: '/sign-in',
  inbox: '/inbox',
  file: (id: string) => `/files/${encodeURIComponent(id)}`,
} as const;
