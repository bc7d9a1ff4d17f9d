import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { Pool } from 'pg';
import { shanghaiDate } from '../libs/contract/calendar';
import { PiiCipher } from '../libs/security/pii';
import { pct, runMain, startStack } from './harness';
import type { LoadPlan, LoadResult } from './vote-load';

/**
 * Vote ingestion: POST /public/rounds/:id/votes through the API against a bare baseline, a plain
 * Node HTTP server that does the same insert into the same `votes` table (same row, keyed hashes
 * included, same pool size) and nothing else: no checks, no daily limit, no framework.
 * Both take the same stream of votes, interleaved trial by trial, each trial on a round of its own
 * (voting open now, BENCH_VOTE_CANDIDATES on its list). Voters come from many addresses, as through
 * a reverse proxy (X-Forwarded-For from loopback, TRUST_PROXY=loopback), so the per-address limit runs
 * at its default and never refuses. Each voter casts 5 votes spread through the stream, as people
 * choose one candidate after another; every tenth vote repeats the one before it while that one is
 * in flight. After each trial every 201 must be a row and every row a 201: nothing lost or doubled.
 * Prints accepted votes/s (median of BENCH_VOTE_TRIALS trials each), latencies, the server's own busy
 * time per vote (its event loop; the load runs in a worker thread) and API/baseline (target ≥ 0.75):
 * the median of the ratios of each API trial to the baseline trial just before it, so that a change
 * in the machine's load between trials (other processes) moves both sides of a ratio alike.
 */
const VOTES = Number(process.env.BENCH_VOTES ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_VOTE_CONCURRENCY ?? 32);
const TRIALS = Number(process.env.BENCH_VOTE_TRIALS ?? 9);
const CANDIDATES = Number(process.env.BENCH_VOTE_CANDIDATES ?? 20);
/** The API's pool (libs/db dataSourceOptions' default); the baseline gets as many connections. */
const POOL = 10;
/** Votes a voter casts in a trial, and voters per address (well inside 120 a minute per address). */
const PER_VOTER = 5;
const VOTERS_PER_ADDRESS = 4;

type Kind = 'baseline' | 'api';
interface Trial {
  kind: Kind;
  accepted: number;
  refused: number;
  perSecond: number;
  p50: number;
  p99: number;
  busyMsPerVote: number;
}

async function main(): Promise<void> {
  const stack = await startStack({ api: true, worker: false, env: { TRUST_PROXY: 'loopback' } });
  const db = new Pool({ connectionString: stack.databaseUrl, max: POOL });
  // An idle connection closed under the pool (the server busy or restarting) is replaced, not fatal.
  db.on('error', (err) => console.error(`votes: a pooled connection failed (${err.message}); the pool replaces it`));
  const baseline = await startBaseline(db, new PiiCipher(stack.config.pii));
  try {
    console.log(`votes: ${VOTES} votes a trial, ${CONCURRENCY} in flight, ${TRIALS} trials each, ${stack.dbLabel}`);
    const base = { baseline: `http://127.0.0.1:${(baseline.address() as AddressInfo).port}`, api: stack.base };
    const trials: Trial[] = [];
    // A short warm-up of each (JIT, pools, plan caches), not counted.
    for (const kind of ['baseline', 'api'] as const) await trial(db, kind, base[kind], Math.min(VOTES, 500));
    for (let t = 0; t < TRIALS; t++) {
      for (const kind of ['baseline', 'api'] as const) trials.push(await trial(db, kind, base[kind], VOTES));
    }
    report(trials);
  } finally {
    await new Promise((resolve) => baseline.close(resolve));
    await db.end();
    await stack.close();
  }
}

let trialNo = 0;

/** One stream of votes against one server, on a fresh round; checks the rows against the answers. */
async function trial(db: Pool, kind: Kind, base: string, n: number): Promise<Trial> {
  const round = await createRound(db);
  const voters = Math.ceil(n / 1.1 / PER_VOTER);
  const votes: LoadPlan['votes'] = [];
  for (let i = 0; votes.length < n; i++) {
    const voter = i % voters;
    const nth = Math.floor(i / voters);
    const address = `10.${trialNo % 250}.${Math.floor(voter / VOTERS_PER_ADDRESS / 250) % 250}.${Math.floor(voter / VOTERS_PER_ADDRESS) % 250}`;
    votes.push({ candidateId: round.candidates[(voter * 7 + nth) % round.candidates.length], credential: `bench-voter-${round.id}-${voter}`, address });
    if (votes.length % 10 === 9 && votes.length < n) votes.push(votes[votes.length - 1]);
  }
  trialNo++;
  const busy = performance.eventLoopUtilization();
  const result = await load({ url: `${base}/public/rounds/${round.id}/votes`, votes, concurrency: CONCURRENCY });
  const busyMs = performance.eventLoopUtilization(busy).active;
  const unexpected = result.statuses.filter((s) => s !== 201 && s !== 409);
  if (unexpected.length) throw new Error(`${kind}: unexpected answers ${[...new Set(unexpected)].join(', ')}`);

  const ids = result.voteIds.filter((id): id is string => id !== null);
  const rows: Array<{ id: string }> = (await db.query('SELECT id FROM votes WHERE round_id = $1', [round.id])).rows;
  const stored = new Set(rows.map((r) => r.id));
  const lost = ids.filter((id) => !stored.has(id)).length;
  const doubled = rows.length - (ids.length - lost);
  const distinct = new Set(votes.map((v) => `${v.credential}/${v.candidateId}`)).size;
  if (lost || doubled || ids.length !== distinct) {
    throw new Error(`${kind}: ${ids.length} accepted of ${distinct} distinct votes, ${rows.length} rows: ${lost} lost, ${doubled} doubled`);
  }
  return {
    kind,
    accepted: ids.length,
    refused: n - ids.length,
    perSecond: ids.length / (result.elapsedMs / 1000),
    p50: pct(result.latenciesMs, 50),
    p99: pct(result.latenciesMs, 99),
    busyMsPerVote: busyMs / n,
  };
}

function load(plan: LoadPlan): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(require.resolve('./vote-load'), { workerData: plan });
    worker.once('message', (m: { result?: LoadResult; error?: string }) => (m.result ? resolve(m.result) : reject(new Error(m.error))));
    worker.once('error', reject);
  });
}

/**
 * The baseline: parse the body, the same keyed hashes and day, the same INSERT the API makes into
 * `votes`, 201 with the vote id or 409 when the unique constraint already holds the vote.
 */
function startBaseline(db: Pool, pii: PiiCipher): Promise<Server> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const roundId = req.url!.split('/')[3];
      const vote = JSON.parse(body) as { candidateId: string; verifier: string; credential: string };
      const now = new Date();
      const day = shanghaiDate(now.getTime());
      const voterHash = pii.blindIndex('voter', `${vote.verifier}:${Buffer.from(vote.credential, 'utf8').toString('hex')}`);
      db.query(
        `INSERT INTO votes (id, round_id, candidate_id, voter_hash, verifier, day, cast_at, ip_hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT ON CONSTRAINT votes_once_per_day DO NOTHING
         RETURNING id`,
        [randomUUID(), roundId, vote.candidateId, voterHash, vote.verifier, day, now, pii.blindIndex('vote-ip', clientAddress(req))],
      ).then(
        (r) => {
          const status = r.rows.length ? 201 : 409;
          res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(r.rows.length ? { voteId: r.rows[0].id, day } : { statusCode: 409 }));
        },
        () => res.writeHead(500).end(),
      );
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** The client's address as Express gives it behind a trusted loopback proxy: the last hop X-Forwarded-For names. */
function clientAddress(req: IncomingMessage): string {
  const forwarded = req.headers['x-forwarded-for'];
  const hops = typeof forwarded === 'string' ? forwarded.split(',') : [];
  return hops.length ? hops[hops.length - 1].trim() : (req.socket.remoteAddress ?? '');
}

/** A round in its voting phase now, with candidates on its list, written as the round workflow projects it. */
async function createRound(db: Pool): Promise<{ id: string; candidates: string[] }> {
  const id = randomUUID();
  const year = 2030 + Math.floor(Math.random() * 70);
  const hour = 3600_000;
  const now = Date.now();
  // The scratch database is fresh, but the years are unique: try another when one is taken.
  const inserted = await db.query(
    `INSERT INTO rounds (id, year, quota, nomination_opens_at, nomination_closes_at, review_closes_at, created_by, phase, voting_opens_at, voting_closes_at)
     VALUES ($1, $2, 30, $3, $4, $5, 'bench', 'voting', $5, $6) ON CONFLICT DO NOTHING RETURNING id`,
    [id, year, new Date(now - 72 * hour), new Date(now - 48 * hour), new Date(now - hour), new Date(now + 24 * hour)],
  );
  if (!inserted.rows.length) return createRound(db);
  const candidates = Array.from({ length: CANDIDATES }, () => randomUUID());
  for (const [i, c] of candidates.entries()) {
    await db.query(
      `INSERT INTO candidates (id, round_id, channel, name, id_number_cipher, id_number_index, mobile_cipher, employer, industry,
                               trade, years_of_work, skill_level, submitted_by, submitted_role, workflow_id, version, form)
       VALUES ($1, $2, 'self', $3, 'sealed', $4, 'sealed', 'E', 'eyewear', 'T', 10, 'technician', 'bench', 'nominator', $4, 1, '{}')`,
      [c, id, `候选人${i}`, `bench-${c}`],
    );
    await db.query(`INSERT INTO round_entries (round_id, candidate_id, rank, expert_score_centi) VALUES ($1, $2, $3, 9000)`, [id, c, i + 1]);
  }
  return { id, candidates };
}

function report(trials: Trial[]): void {
  const median = (xs: number[]) => pct(xs, 50);
  for (const kind of ['baseline', 'api'] as const) {
    const ts = trials.filter((t) => t.kind === kind);
    console.log(
      `votes: ${kind.padEnd(8)} ${Math.round(median(ts.map((t) => t.perSecond)))} accepted/s (trials ${ts.map((t) => Math.round(t.perSecond)).join(', ')}); ` +
        `p50 ${median(ts.map((t) => t.p50)).toFixed(1)} ms, p99 ${median(ts.map((t) => t.p99)).toFixed(1)} ms; ` +
        `server busy ${median(ts.map((t) => t.busyMsPerVote)).toFixed(2)} ms a vote; ${ts[0].accepted} accepted, ${ts[0].refused} × 409 a trial`,
    );
  }
  const ratios = trials.filter((t) => t.kind === 'api').map((a) => a.perSecond / trials[trials.indexOf(a) - 1].perSecond);
  console.log(
    `votes: API/baseline ${median(ratios).toFixed(2)}× (target ≥ 0.75×; trial pairs ${ratios.map((r) => r.toFixed(2)).join(', ')}); ` +
      `0 lost, 0 doubled in ${trials.length} trials`,
  );
}

runMain(main);
