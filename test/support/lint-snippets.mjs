// Lints source snippets as if they were files of this repository, with the repository's own ESLint
// configuration, through ESLint's Node API. Run in a child process: Jest cannot load the ESM config.
// stdin: [{ filePath, source }] (paths relative to the repository); stdout: [[{ ruleId, message, line }]].
import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import process from 'node:process';
import { text } from 'node:stream/consumers';

const root = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });
const snippets = JSON.parse(await text(process.stdin));
const results = [];
for (const { filePath, source } of snippets) {
  const [result] = await eslint.lintText(source, { filePath: resolve(root, filePath) });
  results.push(result.messages.map(({ ruleId, message, line }) => ({ ruleId, message, line })));
}
process.stdout.write(JSON.stringify(results));
