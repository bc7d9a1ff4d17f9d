import { isRole, type Role } from '../contract/roles';
import { apiBase, flag } from './readers';

/**
 * Notifications (README "Notifications"): how the worker's sender delivers the outbox. SMS and e-mail
 * go through the `dev` channel (recorded, nothing sent) until a provider is configured.
 */
export interface NotifyConfig {
  /** How often the sender looks for due rows, how many it takes at once, and how long a claim holds before another sender may retry it. */
  pollMs: number;
  batch: number;
  leaseMs: number;
  /** Attempts before a row is marked failed; the wait after the n-th failure is `backoffMs` × 2^(n-1), at most `maxBackoffMs`. */
  maxAttempts: number;
  backoffMs: number;
  maxBackoffMs: number;
  /** Also text a self-nominated candidate (the nominator is the candidate, whose mobile the file holds) when the file is returned or the outcome known. */
  smsSelfNominated: boolean;
  /** A mailbox per role that also gets its reminders and escalations by e-mail, e.g. union_office → the office's shared address. */
  emailTo: Partial<Record<Role, string>>;
  sms: SmsConfig;
  email: EmailConfig;
}

export type SmsConfig =
  { provider: 'dev' } | { provider: 'aliyun'; accessKeyId: string; accessKeySecret: string; signName: string; templateCode: string; apiBase: string; timeoutMs: number };

export type EmailConfig =
  | { provider: 'dev' }
  | { provider: 'smtp'; host: string; port: number; tls: 'implicit' | 'starttls' | 'none'; user: string | null; pass: string | null; from: string; timeoutMs: number };

type IntReader = (name: string, fallback: number, min?: number, max?: number) => number;
type DurationReader = (name: string, fallback: string) => number;

export function notifyConfig(env: NodeJS.ProcessEnv, int: IntReader, duration: DurationReader, problems: string[]): NotifyConfig {
  return {
    pollMs: duration('NOTIFY_POLL_INTERVAL', '2s'),
    batch: int('NOTIFY_BATCH', 20, 1, 500),
    leaseMs: duration('NOTIFY_LEASE', '1m'),
    maxAttempts: int('NOTIFY_MAX_ATTEMPTS', 6, 1, 100),
    backoffMs: duration('NOTIFY_BACKOFF', '30s'),
    maxBackoffMs: duration('NOTIFY_MAX_BACKOFF', '1h'),
    smsSelfNominated: flag(env.NOTIFY_SMS_SELF_NOMINATED, true, 'NOTIFY_SMS_SELF_NOMINATED', problems),
    emailTo: emailTo(env.NOTIFY_EMAIL_TO, problems),
    sms: sms(env, int, problems),
    email: email(env, int, problems),
  };
}

/** `role:address,role:address`, e.g. `union_office:office@example.gov.cn`. */
function emailTo(raw: string | undefined, problems: string[]): Partial<Record<Role, string>> {
  const out: Partial<Record<Role, string>> = {};
  for (const entry of (raw ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [role, address] = [entry.slice(0, entry.indexOf(':')), entry.slice(entry.indexOf(':') + 1)];
    if (!isRole(role) || !/^[^\s@:,]+@[^\s@:,]+$/.test(address)) problems.push(`NOTIFY_EMAIL_TO entries must be role:address (got '${entry}')`);
    else out[role] = address;
  }
  return out;
}

function sms(env: NodeJS.ProcessEnv, int: IntReader, problems: string[]): SmsConfig {
  const provider = env.SMS_PROVIDER || 'dev';
  if (provider === 'dev') return { provider };
  if (provider !== 'aliyun') {
    problems.push(`SMS_PROVIDER must be dev or aliyun (got '${provider}')`);
    return { provider: 'dev' };
  }
  // Named, never echoed: a configuration error must not carry the secret into a log.
  for (const name of ['SMS_ACCESS_KEY_ID', 'SMS_ACCESS_KEY_SECRET', 'SMS_SIGN_NAME', 'SMS_TEMPLATE_CODE']) {
    if (!env[name]) problems.push(`${name} is required when SMS_PROVIDER is aliyun`);
  }
  return {
    provider,
    accessKeyId: env.SMS_ACCESS_KEY_ID ?? '',
    accessKeySecret: env.SMS_ACCESS_KEY_SECRET ?? '',
    signName: env.SMS_SIGN_NAME ?? '',
    templateCode: env.SMS_TEMPLATE_CODE ?? '',
    apiBase: apiBase(env.SMS_API_BASE, 'https://dysmsapi.aliyuncs.com', 'SMS_API_BASE', problems),
    timeoutMs: int('SMS_TIMEOUT_MS', 5000, 100, 60_000),
  };
}

function email(env: NodeJS.ProcessEnv, int: IntReader, problems: string[]): EmailConfig {
  if (!env.SMTP_HOST) return { provider: 'dev' };
  const tls = env.SMTP_TLS || 'starttls';
  if (tls !== 'implicit' && tls !== 'starttls' && tls !== 'none') problems.push(`SMTP_TLS must be implicit, starttls or none (got '${tls}')`);
  if (!env.SMTP_FROM) problems.push('SMTP_FROM is required when SMTP_HOST is set');
  if (!!env.SMTP_USER !== !!env.SMTP_PASSWORD) problems.push('SMTP_USER and SMTP_PASSWORD go together');
  return {
    provider: 'smtp',
    host: env.SMTP_HOST,
    port: int('SMTP_PORT', tls === 'implicit' ? 465 : 587, 1, 65535),
    tls: tls as 'implicit' | 'starttls' | 'none',
    user: env.SMTP_USER || null,
    pass: env.SMTP_PASSWORD || null,
    from: env.SMTP_FROM ?? '',
    timeoutMs: int('SMTP_TIMEOUT_MS', 10_000, 100, 120_000),
  };
}
