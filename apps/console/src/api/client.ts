import createClient, { type Middleware } from 'openapi-fetch';
import { isRefusalCode, REFUSALS } from '../../../api/src/common/refusal-codes';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];

const KEY = 'ouhai-console-session';

/** Who is signed in: the token and what it was asked for (shown in the header). */
export interface Session {
  token: string;
  role: string;
  sub: string;
  area?: string;
  expiresAt: string;
}

export function session(): Session | null {
  try {
    const kept = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Session | null;
    return kept && Date.parse(kept.expiresAt) > Date.now() ? kept : null;
  } catch {
    return null;
  }
}

export function keepSession(s: Session | null): void {
  if (s) sessionStorage.setItem(KEY, JSON.stringify(s));
  else sessionStorage.removeItem(KEY);
}

const bearer: Middleware = {
  onRequest({ request }) {
    const s = session();
    if (s) request.headers.set('authorization', `Bearer ${s.token}`);
    return request;
  },
};

/** The API on the console's own origin, typed by the OpenAPI document (schema.d.ts is generated: npm run console:api). */
export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(bearer);

/**
 * A refusal in the reader's language: the text for the API's stable code (refusal-codes.ts), then the
 * API's own message and each field's reason as detail (they name the ids and fields involved).
 */
export function refusalText(error: unknown): string {
  const body = (error ?? {}) as { code?: unknown; message?: string | string[]; fields?: Array<{ field: string; reason: string }> };
  const message = Array.isArray(body.message) ? body.message.join('; ') : (body.message ?? '');
  const fields = (body.fields ?? []).map((f) => `${f.field}: ${f.reason}`).join('; ');
  const detail = [message, fields].filter(Boolean).join(' — ');
  if (!isRefusalCode(body.code)) return detail || String(error);
  const english = document.documentElement.lang.startsWith('en');
  const said = REFUSALS[body.code][english ? 'en' : 'zh'];
  return detail ? `${said}${english ? ' — ' : '：'}${detail}` : said;
}
