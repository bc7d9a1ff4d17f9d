import { randomInt } from 'node:crypto';
import type { client } from './service';

/**
 * A studio batch taking applications now (opened an hour ago, closing in a day) in a year no other batch
 * is within two years of (the API refuses those): tried again when another test took a year nearby meanwhile.
 */
export async function openStudioBatch(http: ReturnType<typeof client>, office: string, criteria: string[]): Promise<{ batchId: string; year: number }> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const taken = ((await http.get('/studio-batches', office)).body as Array<{ year: number }>).map((b) => b.year);
    const free = Array.from({ length: 66 }, (_, i) => 2031 + i).filter((y) => taken.every((t) => Math.abs(t - y) > 1));
    const year = free[randomInt(free.length)];
    const opened = await http.post(
      '/studio-batches',
      { year, opensAt: new Date(Date.now() - 36e5).toISOString(), closesAt: new Date(Date.now() + 864e5).toISOString(), criteria },
      office,
    );
    if (opened.status === 201) return { batchId: opened.body.batchId as string, year };
  }
  throw new Error('no free year for a studio batch');
}
