/** Readers of one setting each, shared by the configuration's parts: a bad value is named in `problems`, never thrown. */

/** `true` or `false`; unset or empty is the fallback. */
export function flag(raw: string | undefined, fallback: boolean, name: string, problems: string[]): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (raw !== 'true' && raw !== 'false') problems.push(`${name} must be 'true' or 'false' (got '${raw}')`);
  return raw === 'true';
}

/**
 * A provider's API base: an http(s) URL without query or credentials (a secret belongs in its own
 * setting, where it is never echoed), returned without a trailing slash.
 */
export function apiBase(raw: string | undefined, fallback: string, name: string, problems: string[]): string {
  const value = raw || fallback;
  let ok: boolean;
  try {
    const url = new URL(value);
    ok = (url.protocol === 'https:' || url.protocol === 'http:') && !url.search && !url.username && !url.password;
  } catch {
    ok = false;
  }
  if (!ok) problems.push(`${name} must be an http(s) URL without query or credentials (got '${value}')`);
  return value.replace(/\/+$/, '');
}
