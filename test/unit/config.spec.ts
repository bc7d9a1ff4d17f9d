import { ConfigError, loadConfig } from '../../libs/config/config';
import { TASK_QUEUE } from '../../libs/contract';
import { generateLocalKeyPair, LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../libs/security/local-issuer';
import { TEST_OIDC } from '../support/oidc';

const issuerKeys = generateLocalKeyPair();

const key = (byte: number, length = 32) => Buffer.alloc(length, byte).toString('base64');

const minimalEnv = (): NodeJS.ProcessEnv => ({
  DATABASE_URL: 'postgres://app:secret@db:5432/craftsmen',
  TEMPORAL_ADDRESS: 'temporal:7233',
  AUTH_LOCAL_PUBLIC_KEY: JSON.stringify(issuerKeys.publicJwk),
  PII_KEYS: `k1:${key(1)}`,
  PII_INDEX_KEY: key(9),
});

const fullEnv = (): NodeJS.ProcessEnv => ({
  ...minimalEnv(),
  PORT: '8080',
  TEMPORAL_NAMESPACE: 'ouhai',
  TEMPORAL_TASK_QUEUE: 'candidates-v2',
  TEMPORAL_UI_URL: 'http://temporal-ui:8233',
  PII_KEYS: `k1:${key(1)},k2:${key(2)}`,
  PII_ACTIVE_KEY_ID: 'k2',
  PUBLIC_NOTICE_DURATION: '10d',
  BONUS_FEN: '3000000',
  SUBSIDY_MONTHLY_FEN: '100000',
  SUBSIDY_MONTHS: '36',
  SUBSIDY_DUE_DAY: '15',
});

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).problems;
  }
  throw new Error('expected loadConfig to throw a ConfigError');
}

describe('loadConfig', () => {
  it('reads a full valid environment', () => {
    const cfg = loadConfig(fullEnv());
    expect(cfg.port).toBe(8080);
    expect(cfg.databaseUrl).toBe('postgres://app:secret@db:5432/craftsmen');
    expect(cfg.temporal).toEqual({ address: 'temporal:7233', namespace: 'ouhai', taskQueue: 'candidates-v2', uiUrl: 'http://temporal-ui:8233', callTimeoutMs: 10_000 });
    expect(cfg.auth).toMatchObject({ issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, keys: { kind: 'local', publicJwk: issuerKeys.publicJwk }, clockToleranceSec: 30 });
    expect([...cfg.pii.keys.keys()]).toEqual(['k1', 'k2']);
    expect(cfg.pii.keys.get('k1')).toEqual(Buffer.alloc(32, 1));
    expect(cfg.pii.keys.get('k2')).toEqual(Buffer.alloc(32, 2));
    expect(cfg.pii.activeKeyId).toBe('k2');
    expect(cfg.pii.indexKey).toEqual(Buffer.alloc(32, 9));
    expect(cfg.programme).toEqual({ publicNoticeMs: 10 * 86_400_000, bonusFen: 3_000_000, subsidyMonthlyFen: 100_000, subsidyMonths: 36, subsidyDueDay: 15 });
  });

  it('applies the documented defaults', () => {
    const cfg = loadConfig(minimalEnv());
    expect(cfg.port).toBe(3000);
    expect(cfg.temporal).toEqual({ address: 'temporal:7233', namespace: 'default', taskQueue: TASK_QUEUE, uiUrl: null, callTimeoutMs: 10_000 });
    expect(cfg.programme.publicNoticeMs).toBe(7 * 24 * 60 * 60 * 1000);
    expect(cfg.programme.bonusFen).toBe(2_000_000); // 20,000 yuan
    expect(cfg.programme.subsidyMonthlyFen).toBe(80_000); // 800 yuan
    expect(cfg.programme.subsidyMonths).toBe(24);
    expect(cfg.programme.subsidyDueDay).toBe(10);
  });

  it('treats empty strings as unset for defaults', () => {
    const cfg = loadConfig({ ...minimalEnv(), PORT: '', BONUS_FEN: '', PUBLIC_NOTICE_DURATION: '' });
    expect(cfg.port).toBe(3000);
    expect(cfg.programme.bonusFen).toBe(2_000_000);
    expect(cfg.programme.publicNoticeMs).toBe(604_800_000);
  });

  it('defaults the active PII key to the first configured key', () => {
    const cfg = loadConfig({ ...minimalEnv(), PII_KEYS: `a:${key(1)},b:${key(2)}` });
    expect(cfg.pii.activeKeyId).toBe('a');
  });

  it('seals under AES-256-GCM unless PII_CIPHER_SUITE names the national suite, and refuses other suites', () => {
    expect(loadConfig(minimalEnv()).pii.suite).toBe('aes-256-gcm');
    expect(loadConfig({ ...minimalEnv(), PII_CIPHER_SUITE: 'sm4' }).pii.suite).toBe('sm4');
    expect(problemsOf({ ...minimalEnv(), PII_CIPHER_SUITE: 'des' })).toContain("PII_CIPHER_SUITE must be one of aes-256-gcm, sm4 (got 'des')");
  });

  it('reads PUBLIC_NOTICE_DURATION=5s as 5000 ms', () => {
    expect(loadConfig({ ...minimalEnv(), PUBLIC_NOTICE_DURATION: '5s' }).programme.publicNoticeMs).toBe(5000);
  });

  it.each([
    ['bad', 'not a duration'],
    ['0s', 'zero'],
    ['-5s', 'negative'],
  ])('refuses PUBLIC_NOTICE_DURATION=%s (%s)', (raw) => {
    expect(problemsOf({ ...minimalEnv(), PUBLIC_NOTICE_DURATION: raw })).toEqual([`PUBLIC_NOTICE_DURATION must be a duration such as '7d' or '5s' (got '${raw}')`]);
  });

  it.each([
    ['BONUS_FEN', '20000.50'],
    ['BONUS_FEN', '0'],
    ['BONUS_FEN', 'lots'],
    ['SUBSIDY_MONTHLY_FEN', '-1'],
    ['SUBSIDY_MONTHS', '1.5'],
    ['BONUS_FEN', '1e6'],
    ['BONUS_FEN', '0x10'],
  ])('refuses %s=%s', (name, raw) => {
    const problems = problemsOf({ ...minimalEnv(), [name]: raw });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${name} must be an integer >= \\d+ \\(got '${raw.replace('.', '\\.')}'\\)$`));
  });

  it.each(['0', '32', 'tenth'])('refuses SUBSIDY_DUE_DAY=%s, naming the range of a month', (raw) => {
    expect(problemsOf({ ...minimalEnv(), SUBSIDY_DUE_DAY: raw })).toEqual([`SUBSIDY_DUE_DAY must be an integer from 1 to 31 (got '${raw}')`]);
  });

  it.each(['http', '70000'])('refuses PORT=%s, naming the range', (raw) => {
    expect(problemsOf({ ...minimalEnv(), PORT: raw })).toEqual([`PORT must be an integer from 0 to 65535 (got '${raw}')`]);
  });

  it('never echoes a PII_KEYS entry, which may be the key itself', () => {
    const bare = key(1);
    const problems = problemsOf({ ...minimalEnv(), PII_KEYS: bare });
    expect(problems).toContain('PII_KEYS entry 1 must be <keyId>:<32 bytes in base64>');
    expect(problems.join('\n')).not.toContain(bare);
  });

  it('refuses a PII_INDEX_KEY shorter than 32 bytes', () => {
    expect(problemsOf({ ...minimalEnv(), PII_INDEX_KEY: key(9, 16) })).toEqual(['PII_INDEX_KEY must be at least 32 bytes in base64']);
  });

  it('refuses a PII_KEYS entry without an id', () => {
    expect(problemsOf({ ...minimalEnv(), PII_KEYS: `:${key(1)}` })).toContainEqual(expect.stringContaining('PII_KEYS entry'));
  });

  it('reports every problem at once in one ConfigError', () => {
    const env: NodeJS.ProcessEnv = {
      AUTH_LOCAL_PUBLIC_KEY: '{"kty":"oct"}',
      PII_KEYS: `k1:${key(1)},k2:${key(2, 16)}`,
      PII_ACTIVE_KEY_ID: 'k9',
      PII_INDEX_KEY: key(9),
      PUBLIC_NOTICE_DURATION: 'a week',
      BONUS_FEN: '20000.5',
    };
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems, message } = error as ConfigError;
    expect(problems).toEqual(
      expect.arrayContaining([
        'DATABASE_URL is required',
        'TEMPORAL_ADDRESS is required',
        'PII_KEYS entry 2 must be <keyId>:<32 bytes in base64>',
        'AUTH_LOCAL_PUBLIC_KEY must be a P-256 EC JSON Web Key',
        "PII_ACTIVE_KEY_ID 'k9' is not among PII_KEYS",
        "PUBLIC_NOTICE_DURATION must be a duration such as '7d' or '5s' (got 'a week')",
        "BONUS_FEN must be an integer >= 1 (got '20000.5')",
      ]),
    );
    expect(problems).toHaveLength(7);
    for (const p of problems) expect(message).toContain(p);
  });

  it('reports all the required secrets when the environment is empty', () => {
    expect(problemsOf({})).toEqual(
      expect.arrayContaining([
        'PII_KEYS is required',
        'PII_INDEX_KEY is required',
        'AUTH_LOCAL_PUBLIC_KEY is required when OIDC_ISSUER is not set (npm start keeps one under data/)',
        'DATABASE_URL is required',
        'TEMPORAL_ADDRESS is required',
      ]),
    );
  });

  it('does not leak secret values into the error message', () => {
    const secret = JSON.stringify({ ...issuerKeys.privateJwk, crv: 'P-384' });
    let message = '';
    try {
      loadConfig({ ...minimalEnv(), AUTH_LOCAL_PUBLIC_KEY: '', AUTH_LOCAL_PRIVATE_KEY: secret, DATABASE_URL: '' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('AUTH_LOCAL_PRIVATE_KEY must be a P-256 EC JSON Web Key');
    expect(message).not.toContain(String(issuerKeys.privateJwk.d));
  });
});

describe('settings of rounds and attachments', () => {
  it("defaults the per-area target to the notice's 3 and attachments to 10 MiB", () => {
    const cfg = loadConfig(minimalEnv());
    expect(cfg.roundAreaTarget).toBe(3);
    expect(cfg.attachmentMaxBytes).toBe(10 * 1024 * 1024);
  });

  it('reads ROUND_AREA_TARGET and ATTACHMENT_MAX_BYTES', () => {
    const cfg = loadConfig({ ...minimalEnv(), ROUND_AREA_TARGET: '0', ATTACHMENT_MAX_BYTES: '2048' });
    expect([cfg.roundAreaTarget, cfg.attachmentMaxBytes]).toEqual([0, 2048]);
  });

  it.each([
    ['ROUND_AREA_TARGET', '-1', 'ROUND_AREA_TARGET must be an integer >= 0'],
    ['ROUND_AREA_TARGET', 'three', 'ROUND_AREA_TARGET must be an integer >= 0'],
    ['ATTACHMENT_MAX_BYTES', '0', 'ATTACHMENT_MAX_BYTES must be an integer from 1 to 2147483647'],
    ['ATTACHMENT_MAX_BYTES', '10MB', 'ATTACHMENT_MAX_BYTES must be an integer from 1 to 2147483647'],
    ['ATTACHMENT_MAX_BYTES', String(2 ** 31), 'ATTACHMENT_MAX_BYTES must be an integer from 1 to 2147483647'],
  ])('refuses %s=%s at boot, with the other problems', (name, raw, message) => {
    expect(() => loadConfig({ ...minimalEnv(), [name]: raw })).toThrow(message);
  });
});

describe('settings of public voting', () => {
  it('defaults to 10 candidates a day, 120 requests a minute, no proxy trusted, no WeChat, dev verifier outside production', () => {
    const cfg = loadConfig(minimalEnv());
    expect(cfg.voting).toEqual({ dailyCandidateLimit: 10, rateLimitPerMinute: 120, devVerifier: true, wechat: null });
    expect(cfg.trustProxy).toBe(false);
  });

  it('reads the limits and the WeChat account, with api.weixin.qq.com as the default base', () => {
    const cfg = loadConfig({
      ...minimalEnv(),
      VOTE_DAILY_CANDIDATE_LIMIT: '5',
      VOTE_RATE_LIMIT_PER_MINUTE: '600',
      WECHAT_APP_ID: 'wx0123',
      WECHAT_APP_SECRET: 's3cret',
    });
    expect(cfg.voting).toEqual({
      dailyCandidateLimit: 5,
      rateLimitPerMinute: 600,
      devVerifier: true,
      wechat: { appId: 'wx0123', appSecret: 's3cret', apiBase: 'https://api.weixin.qq.com', timeoutMs: 5000 },
    });
    const local = loadConfig({ ...minimalEnv(), WECHAT_APP_ID: 'a', WECHAT_APP_SECRET: 'b', WECHAT_API_BASE: 'http://127.0.0.1:9000/wx/', WECHAT_TIMEOUT_MS: '800' });
    expect(local.voting.wechat).toMatchObject({ apiBase: 'http://127.0.0.1:9000/wx', timeoutMs: 800 });
  });

  it('turns the dev verifier off in production unless VOTE_DEV_VERIFIER=true, and off anywhere with false', () => {
    expect(loadConfig({ ...minimalEnv(), ...TEST_OIDC, NODE_ENV: 'production' }).voting.devVerifier).toBe(false);
    expect(loadConfig({ ...minimalEnv(), ...TEST_OIDC, NODE_ENV: 'production', VOTE_DEV_VERIFIER: 'true' }).voting.devVerifier).toBe(true);
    expect(loadConfig({ ...minimalEnv(), VOTE_DEV_VERIFIER: 'false' }).voting.devVerifier).toBe(false);
  });

  it.each([
    ['1', 1],
    ['0', false],
    ['false', false],
    ['loopback', ['loopback']],
    ['10.0.0.0/8, 192.168.1.7,::1,fd00::/8', ['10.0.0.0/8', '192.168.1.7', '::1', 'fd00::/8']],
  ])('reads TRUST_PROXY=%s', (raw, expected) => {
    expect(loadConfig({ ...minimalEnv(), TRUST_PROXY: raw }).trustProxy).toEqual(expected);
  });

  it.each(['true', 'proxy.local', '10.0.0.0/33', '300.1.1.1'])('refuses TRUST_PROXY=%s', (raw) => {
    expect(problemsOf({ ...minimalEnv(), TRUST_PROXY: raw })).toEqual([expect.stringMatching(/^TRUST_PROXY must be a number of proxy hops/)]);
  });

  it.each([
    ['VOTE_DAILY_CANDIDATE_LIMIT', '0', 'VOTE_DAILY_CANDIDATE_LIMIT must be an integer from 1 to 1000'],
    ['VOTE_RATE_LIMIT_PER_MINUTE', 'lots', 'VOTE_RATE_LIMIT_PER_MINUTE must be an integer >= 1'],
    ['VOTE_DEV_VERIFIER', 'yes', "VOTE_DEV_VERIFIER must be 'true' or 'false'"],
    ['WECHAT_API_BASE', 'api.weixin.qq.com', 'WECHAT_API_BASE must be an http(s) URL'],
    ['WECHAT_TIMEOUT_MS', '5', 'WECHAT_TIMEOUT_MS must be an integer from 100 to 60000'],
  ])('refuses %s=%s at boot', (name, raw, message) => {
    expect(problemsOf({ ...minimalEnv(), [name]: raw })).toEqual([expect.stringContaining(message)]);
  });

  it('wants the WeChat app id and secret together, and never echoes the secret', () => {
    const secret = 'the-wechat-app-secret-value';
    expect(problemsOf({ ...minimalEnv(), WECHAT_APP_SECRET: secret })).toEqual(['WECHAT_APP_ID is required when WECHAT_APP_SECRET is set']);
    expect(problemsOf({ ...minimalEnv(), WECHAT_APP_ID: 'wx1' })).toEqual(['WECHAT_APP_SECRET is required when WECHAT_APP_ID is set']);
    let message = '';
    try {
      loadConfig({ ...minimalEnv(), WECHAT_APP_SECRET: secret, WECHAT_API_BASE: 'nope' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('WECHAT_APP_ID is required');
    expect(message).not.toContain(secret);
  });

  it('defaults the ranking weights to 70:30, the programme target to 100 and the fan-out to 20 signals at once', () => {
    expect(loadConfig(minimalEnv()).round).toEqual({ rankingWeights: { expert: 70, vote: 30 }, programmeTarget: 100, fanOutParallel: 20 });
  });

  it('reads RANKING_WEIGHTS, PROGRAMME_TARGET and ROUND_FANOUT_PARALLEL', () => {
    const cfg = loadConfig({ ...minimalEnv(), RANKING_WEIGHTS: '60:40', PROGRAMME_TARGET: '120', ROUND_FANOUT_PARALLEL: '4' });
    expect(cfg.round).toEqual({ rankingWeights: { expert: 60, vote: 40 }, programmeTarget: 120, fanOutParallel: 4 });
  });

  it('waits 10 s for the workflow engine by default, and reads TEMPORAL_CALL_TIMEOUT', () => {
    expect(loadConfig(minimalEnv()).temporal.callTimeoutMs).toBe(10_000);
    expect(loadConfig({ ...minimalEnv(), TEMPORAL_CALL_TIMEOUT: '15s' }).temporal.callTimeoutMs).toBe(15_000);
  });

  it.each([
    ['RANKING_WEIGHTS', '70:20', 'RANKING_WEIGHTS must be expert:vote in whole percent adding up to 100'],
    ['RANKING_WEIGHTS', '70/30', 'RANKING_WEIGHTS must be expert:vote in whole percent adding up to 100'],
    ['RANKING_WEIGHTS', '0.7:0.3', 'RANKING_WEIGHTS must be expert:vote in whole percent adding up to 100'],
    ['PROGRAMME_TARGET', '0', 'PROGRAMME_TARGET must be an integer >= 1'],
    ['ROUND_FANOUT_PARALLEL', '0', 'ROUND_FANOUT_PARALLEL must be an integer from 1 to 500'],
    ['TEMPORAL_CALL_TIMEOUT', 'soon', "TEMPORAL_CALL_TIMEOUT must be a duration such as '7d' or '5s'"],
  ])('refuses %s=%s at boot', (name, raw, message) => {
    expect(() => loadConfig({ ...minimalEnv(), [name]: raw })).toThrow(message);
  });
});

describe('loadConfig: authentication', () => {
  it('refuses to boot in production without an OpenID Connect issuer, even with a local key', () => {
    expect(problemsOf({ ...minimalEnv(), NODE_ENV: 'production' })).toEqual(
      expect.arrayContaining(['OIDC_ISSUER is required in production', 'OIDC_AUDIENCE is required in production', 'OIDC_JWKS_URL is required in production']),
    );
    expect(problemsOf({ ...minimalEnv(), ...TEST_OIDC, OIDC_JWKS_URL: 'http://idp.test/jwks', NODE_ENV: 'production' })).toEqual([
      "OIDC_JWKS_URL must be an https URL (got 'http://idp.test/jwks')",
    ]);
  });

  it('reads the issuer, audience, JWKS URL and claim mapping', () => {
    const { auth } = loadConfig({
      ...minimalEnv(),
      ...TEST_OIDC,
      NODE_ENV: 'production',
      OIDC_ROLE_CLAIM: 'realm_access.roles',
      OIDC_AREA_CLAIM: 'district',
      OIDC_ROLE_MAP: 'programme-office:union_office, finance-dept:finance',
      AUTH_CLOCK_TOLERANCE_SECONDS: '10',
      AUTH_FAILURE_LIMIT: '5',
      AUTH_FAILURE_WINDOW: '30s',
      AUTH_FAILURE_BLOCK: '15m',
    });
    expect(auth).toEqual({
      issuer: TEST_OIDC.OIDC_ISSUER,
      audience: TEST_OIDC.OIDC_AUDIENCE,
      keys: { kind: 'jwks', url: TEST_OIDC.OIDC_JWKS_URL, cooldownMs: 30_000 },
      claims: { role: 'realm_access.roles', area: 'district', roleMap: { 'programme-office': 'union_office', 'finance-dept': 'finance' } },
      clockToleranceSec: 10,
      failures: { limit: 5, windowMs: 30_000, blockMs: 900_000 },
      console: null,
    });
  });

  it("reads the console's sign-in client, and refuses its endpoints unless https in production", () => {
    const env = { ...minimalEnv(), ...TEST_OIDC, OIDC_CONSOLE_CLIENT_ID: 'ouhai-console' };
    expect(loadConfig(env).auth.console).toEqual({ clientId: 'ouhai-console', scope: 'openid', authorizationUrl: null, tokenUrl: null });
    expect(problemsOf({ ...env, NODE_ENV: 'production', OIDC_TOKEN_URL: 'http://idp.test/token', OIDC_AUTHORIZATION_URL: 'https://idp.test/auth' })).toEqual([
      "OIDC_TOKEN_URL must be an https URL (got 'http://idp.test/token')",
    ]);
  });

  it('refuses a role mapping onto an unknown role', () => {
    expect(problemsOf({ ...minimalEnv(), ...TEST_OIDC, OIDC_ROLE_MAP: 'boss:emperor' })).toEqual([
      "OIDC_ROLE_MAP entries must be <issuer's value>:<role> with a known role (got 'boss:emperor')",
    ]);
  });

  it('derives the local public key from the private one when only that is given', () => {
    const { auth } = loadConfig({ ...minimalEnv(), AUTH_LOCAL_PUBLIC_KEY: '', AUTH_LOCAL_PRIVATE_KEY: JSON.stringify(issuerKeys.privateJwk) });
    expect(auth.keys).toEqual({ kind: 'local', publicJwk: issuerKeys.publicJwk });
  });
});
