import { msToNumber } from '@temporalio/common/lib/time';
import { TASK_QUEUE } from '../contract/engine';

/** Everything the apps read from the environment, validated once at boot. */
export interface AppConfig {
  port: number;
  databaseUrl: string;
  temporal: { address: string; namespace: string; taskQueue: string; uiUrl: string | null };
  authSecret: string;
  pii: { keys: Map<string, Buffer>; activeKeyId: string; indexKey: Buffer };
  programme: {
    publicNoticeMs: number;
    bonusFen: number;
    subsidyMonthlyFen: number;
    subsidyMonths: number;
  };
  /** Product decisions for intake and review (domain.md), all settings rather than constants. */
  review: {
    minYearsOfWork: number;
    workingAge: { min: number; max: number };
    minPanelSize: number;
    reminderLeadMs: number;
  };
  /** Nominations each sub-district union should forward in a round (reported, not enforced). */
  roundAreaTarget: number;
  /** Largest attachment accepted, in bytes; the size column is a PostgreSQL integer. */
  attachmentMaxBytes: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const need = (name: string): string => {
    const v = env[name];
    if (!v) problems.push(`${name} is required`);
    return v ?? '';
  };
  const int = (name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `from ${min} to ${max}`;
      problems.push(`${name} must be an integer ${range} (got '${raw}')`);
    }
    return n;
  };
  const duration = (name: string, fallback: string): number => {
    const raw = env[name] || fallback;
    try {
      const ms = msToNumber(raw as never);
      if (!(ms > 0)) throw new Error();
      return ms;
    } catch {
      problems.push(`${name} must be a duration such as '7d' or '5s' (got '${raw}')`);
      return 0;
    }
  };

  const keys = new Map<string, Buffer>();
  need('PII_KEYS')
    .split(',')
    .filter(Boolean)
    .forEach((entry, i) => {
      const [id, b64] = entry.includes(':') ? entry.split(':') : ['', ''];
      const key = Buffer.from(b64, 'base64');
      // The message names the entry by position, never by content: it may be the key itself.
      if (!/^[A-Za-z0-9_-]{1,32}$/.test(id) || key.length !== 32) problems.push(`PII_KEYS entry ${i + 1} must be <keyId>:<32 bytes in base64>`);
      else keys.set(id, key);
    });
  const activeKeyId = env.PII_ACTIVE_KEY_ID || [...keys.keys()][0] || '';
  if (keys.size && !keys.has(activeKeyId)) problems.push(`PII_ACTIVE_KEY_ID '${activeKeyId}' is not among PII_KEYS`);
  const indexKey = Buffer.from(need('PII_INDEX_KEY'), 'base64');
  if (env.PII_INDEX_KEY && indexKey.length < 32) problems.push('PII_INDEX_KEY must be at least 32 bytes in base64');
  const authSecret = need('AUTH_SECRET');
  if (authSecret && authSecret.length < 32) problems.push('AUTH_SECRET must be at least 32 characters');

  const config: AppConfig = {
    port: int('PORT', 3000, 0, 65535),
    databaseUrl: need('DATABASE_URL'),
    temporal: {
      address: need('TEMPORAL_ADDRESS'),
      namespace: env.TEMPORAL_NAMESPACE || 'default',
      taskQueue: env.TEMPORAL_TASK_QUEUE || TASK_QUEUE,
      uiUrl: env.TEMPORAL_UI_URL || null,
    },
    authSecret,
    pii: { keys, activeKeyId, indexKey },
    programme: {
      publicNoticeMs: duration('PUBLIC_NOTICE_DURATION', '7d'),
      bonusFen: int('BONUS_FEN', 2_000_000, 1),
      subsidyMonthlyFen: int('SUBSIDY_MONTHLY_FEN', 80_000, 1),
      subsidyMonths: int('SUBSIDY_MONTHS', 24, 0),
    },
    review: {
      minYearsOfWork: int('MIN_YEARS_OF_WORK', 3, 0),
      // 16 is the legal working age; masters often work on past retirement, so the cap is a sanity bound.
      workingAge: { min: int('WORKING_AGE_MIN', 16, 0, 100), max: int('WORKING_AGE_MAX', 80, 0, 120) },
      minPanelSize: int('MIN_PANEL_SIZE', 5, 1, 50),
      reminderLeadMs: duration('STAGE_REMINDER_LEAD', '2d'),
    },
    roundAreaTarget: int('ROUND_AREA_TARGET', 3, 0),
    attachmentMaxBytes: int('ATTACHMENT_MAX_BYTES', 10 * 1024 * 1024, 1, 2 ** 31 - 1),
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}
