import type { WorkflowHandle } from '@temporalio/client';
import type { Payload, PayloadCodec } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';

type History = temporal.api.history.v1.IHistory;

/**
 * A fetched history hands its payloads over as stored, i.e. encoded; this runs every list of payloads
 * in it (inputs, results, Update and signal arguments, failure details) back through the codecs, last
 * codec first, as the client does for what it decodes itself. Changes the history in place.
 * Search attributes are never encoded, so they are left as they are.
 */
export async function decodeHistory(history: History, codecs: PayloadCodec[]): Promise<History> {
  if (!codecs.length) return history;
  const pending: Promise<void>[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object' || ArrayBuffer.isView(node)) return;
    if (Array.isArray(node)) return node.forEach(visit);
    const record = node as Record<string, unknown>;
    for (const [key, value] of Object.entries(record)) {
      if (key === 'payloads' && Array.isArray(value)) pending.push(decodeAll(codecs, value as Payload[]).then((decoded) => void (record.payloads = decoded)));
      else visit(value);
    }
  };
  visit(history);
  await Promise.all(pending);
  return history;
}

async function decodeAll(codecs: PayloadCodec[], payloads: Payload[]): Promise<Payload[]> {
  for (const codec of [...codecs].reverse()) payloads = await codec.decode(payloads);
  return payloads;
}

/** A workflow run's history with its payloads decoded through the data converter of the client that fetched it. */
export async function fetchDecodedHistory(handle: WorkflowHandle): Promise<History> {
  return decodeHistory(await handle.fetchHistory(), handle.client.options.loadedDataConverter.payloadCodecs);
}
