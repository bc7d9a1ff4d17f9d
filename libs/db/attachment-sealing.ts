import type { DataSource } from 'typeorm';
import type { PiiCipher } from '../security/pii';

/**
 * Seals, in batches, the documents stored in clear before attachments were sealed at rest (`sealed`
 * false). Each batch is one transaction whose rows are locked and re-checked, so the sweep can run
 * beside the API, be interrupted and run again: a row is sealed exactly once. Returns how many it sealed.
 */
export async function sealClearAttachments(ds: DataSource, pii: PiiCipher, batchSize = 50): Promise<number> {
  let total = 0;
  for (;;) {
    const sealed = await ds.transaction(async (tx) => {
      const rows: Array<{ id: string; content: Buffer }> = await tx.query(
        `SELECT id, content FROM attachments WHERE NOT sealed AND content IS NOT NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [batchSize],
      );
      for (const r of rows) await tx.query(`UPDATE attachments SET content = $2, sealed = true WHERE id = $1`, [r.id, pii.encryptBytes(r.content)]);
      return rows.length;
    });
    total += sealed;
    if (sealed < batchSize) return total;
  }
}
