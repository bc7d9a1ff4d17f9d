/**
 * What of a request body goes into the audit log: reasons, outcomes, stages, amounts, references and
 * ids, never personal data (PIPL art. 28): fields that hold an ID number, a mobile, an address, a
 * name, an account number or a contact are dropped by name, and numbers shaped like an ID number, a
 * mobile or a bank account are cut out of any text that remains. Large values are summarised.
 */
const PERSONAL_FIELDS = /^(idnumber|mobile|phone|homeaddress|address|name|accountnumber|accountname|payeename|contact|credential|members|objectorname)$/i;
const PERSONAL_PART = /(idnumber|mobile|address|accountnumber|accountname|contact|credential)/i;

/** 18-character ID numbers (and the old 15-digit ones), mainland mobiles, and any run of 12+ digits (a bank account). */
export const PERSONAL_TEXT_PATTERNS: readonly RegExp[] = [/\d{17}[\dXx]/g, /\d{15}/g, /(?<!\d)1[3-9]\d{9}(?!\d)/g, /\d{12,}/g];

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const MAX_TEXT = 300;
const MAX_ITEMS = 20;
const MAX_DEPTH = 4;

export function redactText(text: string): string {
  // NUL cannot be stored in jsonb and a lone surrogate cannot be written as JSON text: neither is kept.
  let out = text.replace(/\u0000/g, '').replace(LONE_SURROGATE, '\uFFFD');
  for (const re of PERSONAL_TEXT_PATTERNS) out = out.replace(re, '[redacted]');
  return out.length > MAX_TEXT ? `${out.slice(0, MAX_TEXT)}…[${out.length} characters]` : out;
}

export function isPersonalField(key: string): boolean {
  return PERSONAL_FIELDS.test(key) || PERSONAL_PART.test(key);
}

/** A redacted, bounded copy of a request body (or any JSON value). */
export function redact(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return redactText(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  if (depth >= MAX_DEPTH) return '[nested]';
  if (Array.isArray(value)) {
    if (value.length > MAX_ITEMS) return `[${value.length} items]`;
    return value.map((v) => redact(v, depth + 1));
  }
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (k === '__proto__' || k === 'constructor' || k === 'prototype') continue;
      if (isPersonalField(k)) out[k] = '[redacted]';
      else out[redactText(k)] = redact(v, depth + 1);
    }
    return out;
  }
  return null;
}
