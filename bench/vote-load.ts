import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * The votes benchmark's client, in a worker thread of its own so that sending requests does not
 * share an event loop with the server being measured. Sends `total` votes, `concurrency` in flight
 * over keep-alive connections, and reports each answer's status, vote id and latency.
 */
export interface LoadPlan {
  url: string;
  /** `address` goes in X-Forwarded-For, as a reverse proxy in front of the API would send it. */
  votes: Array<{ candidateId: string; credential: string; address: string }>;
  concurrency: number;
}

export interface LoadResult {
  statuses: number[];
  voteIds: Array<string | null>;
  latenciesMs: number[];
  elapsedMs: number;
}

function post(agent: Agent, url: URL, body: string, address: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-forwarded-for': address } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function run(plan: LoadPlan): Promise<LoadResult> {
  const url = new URL(plan.url);
  const agent = new Agent({ keepAlive: true, maxSockets: plan.concurrency });
  const n = plan.votes.length;
  const out: LoadResult = { statuses: new Array(n), voteIds: new Array(n).fill(null), latenciesMs: new Array(n), elapsedMs: 0 };
  let next = 0;
  const lane = async () => {
    while (next < n) {
      const i = next++;
      const v = plan.votes[i];
      const t0 = performance.now();
      const res = await post(agent, url, JSON.stringify({ candidateId: v.candidateId, verifier: 'dev', credential: v.credential }), v.address);
      out.latenciesMs[i] = performance.now() - t0;
      out.statuses[i] = res.status;
      if (res.status === 201) out.voteIds[i] = (JSON.parse(res.text) as { voteId: string }).voteId;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: plan.concurrency }, lane));
  out.elapsedMs = performance.now() - t0;
  agent.destroy();
  return out;
}

if (parentPort) {
  run(workerData as LoadPlan).then(
    (result) => parentPort!.postMessage({ result }),
    (err: Error) => parentPort!.postMessage({ error: err.stack ?? err.message }),
  );
}
