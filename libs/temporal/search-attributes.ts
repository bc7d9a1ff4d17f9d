import { temporal } from '@temporalio/proto';
import type { Connection } from '@temporalio/client';
import { SEARCH_ATTRIBUTES } from '../contract/engine';

const ALREADY_EXISTS = 6; // gRPC status codes
const UNIMPLEMENTED = 12;
const KEYWORD = temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD;

/**
 * Registers the contract's search attributes on the namespace. Idempotent: a cluster that already
 * has them answers ALREADY_EXISTS, which is what we want. (The time-skipping test server cannot
 * list them, only add them.)
 */
export async function ensureSearchAttributes(connection: Connection, namespace: string): Promise<void> {
  let missing = SEARCH_ATTRIBUTES;
  try {
    const existing = await connection.operatorService.listSearchAttributes({ namespace });
    missing = SEARCH_ATTRIBUTES.filter((k) => !(k.name in (existing.customAttributes ?? {})));
  } catch (err) {
    if ((err as { code?: number }).code !== UNIMPLEMENTED) throw err;
  }
  if (!missing.length) return;
  try {
    await connection.operatorService.addSearchAttributes({
      namespace,
      searchAttributes: Object.fromEntries(missing.map((k) => [k.name, KEYWORD])),
    });
  } catch (err) {
    if ((err as { code?: number }).code !== ALREADY_EXISTS) throw err;
  }
}
