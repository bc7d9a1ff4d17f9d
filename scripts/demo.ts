import { startDemoStack } from './demo-stack';
import { report, runDemo } from './demo-round';

/**
 * `npm run demo [-- --candidates N]`: a whole round on a stack of its own (scripts/demo-stack.ts:
 * data/demo-<timestamp>/, never `npm start`'s data), driven through the HTTP API.
 */
const say = (line: string) => console.log(`[demo] ${line}`);

function candidatesArg(argv: string[]): number {
  const i = argv.indexOf('--candidates');
  const raw = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--candidates='))?.split('=')[1];
  if (raw === undefined) return 60;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 2 || n > 999) throw new Error(`--candidates must be a whole number from 2 to 999 (got '${raw}')`);
  return n;
}

async function main(): Promise<number> {
  const candidates = candidatesArg(process.argv.slice(2));
  let stop: (() => Promise<void>) | null = null;
  process.once('SIGINT', () => void (stop ?? (async () => undefined))().then(() => process.exit(130)));
  try {
    // The notice lasts 5 s so the round ends within the run.
    const stack = await startDemoStack('demo', { PUBLIC_NOTICE_DURATION: '5s' }, say);
    stop = () => stack.stop();
    const { apiUrl, env } = stack;
    const result = await runDemo({ apiUrl, signingKey: env.AUTH_LOCAL_PRIVATE_KEY!, candidates });
    for (const line of report(result)) say(line);
    return 0;
  } catch (err) {
    say(`failed: ${(err as Error).stack ?? (err as Error).message}`);
    return 1;
  } finally {
    say('stopping…');
    await stop?.();
    say('stopped');
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err: Error) => {
      say(err.message); // a bad argument, before anything started
      process.exit(2);
    },
  );
}
