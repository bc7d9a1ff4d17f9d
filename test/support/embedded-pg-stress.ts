/**
 * Runs outside Jest (PGlite loads its WASM with a dynamic import Jest's VM refuses): two pools, as the
 * API and the worker would have, send interleaved parameterised queries and transactions to one
 * embedded PostgreSQL. Prints a JSON summary for test/integration/embedded-postgres.spec.ts.
 */
import { Pool } from 'pg';
import { startEmbeddedPostgres } from '../../libs/dev/embedded-postgres';

async function main(): Promise<void> {
  const pg = await startEmbeddedPostgres();
  const pools = [new Pool({ connectionString: pg.url, max: 4 }), new Pool({ connectionString: pg.url, max: 4 })];
  const errors: string[] = [];
  let wrong = 0;
  let transactions = 0;
  try {
    await pools[0].query('CREATE TABLE counter (id int PRIMARY KEY, n int NOT NULL)');
    await pools[0].query('INSERT INTO counter VALUES (1, 0)');
    await Promise.all(
      Array.from({ length: 300 }, async (_, i) => {
        const pool = pools[i % 2];
        try {
          if (i % 5 === 0) {
            const client = await pool.connect();
            try {
              await client.query('BEGIN');
              await client.query('UPDATE counter SET n = n + $1 WHERE id = $2', [1, 1]);
              await client.query('COMMIT');
              transactions++;
            } finally {
              client.release();
            }
            return;
          }
          const args = Array.from({ length: (i % 7) + 1 }, (_, k) => i * 10 + k);
          const { rows } = await pool.query(`SELECT ${args.map((_, k) => `$${k + 1}::int`).join(' + ')} AS total`, args);
          if (rows[0].total !== args.reduce((s, v) => s + v, 0)) wrong++;
        } catch (err) {
          errors.push((err as Error).message);
        }
      }),
    );
    const { rows } = await pools[1].query('SELECT n FROM counter WHERE id = 1');
    console.log(JSON.stringify({ errors, wrong, transactions, counter: rows[0].n }));
  } finally {
    await Promise.all(pools.map((p) => p.end()));
    await pg.stop();
  }
}

main().catch((err) => {
  console.log(JSON.stringify({ errors: [String(err)] }));
  process.exit(1);
});
