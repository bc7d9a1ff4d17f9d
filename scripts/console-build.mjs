// Builds the web console (apps/console → apps/console/dist) when it is missing or out of date: the
// build keeps a hash of the sources it was made from (dist/.source-hash), compared with theirs now.
// Run by `npm start`, `npm test` and the browser tests; plain Node, so an up-to-date build costs nothing.
/* global console */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const consoleDir = join(root, 'apps', 'console');
const stamp = join(consoleDir, 'dist', '.source-hash');

function files(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]))
    .sort();
}

const sources = [
  ...files(join(consoleDir, 'src')),
  ...['index.html', 'vite.config.ts', 'tsconfig.json'].map((f) => join(consoleDir, f)),
  join(root, 'package-lock.json'),
];
const hash = createHash('sha256');
for (const file of sources) hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
const want = hash.digest('hex');

if (existsSync(join(consoleDir, 'dist', 'index.html')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === want) process.exit(0);
console.error('[console] building the web console (apps/console)');
// Always React's production build: under jest NODE_ENV is `test`, which would give its development build (a larger first load).
execFileSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', consoleDir, '--logLevel', 'warn'], {
  stdio: 'inherit',
  cwd: root,
  env: { ...process.env, NODE_ENV: 'production' },
});
writeFileSync(stamp, want);
