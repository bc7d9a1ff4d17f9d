import { ConfigError } from '../../../../libs/config';

/** Nest injection token for AttachmentSettings. */
export const ATTACHMENT_SETTINGS = Symbol('ATTACHMENT_SETTINGS');

export const DEFAULT_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

export interface AttachmentSettings {
  /** Largest document accepted, in bytes (ATTACHMENT_MAX_BYTES, default 10 MiB). */
  maxBytes: number;
}

/**
 * Reads the attachment settings from the environment, refusing a bad value at boot as loadConfig
 * does. The column holding the size is a PostgreSQL integer, so the limit stays below 2^31.
 */
export function loadAttachmentSettings(env: NodeJS.ProcessEnv = process.env): AttachmentSettings {
  const raw = env.ATTACHMENT_MAX_BYTES;
  if (raw === undefined || raw === '') return { maxBytes: DEFAULT_ATTACHMENT_MAX_BYTES };
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > 2 ** 31 - 1) {
    throw new ConfigError([`ATTACHMENT_MAX_BYTES must be an integer from 1 to ${2 ** 31 - 1} (got '${raw}')`]);
  }
  return { maxBytes: n };
}
