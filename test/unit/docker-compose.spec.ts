import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { posix, resolve } from 'node:path';
import { parse } from 'yaml';
import { ConfigError, loadConfig } from '../../libs/config';

/**
 * Keeps docker-compose.yml and the Dockerfile honest against the code: the variables loadConfig
 * requires, the entry points, and the wiring between the services.
 */

const root = resolve(__dirname, '../..');

interface Service {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  command?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  ports?: Array<string | number | { target: number; published?: string | number }>;
  depends_on?: string[] | Record<string, { condition?: string }>;
}

const compose = parse(readFileSync(resolve(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
};
const services = compose.services;
const dockerfile = readFileSync(resolve(root, 'Dockerfile'), 'utf8');

/** Stand-ins for what the operator puts in the host environment: the secrets, in valid shapes. */
const hostEnv: Record<string, string> = {
  OIDC_ISSUER: 'https://idp.example.org/realms/ouhai',
  OIDC_AUDIENCE: 'ouhai-masters-api',
  OIDC_JWKS_URL: 'https://idp.example.org/realms/ouhai/jwks',
  PII_KEYS: `k1:${randomBytes(32).toString('base64')}`,
  PII_INDEX_KEY: randomBytes(32).toString('base64'),
  POSTGRES_PASSWORD: 'dummy-password',
};

/** Compose-style interpolation: ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?err}, ${VAR?err}, $$. */
function interpolate(value: string): string {
  return value.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}/g, (match, name?: string, op?: string, arg?: string) => {
    if (match === '$$') return '$';
    const v = hostEnv[name!];
    switch (op) {
      case ':-':
        return v ? v : arg!;
      case '-':
        return v ?? arg!;
      case ':?':
      case '?':
        if (v === undefined || (op === ':?' && v === '')) throw new Error(`compose requires \${${name}} (${arg}), which the test does not supply`);
        return v;
      default:
        return v ?? '';
    }
  });
}

function envOf(name: string): Record<string, string> {
  const raw = services[name]?.environment ?? {};
  const entries = Array.isArray(raw)
    ? raw.map((e) => {
        const i = e.indexOf('=');
        return i < 0 ? [e, ''] : [e.slice(0, i), e.slice(i + 1)];
      })
    : Object.entries(raw).map(([k, v]) => [k, v === null ? '' : String(v)]);
  return Object.fromEntries(entries.map(([k, v]) => [k, interpolate(v)]));
}

function commandOf(name: string): string[] {
  const cmd = services[name]?.command;
  if (cmd === undefined) return [];
  return Array.isArray(cmd) ? cmd : cmd.trim().split(/\s+/);
}

/** dist/apps/worker/src/main.js -> apps/worker/src/main.ts */
function sourceOf(compiled: string): string {
  return compiled.replace(/^(\.\/)?dist\//, '').replace(/\.js$/, '.ts');
}

function containerPorts(name: string): number[] {
  return (services[name]?.ports ?? []).map((p) => {
    if (typeof p === 'object') return Number(p.target);
    const spec = interpolate(String(p)).replace(/\/(tcp|udp)$/, '');
    return Number(spec.split(':').pop());
  });
}

function dependsOn(name: string): Record<string, string | undefined> {
  const deps = services[name]?.depends_on ?? [];
  if (Array.isArray(deps)) return Object.fromEntries(deps.map((d) => [d, 'service_started']));
  return Object.fromEntries(Object.entries(deps).map(([d, v]) => [d, v?.condition ?? 'service_started']));
}

/** The variables loadConfig refuses to start without, as it reports them. */
function requiredVariables(): string[] {
  try {
    // What the image (NODE_ENV=production) requires.
    loadConfig({ NODE_ENV: 'production' });
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    return [...new Set(err.problems.map((p) => p.split(/\s/)[0]))];
  }
  throw new Error('loadConfig({}) accepted an empty environment');
}

const APPS = ['api', 'worker'] as const;

describe('docker-compose.yml', () => {
  it('has the long-running services and the one-shot migration', () => {
    for (const name of ['postgres', 'temporal', 'temporal-ui', 'worker', 'api', 'migrate']) {
      expect(services).toHaveProperty([name]);
    }
  });

  it.each(APPS)('%s builds from the repository Dockerfile', (name) => {
    const build = services[name].build;
    expect(build).toBeDefined();
    const context = typeof build === 'string' ? build : (build?.context ?? '.');
    const file = typeof build === 'object' && build.dockerfile ? build.dockerfile : 'Dockerfile';
    const path = resolve(root, context, file);
    expect(path).toBe(resolve(root, 'Dockerfile'));
    expect(existsSync(path)).toBe(true);
  });

  const required = requiredVariables();

  it('derives a plausible list of required variables from loadConfig', () => {
    expect(required).toEqual(expect.arrayContaining(['DATABASE_URL', 'TEMPORAL_ADDRESS', 'OIDC_ISSUER', 'OIDC_AUDIENCE', 'OIDC_JWKS_URL']));
    for (const v of required) expect(v).toMatch(/^[A-Z][A-Z0-9_]*$/);
  });

  it.each(APPS)('%s sets every variable loadConfig requires', (name) => {
    const env = envOf(name);
    for (const v of required) {
      expect({ [v]: env[v] }).toEqual({ [v]: expect.stringMatching(/.+/) });
    }
  });

  it('the worker sees the same shared settings as the api (namespace, task queue, keys…)', () => {
    const api = envOf('api');
    const worker = envOf('worker');
    for (const [k, v] of Object.entries(worker)) expect({ [k]: api[k] }).toEqual({ [k]: v });
  });

  it.each(APPS)('loadConfig accepts the environment compose gives %s', (name) => {
    expect(() => loadConfig(envOf(name))).not.toThrow();
  });

  it('the api passes the public voting settings through, with the documented defaults', () => {
    const api = envOf('api');
    for (const v of ['WECHAT_APP_ID', 'WECHAT_APP_SECRET', 'TRUST_PROXY', 'VOTE_DAILY_CANDIDATE_LIMIT', 'VOTE_RATE_LIMIT_PER_MINUTE']) {
      expect(api).toHaveProperty([v]);
    }
    const config = loadConfig(api);
    expect(config.voting).toMatchObject({ dailyCandidateLimit: 10, rateLimitPerMinute: 120 });
    expect(config.trustProxy).toBe(false);
  });

  it('the apps pass the round settings through, with the documented defaults', () => {
    const api = envOf('api');
    for (const v of ['RANKING_WEIGHTS', 'PROGRAMME_TARGET']) expect(api).toHaveProperty([v]);
    expect(loadConfig(api).round).toEqual({ rankingWeights: { expert: 70, vote: 30 }, programmeTarget: 100, fanOutParallel: 20 });
    expect(envOf('worker')).toHaveProperty(['ROUND_FANOUT_PARALLEL']);
    expect(loadConfig(envOf('worker')).round.fanOutParallel).toBe(20);
  });

  it('the api bounds its wait for the workflow engine, 10 s by default', () => {
    expect(envOf('api')).toHaveProperty(['TEMPORAL_CALL_TIMEOUT']);
    expect(loadConfig(envOf('api')).temporal.callTimeoutMs).toBe(10_000);
  });

  it('the api listens on the container port it publishes', () => {
    const config = loadConfig(envOf('api'));
    expect(containerPorts('api')).toContain(config.port);
  });

  it.each(APPS)('%s reaches PostgreSQL and Temporal through their services', (name) => {
    const config = loadConfig(envOf(name));
    const db = new URL(config.databaseUrl);
    expect(db.hostname).toBe('postgres');
    expect(db.port || '5432').toBe('5432');
    const pg = envOf('postgres');
    expect(decodeURIComponent(db.username)).toBe(pg.POSTGRES_USER || 'postgres');
    expect(decodeURIComponent(db.password)).toBe(pg.POSTGRES_PASSWORD);
    expect(db.pathname.slice(1)).toBe(pg.POSTGRES_DB || pg.POSTGRES_USER || 'postgres');

    expect(config.temporal.address).toBe('temporal:7233');
    expect(services.temporal).toBeDefined();
  });

  it('temporal persists to the postgres service', () => {
    const t = envOf('temporal');
    const pg = envOf('postgres');
    expect(services.postgres.image).toMatch(/^postgres:/);
    expect(t.DB).toBe('postgres12');
    expect(t.POSTGRES_SEEDS).toBe('postgres');
    expect(t.DB_PORT).toBe('5432');
    expect(t.POSTGRES_USER).toBe(pg.POSTGRES_USER);
    expect(t.POSTGRES_PWD).toBe(pg.POSTGRES_PASSWORD);
    expect(dependsOn('temporal')).toHaveProperty('postgres', 'service_healthy');
    expect(envOf('temporal-ui').TEMPORAL_ADDRESS).toBe('temporal:7233');
  });

  it('the worker runs the worker entry point', () => {
    const cmd = commandOf('worker');
    const entry = cmd.find((a) => a.endsWith('.js'));
    expect(entry).toBeDefined();
    const src = sourceOf(entry!);
    expect(posix.dirname(src)).toBe('apps/worker/src');
    expect(posix.basename(src)).toBe('main.ts');
    expect(existsSync(resolve(root, src))).toBe(true);
  });

  it('the api runs the api entry point (its own command or the image default)', () => {
    const cmd = commandOf('api');
    const cmdLine = cmd.length ? cmd.join(' ') : (/^CMD\s+(.*)$/m.exec(dockerfile)?.[1] ?? '');
    const entry = /(\S*dist\/\S+\.js)/.exec(cmdLine.replace(/[[\]",]/g, ' '))?.[1];
    expect(entry).toBeDefined();
    expect(sourceOf(entry!)).toBe('apps/api/src/main.ts');
    expect(existsSync(resolve(root, sourceOf(entry!)))).toBe(true);
  });

  it('migrate runs scripts/migrate and the apps wait for it to succeed', () => {
    const entry = commandOf('migrate').find((a) => a.endsWith('.js'));
    expect(entry && sourceOf(entry)).toBe('scripts/migrate.ts');
    expect(existsSync(resolve(root, 'scripts/migrate.ts'))).toBe(true);
    expect(envOf('migrate').DATABASE_URL).toBe(envOf('api').DATABASE_URL);
    for (const name of APPS) {
      const deps = dependsOn(name);
      expect(deps).toHaveProperty('migrate', 'service_completed_successfully');
      expect(deps).toHaveProperty('postgres', 'service_healthy');
      expect(deps).toHaveProperty('temporal');
    }
  });
});

describe('Dockerfile', () => {
  it('prebuilds the workflow bundle and points WORKFLOW_BUNDLE_PATH at it', () => {
    expect(existsSync(resolve(root, 'scripts/bundle-workflows.ts'))).toBe(true);
    const out = /node\s+dist\/scripts\/bundle-workflows\.js\s+(\S+)/.exec(dockerfile)?.[1];
    expect(out).toBeDefined();
    const bundlePath = /WORKFLOW_BUNDLE_PATH=(\S+)/.exec(dockerfile)?.[1];
    expect(bundlePath).toBeDefined();
    const workdirs = [...dockerfile.matchAll(/^WORKDIR\s+(\S+)/gm)].map((m) => m[1]);
    expect(bundlePath).toBe(posix.resolve(workdirs[workdirs.length - 1] ?? '/', out!));
  });

  it('installs production dependencies only in the runtime stage', () => {
    const stages = dockerfile.split(/^FROM\s/m);
    const runtime = stages[stages.length - 1];
    expect(runtime).toMatch(/npm ci --omit=dev/);
    expect(runtime).toMatch(/NODE_ENV=production/);
  });
});
