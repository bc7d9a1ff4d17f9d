import type { WorkflowHandle } from '@temporalio/client';
import { defaultPayloadConverter, type Payload, type PayloadCodec } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';

type History = temporal.api.history.v1.IHistory;

/**
 * A fetched history hands its payloads over as stored, i.e. encoded; this runs every list of payloads
 * in it (inputs, results, Update and signal arguments, failure details) back through the codecs, last
 * codec first, as the client does for what it decodes itself. A failure's message and stack trace
 * travel encoded too (libs/temporal/failure-converter.ts: the history holds "Encoded failure"): each
 * failure's `encodedAttributes` is decoded and its `message` and `stackTrace` put back, at any depth
 * (an activity's `lastFailure`, a cause). Changes the history in place. Search attributes are never
 * encoded, so they are left as they are.
 */
export async function decodeHistory(history: History, codecs: PayloadCodec[]): Promise<History> {
  const pending: Promise<void>[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object' || ArrayBuffer.isView(node)) return;
    if (Array.isArray(node)) return node.forEach(visit);
    const record = node as Record<string, unknown>;
    for (const [key, value] of Object.entries(record)) {
      if (key === 'payloads' && Array.isArray(value)) pending.push(decodeAll(codecs, value as Payload[]).then((decoded) => void (record.payloads = decoded)));
      else if (key === 'encodedAttributes' && value && typeof value === 'object') pending.push(restoreFailure(codecs, record, value as Payload));
      else visit(value);
    }
  };
  visit(history);
  await Promise.all(pending);
  return history;
}

/** A failure's message and stack trace, from its encoded attributes (`{ message, stack_trace }`), as the client's failure converter reads them. */
async function restoreFailure(codecs: PayloadCodec[], failure: Record<string, unknown>, encoded: Payload): Promise<void> {
  const [decoded] = await decodeAll(codecs, [encoded]);
  failure.encodedAttributes = decoded;
  let attrs: unknown;
  try {
    attrs = defaultPayloadConverter.fromPayload<unknown>(decoded);
  } catch {
    return; // Still sealed (a reader without the codec): the message stays "Encoded failure".
  }
  if (!attrs || typeof attrs !== 'object') return;
  const { message, stack_trace } = attrs as { message?: unknown; stack_trace?: unknown };
  if (typeof message === 'string') failure.message = message;
  if (typeof stack_trace === 'string') failure.stackTrace = stack_trace;
}

async function decodeAll(codecs: PayloadCodec[], payloads: Payload[]): Promise<Payload[]> {
  for (const codec of [...codecs].reverse()) payloads = await codec.decode(payloads);
  return payloads;
}

/** A workflow run's history with its payloads decoded through the data converter of the client that fetched it. */
export async function fetchDecodedHistory(handle: WorkflowHandle): Promise<History> {
  return decodeHistory(await handle.fetchHistory(), handle.client.options.loadedDataConverter.payloadCodecs);
}
