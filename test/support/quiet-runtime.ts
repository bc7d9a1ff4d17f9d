import { DefaultLogger, Runtime } from '@temporalio/worker';

// Workers in tests log warnings and errors only; INFO lines about state changes drown the report.
try {
  Runtime.install({ logger: new DefaultLogger('WARN') });
} catch {
  // Already installed by an earlier test file in this process.
}
