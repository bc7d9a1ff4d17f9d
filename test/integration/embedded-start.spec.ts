import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signLocalToken } from '../../libs/security/local-issuer';
import { client, nomination } from '../support/service';
import { freePort } from '../../libs/dev/free-port';

jest.setTimeout(240_000);

const START = join(__dirname, '..', '..', 'dist', 'scripts', 'start.js');

/** `npm start` after its install and build steps, with neither TEMPORAL_ADDRESS nor DATABASE_URL set. */
function start(env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string; ready: Promise<void> } {
  const clean = { ...process.env, ...env };
  for (const k of [
    'TEMPORAL_ADDRESS',
    'DATABASE_URL',
    'AUTH_LOCAL_PRIVATE_KEY',
    'AUTH_LOCAL_PUBLIC_KEY',
    'PII_KEYS',
    'PII_INDEX_KEY',
    'WORKFLOW_BUNDLE_PATH',
    'TEMPORAL_TASK_QUEUE',
  ])
    delete clean[k];
  const child = spawn(process.execPath, [START], { env: clean, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('OpenAPI docs')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`npm start exited (${code}):\n${out.slice(-3000)}`)));
  });
  return { child, output: () => out, ready };
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGINT');
  });
}

describe('npm start on the embedded defaults (no TEMPORAL_ADDRESS, no DATABASE_URL)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'omc-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  // What scripts/start.sh does before start.js: build the console when its sources changed.
  beforeAll(() => execFileSync(process.execPath, [join(__dirname, '..', '..', 'scripts', 'console-build.mjs')], { stdio: 'inherit' }));

  it('starts a dev server and PGlite, serves the API, stops on Ctrl-C and resumes with its data', async () => {
    const temporalPort = await freePort();
    const env = { DATA_DIR: dataDir, PORT: String(await freePort()), TEMPORAL_PORT: String(temporalPort), TEMPORAL_UI_PORT: String(await freePort()) };
    const first = start(env);
    await first.ready;
    expect(first.output()).toContain(`http://localhost:${env.PORT}/docs`);
    expect(first.output()).toContain('Temporal UI');
    // The web console, built by npm start before it runs (scripts/console-build.mjs), at / beside the API.
    expect(first.output()).toContain(`Web console  http://localhost:${env.PORT}/`);
    const page = await fetch(`http://127.0.0.1:${env.PORT}/`);
    expect([page.status, page.headers.get('content-type')]).toEqual([200, expect.stringContaining('text/html')]);
    const http = client(`http://127.0.0.1:${env.PORT}`);
    expect((await http.get('/health')).body).toMatchObject({ status: 'up', database: { status: 'up' }, temporal: { status: 'up' } });
    expect((await fetch(`http://127.0.0.1:${env.PORT}/docs-json`)).status).toBe(200);

    const secrets = JSON.parse(readFileSync(join(dataDir, 'dev-secrets.json'), 'utf8'));
    const office = signLocalToken({ sub: 'office-1', role: 'union_office' }, secrets.AUTH_LOCAL_PRIVATE_KEY);
    const { candidateId } = (
      await http.post('/nominations', nomination({ channel: 'self' }), signLocalToken({ sub: 'n-1', role: 'nominator' }, secrets.AUTH_LOCAL_PRIVATE_KEY))
    ).body;
    expect((await http.post(`/candidates/${candidateId}/decisions`, { stage: 'qualification', outcome: 'approve', reason: 'eligible' }, office)).status).toBe(200);
    expect(await stop(first.child)).toBe(0);

    const second = start(env);
    await second.ready;
    try {
      const again = await http.get(`/candidates/${candidateId}`, office);
      expect(again.body).toMatchObject({ stage: 'inspection', idNumber: '11010519491231002X' });
      expect(again.body.decisions).toHaveLength(1);
    } finally {
      expect(await stop(second.child)).toBe(0);
    }
  });
});
