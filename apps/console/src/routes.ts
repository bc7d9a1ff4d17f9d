/** Links to the console's pages. Each page's first segment is in CONSOLE_SEGMENTS (apps/api/src/console/console-routes.ts). */
export const ROUTES = {
  signIn: '/sign-in',
  inbox: '/inbox',
  file: (id: string) => `/files/${encodeURIComponent(id)}`,
  auditSearch: '/auditing/search',
  auditCase: (id: string) => `/auditing/cases/${encodeURIComponent(id)}`,
  auditChain: '/auditing/chain',
} as const;
