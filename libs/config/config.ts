import { isIP } from 'node:net';
import { msToNumber } from '@temporalio/common/lib/time';
import { HASH_ALGORITHMS, type HashAlgorithm } from '../audit/chain';
import { TASK_QUEUE } from '../contract/engine';
import { authConfig, type AuthConfig } from './auth-config';
import { notifyConfig, type NotifyConfig } from './notify-config';
import { apiBase, flag } from './readers';
import { CIPHER_SUITES, isCipherSuite, type CipherSuite } from '../security/cipher-suites';

/** Everything the apps read from the environment, validated once at boot. */
export interface AppConfig {
  port: number;
  databaseUrl: string;
  /** `callTimeoutMs`: how long one API request waits for the engine before answering 503. */
  temporal: { address: string; namespace: string; taskQueue: string; uiUrl: string | null; callTimeoutMs: number };
  /** Bearer token verification (libs/config/auth-config.ts). */
  auth: AuthConfig;
  /** Keys for personal data at rest and for Temporal payloads; `suite` is the one new data is sealed under. */
  pii: { keys: Map<string, Buffer>; activeKeyId: string; indexKey: Buffer; suite: CipherSuite };
  programme: {
    publicNoticeMs: number;
    bonusFen: number;
    subsidyMonthlyFen: number;
    subsidyMonths: number;
    /** Day of the month each subsidy instalment falls due (a day past the month's end means its last day). */
    subsidyDueDay: number;
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
  /**
   * Express's `trust proxy`: which hops in front of the API may say who the client is through
   * X-Forwarded-For. `false` (the default) takes the socket's address and ignores the header.
   */
  trustProxy: TrustProxy;
  /** Public online voting (网络投票). */
  voting: VotingConfig;
  /** The HTTP surface: who may call from a browser, whether the API's document is served, write limits. */
  http: HttpConfig;
  /** The annual round's settings (domain.md: product decisions). */
  round: RoundConfig;
  /** Demonstration studios (示范性工作室): the grant, the three-year target and the batches' cadence. */
  studios: StudioConfig;
  /** The audit log's chain hash for new rows (rows keep the algorithm they were written with). */
  audit: { hashAlgorithm: HashAlgorithm };
  /**
   * Retention of not-named candidates' sensitive data (README "Retention"): `piiMs` after their round
   * closes (PII_RETENTION, default 3 years), erased by a daily sweep in batches of `sweepBatch`.
   */
  retention: { piiMs: number; sweepBatch: number };
  /** The printed documents (PDF): their font and the bodies they name (README "Printed documents"). */
  documents: DocumentsConfig;
  /** The notification outbox's sender and its channels (libs/config/notify-config.ts). */
  notify: NotifyConfig;
}

export interface DocumentsConfig {
  /**
   * The CJK font files, `path` or `path#PostScriptName` for a collection (.ttc); null: the first of
   * Debian's fonts-noto-cjk found at run time (Noto Serif CJK SC, else Noto Sans CJK SC).
   */
  font: string | null;
  fontBold: string | null;
  /** Who issues the commendation decision and the certificates (the district government). */
  issuer: string;
  /** The programme office that publishes the notice and takes objections (the leading group's office). */
  office: string;
  /** How the office is reached about the notice: telephone, address. */
  officeContact: string;
}

export interface HttpConfig {
  /** Origins a browser may call the API from (CORS); none by default. */
  corsOrigins: string[];
  /** Whether /docs (the OpenAPI document) is served: by default everywhere but production. */
  docs: boolean;
  /** Nominations one account may file per minute. */
  nominationsPerMinute: number;
  /** Attachments one candidate's file may hold. */
  attachmentsPerCandidate: number;
}

export interface RoundConfig {
  /** The leadership group's ranking: expert and vote weights in percent (default 70:30). */
  rankingWeights: { expert: number; vote: number };
  /** Masters the three-year programme names in all (the notice: 100 over 2017-2019). */
  programmeTarget: number;
  /** Signals in flight at once while the worker sends a batch of the round's decisions to the files. */
  fanOutParallel: number;
}

export interface StudioConfig {
  /** Each named studio's grant, in fen (the notice: 30,000 yuan). */
  grantFen: number;
  /** Studios the programme names within its three years (the notice: 30). */
  target: number;
  /** Years between two batches (the notice: a batch every two years). */
  batchIntervalYears: number;
}

/** `false`, a number of proxy hops, or the addresses/subnets of the trusted proxies. */
export type TrustProxy = false | number | string[];

export interface VotingConfig {
  /** Most candidates one voter may vote for in one Asia/Shanghai day. */
  dailyCandidateLimit: number;
  /** Requests per minute from one client address to the public routes. */
  rateLimitPerMinute: number;
  /** Whether the `dev` verifier (any credential is the identity) is accepted. */
  devVerifier: boolean;
  /** The WeChat official account whose OAuth codes identify voters; null when not configured. */
  wechat: { appId: string; appSecret: string; apiBase: string; timeoutMs: number } | null;
}

const TRUST_PROXY_PRESETS = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** One TRUST_PROXY entry: a preset name, an IPv4/IPv6 address, or either with a /prefix. */
function isTrustProxyEntry(entry: string): boolean {
  if (TRUST_PROXY_PRESETS.has(entry)) return true;
  const [addr, prefix, extra] = entry.split('/');
  const family = isIP(addr);
  if (!family || extra !== undefined) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
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

  const config: AppConfig = {
    port: int('PORT', 3000, 0, 65535),
    databaseUrl: need('DATABASE_URL'),
    temporal: {
      address: need('TEMPORAL_ADDRESS'),
      namespace: env.TEMPORAL_NAMESPACE || 'default',
      taskQueue: env.TEMPORAL_TASK_QUEUE || TASK_QUEUE,
      uiUrl: env.TEMPORAL_UI_URL || null,
      callTimeoutMs: duration('TEMPORAL_CALL_TIMEOUT', '10s'),
    },
    auth: authConfig(env, int, duration, problems),
    pii: { keys, activeKeyId, indexKey, suite: cipherSuite(env.PII_CIPHER_SUITE, problems) },
    programme: {
      publicNoticeMs: duration('PUBLIC_NOTICE_DURATION', '7d'),
      bonusFen: int('BONUS_FEN', 2_000_000, 1),
      subsidyMonthlyFen: int('SUBSIDY_MONTHLY_FEN', 80_000, 1),
      subsidyMonths: int('SUBSIDY_MONTHS', 24, 0),
      subsidyDueDay: int('SUBSIDY_DUE_DAY', 10, 1, 31),
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
    trustProxy: trustProxy(env.TRUST_PROXY, problems),
    voting: voting(env, int, problems),
    http: {
      corsOrigins: corsOrigins(env.CORS_ORIGINS, problems),
      docs: flag(env.API_DOCS, env.NODE_ENV !== 'production', 'API_DOCS', problems),
      nominationsPerMinute: int('NOMINATIONS_PER_MINUTE', 20, 1),
      attachmentsPerCandidate: int('ATTACHMENTS_PER_CANDIDATE', 30, 1, 1000),
    },
    round: {
      rankingWeights: rankingWeights(env.RANKING_WEIGHTS, problems),
      programmeTarget: int('PROGRAMME_TARGET', 100, 1),
      fanOutParallel: int('ROUND_FANOUT_PARALLEL', 20, 1, 500),
    },
    studios: {
      grantFen: int('STUDIO_GRANT_FEN', 3_000_000, 1),
      target: int('STUDIO_TARGET', 30, 1),
      batchIntervalYears: int('STUDIO_BATCH_INTERVAL_YEARS', 2, 1, 10),
    },
    audit: { hashAlgorithm: hashAlgorithm(env.AUDIT_HASH, problems) },
    retention: { piiMs: duration('PII_RETENTION', '3y'), sweepBatch: int('PII_RETENTION_BATCH', 100, 1, 10_000) },
    documents: {
      font: env.DOCUMENT_FONT || null,
      fontBold: env.DOCUMENT_FONT_BOLD || null,
      issuer: env.DOCUMENT_ISSUER || '温州市瓯海区人民政府',
      office: env.DOCUMENT_OFFICE || '瓯海区“百名工匠大师”评选培育工作领导小组办公室',
      // The notice's own contact (附件1): the union's organisation and publicity department.
      officeContact: env.DOCUMENT_OFFICE_CONTACT || '联系电话：88511913；地址：瓯海区新行政中心9号楼4楼406办公室（区总工会组织宣教部）',
    },
    notify: notifyConfig(env, int, duration, problems),
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/**
 * PII_CIPHER_SUITE: what new personal data and Temporal payloads are sealed under, `aes-256-gcm`
 * (default) or `sm4` (the national suite). Both are always read, so switching needs no migration.
 */
function cipherSuite(raw: string | undefined, problems: string[]): CipherSuite {
  const value = raw || 'aes-256-gcm';
  if (isCipherSuite(value)) return value;
  problems.push(`PII_CIPHER_SUITE must be one of ${CIPHER_SUITES.join(', ')} (got '${value}')`);
  return 'aes-256-gcm';
}

/** Comma-separated origins (`https://console.example.gov.cn`), each a scheme and host with no path. */
function corsOrigins(raw: string | undefined, problems: string[]): string[] {
  const origins = (raw ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  const bad = origins.filter((o) => !/^https?:\/\/[^/\s*]+$/.test(o));
  if (bad.length) problems.push(`CORS_ORIGINS must list origins like https://console.example.gov.cn, comma-separated (got '${bad.join(', ')}')`);
  return origins.filter((o) => !bad.includes(o));
}

/** `sha256` (default) or `sm3` (the national suite, for deployments assessed under 密评). */
function hashAlgorithm(raw: string | undefined, problems: string[]): HashAlgorithm {
  const value = raw || 'sha256';
  if ((HASH_ALGORITHMS as readonly string[]).includes(value)) return value as HashAlgorithm;
  problems.push(`AUDIT_HASH must be one of ${HASH_ALGORITHMS.join(', ')} (got '${raw}')`);
  return 'sha256';
}

/** `expert:vote` in whole percent adding up to 100, e.g. `70:30`. */
function rankingWeights(raw: string | undefined, problems: string[]): RoundConfig['rankingWeights'] {
  const value = raw || '70:30';
  const m = /^(\d{1,3}):(\d{1,3})$/.exec(value);
  if (!m || Number(m[1]) + Number(m[2]) !== 100) {
    problems.push(`RANKING_WEIGHTS must be expert:vote in whole percent adding up to 100, e.g. '70:30' (got '${value}')`);
    return { expert: 70, vote: 30 };
  }
  return { expert: Number(m[1]), vote: Number(m[2]) };
}

function trustProxy(raw: string | undefined, problems: string[]): TrustProxy {
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (/^\d+$/.test(raw)) return Number(raw) === 0 ? false : Number(raw);
  // `true` would believe any client's X-Forwarded-For, and let one phone vote from a thousand addresses.
  const entries = raw.split(',').map((e) => e.trim());
  const bad = entries.filter((e) => !isTrustProxyEntry(e));
  if (raw === 'true' || bad.length) {
    problems.push(
      `TRUST_PROXY must be a number of proxy hops, or a comma-separated list of proxy addresses/subnets ` +
        `(or loopback, linklocal, uniquelocal); 'true' is refused because it trusts any client (got '${raw}')`,
    );
    return false;
  }
  return entries;
}

function voting(env: NodeJS.ProcessEnv, int: (name: string, fallback: number, min?: number, max?: number) => number, problems: string[]): VotingConfig {
  // The dev verifier lets anyone vote as anyone: off in production unless explicitly turned on.
  const devVerifier = flag(env.VOTE_DEV_VERIFIER, env.NODE_ENV !== 'production', 'VOTE_DEV_VERIFIER', problems);

  const appId = env.WECHAT_APP_ID ?? '';
  const appSecret = env.WECHAT_APP_SECRET ?? '';
  // Named, never echoed: the secret must not reach a log through a configuration error.
  if (appId && !appSecret) problems.push('WECHAT_APP_SECRET is required when WECHAT_APP_ID is set');
  if (appSecret && !appId) problems.push('WECHAT_APP_ID is required when WECHAT_APP_SECRET is set');
  const base = apiBase(env.WECHAT_API_BASE, 'https://api.weixin.qq.com', 'WECHAT_API_BASE', problems);
  const timeoutMs = int('WECHAT_TIMEOUT_MS', 5000, 100, 60_000);

  return {
    dailyCandidateLimit: int('VOTE_DAILY_CANDIDATE_LIMIT', 10, 1, 1000),
    rateLimitPerMinute: int('VOTE_RATE_LIMIT_PER_MINUTE', 120, 1),
    devVerifier,
    wechat: appId && appSecret ? { appId, appSecret, apiBase: base, timeoutMs } : null,
  };
}
