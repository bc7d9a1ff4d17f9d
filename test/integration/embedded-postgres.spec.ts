import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

jest.setTimeout(120_000);

/**
 * The embedded default must behave like one PostgreSQL to several processes: the API's pool and
 * the worker's pool send parameterised queries and transactions at the same time.
 */
describe('embedded PostgreSQL under concurrent connections', () => {
  it("keeps each connection's prepared statements and transactions whole", () => {
    const out = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', join(__dirname, '..', 'support', 'embedded-pg-stress.ts')], {
      cwd: join(__dirname, '..', '..'),
      encoding: 'utf8',
      env: { ...process.env, TS_NODE_PROJECT: 'tsconfig.json' },
    });
    const result = JSON.parse(out.trim().split('\n').pop()!);
    expect(result.errors).toEqual([]);
    expect(result.wrong).toBe(0);
    expect(result.transactions).toBe(60);
    expect(result.counter).toBe(60);
  });
});
