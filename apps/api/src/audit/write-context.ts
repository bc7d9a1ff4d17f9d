import { AsyncLocalStorage } from 'node:async_hooks';

/** A full-value read shown in the reply to a write: what was shown, of what (ids only). */
export interface PiiShown {
  objectType: string;
  objectId: string | null;
  detail: Record<string, unknown>;
}

/**
 * The audited write a request is carrying out, if any. Personal data shown in full in a write's
 * reply is recorded on that write's own audit row, which commits before the reply leaves: one append
 * per decision instead of two, and the read still recorded before anything is shown.
 */
const writes = new AsyncLocalStorage<{ piiShown: PiiShown[] }>();

export const auditedWrite = {
  run<T>(fn: () => T): { result: T; piiShown: PiiShown[] } {
    const context = { piiShown: [] as PiiShown[] };
    return { result: writes.run(context, fn), piiShown: context.piiShown };
  },
  /** Notes a full-value read on the write in progress; false when no audited write is in progress. */
  notePiiShown(shown: PiiShown): boolean {
    const context = writes.getStore();
    if (!context) return false;
    context.piiShown.push(shown);
    return true;
  },
};
