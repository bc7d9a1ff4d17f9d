import type { FieldError } from './validation';

/** Deeper than any body the API takes (the form nests three levels): more is an attack on the parsers. */
export const MAX_DEPTH = 16;

/** Keys that reach an object's prototype machinery: refused, never silently dropped. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Zero-width characters and bidirectional controls: invisible, and able to disguise a name or a file name. */
const INVISIBLE = /[\u200b-\u200f\u061c\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
/** C0 controls but tab, line feed and carriage return; DEL; C1 controls. PostgreSQL refuses NUL outright. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Text as the service keeps it, checked before any validator sees it: Unicode NFC, without the
 * invisible characters, without surrounding spaces (a value of spaces only is then empty and refused
 * by `IsNotEmpty`). Refuses what text may not hold (control characters, broken UTF-16), keys that
 * reach the prototype, and nesting past MAX_DEPTH. Returns the cleaned value or the problems, each
 * naming the field by its path as the validators do (`masters.3.name`).
 */
export function normaliseInput(value: unknown): { value: unknown; problems: FieldError[] } {
  const problems: FieldError[] = [];
  const walk = (v: unknown, path: string, depth: number): unknown => {
    if (typeof v === 'string') return text(v, path || 'body', problems);
    if (v === null || typeof v !== 'object') return v;
    if (depth >= MAX_DEPTH) {
      problems.push({ field: path || 'body', reason: `nests deeper than ${MAX_DEPTH} levels` });
      return v;
    }
    if (Array.isArray(v)) return v.map((x, i) => walk(x, join(path, String(i)), depth + 1));
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(key)) {
        problems.push({ field: join(path, key), reason: 'is not an accepted field' });
        continue;
      }
      out[key] = walk((v as Record<string, unknown>)[key], join(path, key), depth + 1);
    }
    return out;
  };
  const cleaned = walk(value, '', 0);
  return { value: cleaned, problems };
}

function text(s: string, field: string, problems: FieldError[]): string {
  if (LONE_SURROGATE.test(s)) {
    problems.push({ field, reason: 'is not valid Unicode text' });
    return s;
  }
  if (CONTROL.test(s)) {
    problems.push({ field, reason: 'contains a control character' });
    return s;
  }
  return s.normalize('NFC').replace(INVISIBLE, '').trim();
}

/** True when normaliseInput would take the text as it is: nothing to clean, nothing to refuse. */
export function isNormalText(s: string): boolean {
  const problems: FieldError[] = [];
  return text(s, 'x', problems) === s && problems.length === 0;
}

/** Drops zero-width characters and bidirectional controls (e.g. U+202E, which shows `fdp.exe` as `exe.pdf`). */
export function stripInvisible(s: string): string {
  return s.replace(INVISIBLE, '');
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
