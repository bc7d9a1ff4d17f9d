import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomInt, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import { STAGE_OWNER, type DecisionStage } from '../../libs/contract';
import { freePort } from '../../libs/dev/free-port';
import { startDevServer, temporalCli, type DevServer } from '../../libs/dev/temporal-dev-server';
import { createRound, idNumber, mobileNumber } from '../support/review-helpers';
import { client, nomination, scoreThroughApi, token, VISIT } from '../support/service';

jest.setTimeout(180_000);

/**
 * The leak scan (issue 8 §3): synthetic people go through the stages on a Temporal dev server of
 * this test's own, with the built API and worker spawned so their logs can be read; then their raw
 * ID numbers, mobiles, addresses and names are searched for in the Temporal database file, in
 * `temporal workflow show` of every workflow, in both logs and in every row of every PostgreSQL
 * table. The only place a raw value may stand is the form's own name field (candidates.name and the
 * `name` inside the form json): the encrypted columns hold ciphertext, so nothing raw is there.
 */
const DIST = join(__dirname, '..', '..', 'dist', 'apps');
const RARE = '鬯爨夔貔貅麒麟饕餮龢甪翯骉犇淼焱垚鑫嫣婼玥珺瑷霂';

interface Person {
  idNumber: string;
  mobile: string;
  name: string;
  homeAddress: string;
}

/** An unusual name and address, unique to this run, so a hit is this test's person and nobody else's. */
function syntheticPerson(): Person {
  const pick = (n: number) => Array.from({ length: n }, () => RARE[randomInt(RARE.length)]).join('');
  return {
    idNumber: idNumber(),
    mobile: mobileNumber(),
    name: `欧阳${pick(2)}`,
    homeAddress: `浙江省温州市瓯海区${pick(2)}村${randomInt(10_000, 99_999)}号`,
  };
}

interface Spawned {
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

function spawnApp(main: string, env: NodeJS.ProcessEnv, readyWhen: string): Promise<Spawned> {
  if (!existsSync(main)) throw new Error(`${main} is missing: build first (npx tsc -p tsconfig.build.json)`);
  const child = spawn(process.execPath, [main], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks: Buffer[] = [];
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const output = () => Buffer.concat(chunks).toString('utf8');
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      if (output().includes(readyWhen)) resolve({ child, output, stop });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${main} exited early (${code}):\n${output().slice(-2000)}`)));
  });
}

/** Every row of every table of the public schema, as JSON text with its table's name. */
async function tableRows(databaseUrl: string, values: string[]) {
  const pg = new PgClient({ connectionString: databaseUrl });
  await pg.connect();
  try {
    const tables = await pg.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    const rows: Array<{ table: string; row: Record<string, unknown> }> = [];
    for (const { table_name } of tables.rows) {
      // Only the rows that hold one of the values somewhere (the shared test database is large).
      const hit = await pg.query<{ row: Record<string, unknown> }>(`SELECT row_to_json(t) AS row FROM "${table_name}" t WHERE t::text LIKE ANY ($1)`, [
        values.map((v) => `%${v}%`),
      ]);
      rows.push(...hit.rows.map(({ row }) => ({ table: table_name, row })));
    }
    return { tables: tables.rows.length, rows };
  } finally {
    await pg.end();
  }
}

/** The form's own name field is allowed to hold the name: candidates.name, and `name` inside a form json. */
function withoutOwnName(table: string, row: Record<string, unknown>): Record<string, unknown> {
  if (table !== 'candidates' && table !== 'candidate_versions') return row;
  const copy: Record<string, unknown> = { ...row };
  if (table === 'candidates') delete copy.name;
  if (copy.form && typeof copy.form === 'object') {
    const { name: _own, ...form } = copy.form as Record<string, unknown>;
    copy.form = form;
  }
  return copy;
}

const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe.each(['aes-256-gcm', 'sm4'])('leak scan under PII_CIPHER_SUITE=%s', (suite) => {
  const dir = mkdtempSync(join(tmpdir(), 'omc-leak-'));
  const dbFilename = join(dir, 'temporal.db');
  const people = [syntheticPerson(), syntheticPerson(), syntheticPerson()];
  const workflowIds: string[] = [];
  let temporal: DevServer;
  let api: Spawned;
  let worker: Spawned;

  beforeAll(async () => {
    temporal = await startDevServer({ port: await freePort(), dbFilename, quiet: true });
    const port = await freePort();
    const env = {
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_TASK_QUEUE: `it-leak-${randomUUID()}`,
      PII_CIPHER_SUITE: suite,
      PORT: String(port),
      HOST: '127.0.0.1',
      // As much as the services would ever write: a leak at debug level is a leak too.
      LOG_LEVEL: 'debug',
      NODE_ENV: 'development',
    };
    worker = await spawnApp(join(DIST, 'worker', 'src', 'main.js'), env, 'worker polling');
    api = await spawnApp(join(DIST, 'api', 'src', 'main.js'), env, 'Nest application successfully started');
    const http = client(`http://127.0.0.1:${port}`);

    const office = token('union_office', 'office-leak-scan');
    const { roundId } = await createRound(http, undefined, office);
    const nominator = token('nominator', 'nominator-leak-scan');
    const as = (stage: DecisionStage) => token(STAGE_OWNER[stage], `${STAGE_OWNER[stage]}-leak-scan`);
    for (const [i, person] of people.entries()) {
      const created = await http.post('/nominations', nomination({ roundId, ...person }), nominator);
      if (created.status !== 201) throw new Error(`nomination: ${created.status} ${JSON.stringify(created.body)}`);
      const { candidateId, workflowId } = created.body;
      workflowIds.push(workflowId);
      // The same person again: refused, and the refusal must not repeat who it was.
      const twice = await http.post('/nominations', nomination({ roundId, ...person }), nominator);
      expect(twice.status).toBeGreaterThanOrEqual(400);
      // The first person is turned down at qualification (a failure path with a reason), the others go on to the panel.
      for (const stage of ['endorsement', 'qualification', 'inspection'] as const) {
        const outcome = i === 0 && stage === 'qualification' ? 'reject' : 'approve';
        const visit = stage === 'inspection' ? { visit: VISIT } : {};
        const opinion = stage === 'endorsement' ? { opinion: { text: '同意推荐，报区总工会', sealed: true, date: '2017-04-14' } } : {};
        const res = await http.post(`/candidates/${candidateId}/decisions`, { stage, outcome, reason: `${stage} ${outcome}`, ...visit, ...opinion }, as(stage));
        if (res.status !== 200) throw new Error(`${stage}: ${res.status} ${JSON.stringify(res.body)}`);
        if (outcome === 'reject') break;
      }
      if (i > 0) await scoreThroughApi(http, candidateId);
      // Reads of the file by the office (full values) and an auditor (masked) go through the logs too.
      expect((await http.get(`/candidates/${candidateId}`, office)).status).toBe(200);
      expect((await http.get(`/candidates/${candidateId}`, token('auditor'))).status).toBe(200);
    }
  });

  afterAll(async () => {
    await api?.stop();
    await worker?.stop();
    await temporal?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds no raw ID number, mobile, address or name outside the form’s own name field', async () => {
    const values = people.flatMap((p) => [
      { kind: 'idNumber', value: p.idNumber },
      { kind: 'mobile', value: p.mobile },
      { kind: 'homeAddress', value: p.homeAddress },
      { kind: 'name', value: p.name },
    ]);
    const places = new Map<string, string>();

    // Let the services write what they would, then stop them, so every log line and page is on disk.
    await api.stop();
    await worker.stop();
    places.set('api log', api.output());
    places.set('worker log', worker.output());

    const shows = workflowIds.map((id) => {
      const res = spawnSync(temporalCli(), ['workflow', 'show', '--address', temporal.address, '-w', id, '--output', 'json'], { encoding: 'utf8' });
      if (res.status !== 0) throw new Error(`temporal workflow show ${id}: ${res.stderr}`);
      return res.stdout;
    });
    expect(shows.every((s) => s.includes('WorkflowExecutionStarted') || s.includes('EVENT_TYPE_WORKFLOW_EXECUTION_STARTED'))).toBe(true);
    places.set('temporal workflow show', shows.join('\n'));

    await temporal.stop();
    // The SQLite file and whatever it left beside it (-wal, -shm), read as raw bytes.
    const files = readdirSync(dir).filter((f) => f.startsWith('temporal.db'));
    const raw = Buffer.concat(files.map((f) => readFileSync(join(dir, f))));
    expect(raw.length).toBeGreaterThan(0);
    places.set('temporal database file', raw.toString('latin1'));

    const { tables, rows } = await tableRows(
      process.env.DATABASE_URL!,
      values.map((v) => v.value),
    );
    places.set(`postgres (${tables} tables), outside the form's name`, rows.map(({ table, row }) => `${table} ${JSON.stringify(withoutOwnName(table, row))}`).join('\n'));
    // The form's own name field does hold the name: the scan above sees the rows it searches.
    const ownName = rows.filter(({ table, row }) => table === 'candidates' && people.some((p) => row.name === p.name));
    expect(ownName).toHaveLength(people.length);

    const table: Record<string, Record<string, number>> = {};
    for (const [place, text] of places) {
      // The Temporal file is bytes: search the values' UTF-8 bytes in it, read as latin1 alike.
      const asBytes = place === 'temporal database file';
      table[place] = {};
      for (const { kind, value } of values) {
        const needle = asBytes ? Buffer.from(value, 'utf8').toString('latin1') : value;
        table[place][kind] = (table[place][kind] ?? 0) + count(text, needle);
      }
    }
    // The places were really read: each holds what it should (ids, request lines), only not the people.
    expect(places.get('api log')).toContain('"route":"/nominations"');
    expect(places.get('worker log')).toContain('worker polling');
    for (const id of workflowIds) {
      expect(places.get('temporal database file')).toContain(id);
      expect(places.get('temporal workflow show')).toContain(id);
    }
    // Every payload under the suite asked for: the CLI shows the metadata base64-encoded.
    expect(places.get('temporal workflow show')).toContain(Buffer.from(suite).toString('base64'));
    console.log(`leak scan, ${suite}, ${people.length} people (hits per place):\n${formatTable(table)}`);
    for (const place of Object.keys(table)) expect({ place, hits: table[place] }).toEqual({ place, hits: { idNumber: 0, mobile: 0, homeAddress: 0, name: 0 } });
  });
});

function formatTable(table: Record<string, Record<string, number>>): string {
  const kinds = ['idNumber', 'mobile', 'homeAddress', 'name'];
  const width = Math.max(...Object.keys(table).map((p) => p.length));
  const head = `${'place'.padEnd(width)} | ${kinds.join(' | ')}`;
  const lines = Object.entries(table).map(([place, hits]) => `${place.padEnd(width)} | ${kinds.map((k) => String(hits[k]).padStart(k.length)).join(' | ')}`);
  return [head, '-'.repeat(head.length), ...lines].join('\n');
}
