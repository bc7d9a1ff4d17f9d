/** Links to the console's pages. Each page's first segment is in CONSOLE_SEGMENTS (apps/api/src/console/console-routes.ts). */
export const ROUTES = {
  signIn: '/sign-in',
  inbox: '/inbox',
  file: (id: string) => `/files/${encodeURIComponent(id)}`,
  // The public's pages (no sign-in): publicPages.tsx.
  vote: (roundId: string) => `/vote/${encodeURIComponent(roundId)}`,
  notice: (roundId: string) => `/notice/${encodeURIComponent(roundId)}`,
  register: '/register',
  auditSearch: '/auditing/search',
  auditCase: (id: string) => `/auditing/cases/${encodeURIComponent(id)}`,
  auditChain: '/auditing/chain',
  scoringList: '/scoring',
  scoring: (id: string) => `/scoring/${encodeURIComponent(id)}`,
  visitList: '/visits',
  visit: (id: string) => `/visits/${encodeURIComponent(id)}`,
  batches: '/batches',
  rounds: '/selection',
  masters: '/craftsmen',
  studios: '/workshops',
  round: (id: string) => `/selection/${encodeURIComponent(id)}`,
} as const;
