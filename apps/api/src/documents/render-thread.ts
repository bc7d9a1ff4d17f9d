import { parentPort } from 'node:worker_threads';
import { renderJob, type RenderJob } from './render-job';

/**
 * The rendering thread: lays out and subsets the fonts of one document at a time (half a second to a
 * second of CPU each), away from the API's event loop. The font files are read once and kept here.
 */
parentPort?.on('message', (msg: { id: number; job: RenderJob }) => {
  renderJob(msg.job).then(
    (pdf) => {
      const bytes = pdf.buffer.slice(pdf.byteOffset, pdf.byteOffset + pdf.byteLength);
      parentPort!.postMessage({ id: msg.id, pdf: bytes }, [bytes as ArrayBuffer]);
    },
    (err: unknown) => parentPort!.postMessage({ id: msg.id, error: err instanceof Error ? err.message : String(err) }),
  );
});
