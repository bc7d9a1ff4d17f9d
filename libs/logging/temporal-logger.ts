import { DefaultLogger, Runtime, type LogEntry } from '@temporalio/worker';
import pino, { type DestinationStream } from 'pino';
import { pinoOptions, type LogOutput } from './log-options';

const LEVEL = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const;

/**
 * Sends the Temporal SDK's own log lines (the worker's state, workflow and activity failures) to the
 * same JSON stream as the worker's, with the same redaction. Must run before the first connection
 * or worker is created: the runtime is installed once per process.
 */
export function installTemporalLogger(output: LogOutput = {}): void {
  const options = pinoOptions('worker');
  const log = output.stream ? pino(options, output.stream as DestinationStream) : pino(options);
  const temporal = log.child({ context: 'Temporal' });
  Runtime.install({
    logger: new DefaultLogger('INFO', (entry: LogEntry) => {
      const { error, ...meta } = entry.meta ?? {};
      // An Error logs as its message: a bare Error would serialise as {}.
      temporal[LEVEL[entry.level]]({ ...meta, ...(error instanceof Error && { error: error.message }) }, entry.message);
    }),
  });
}
