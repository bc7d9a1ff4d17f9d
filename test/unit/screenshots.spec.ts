import { existsSync, readFileSync } from 'node:fs';
import { SHOTS } from '../../scripts/screenshot-pages';

/** `npm run screenshots` writes each page of scripts/screenshot-pages.ts to docs/screenshots/; the README shows every one. */
describe('the README shows the console', () => {
  const readme = readFileSync('README.md', 'utf8');

  it('has each screenshot committed and shown in the README, and shows none that is not taken', () => {
    expect(SHOTS.filter((s) => !existsSync(`docs/screenshots/${s.file}`)).map((s) => s.file)).toEqual([]);
    expect(SHOTS.filter((s) => !readme.includes(`](docs/screenshots/${s.file})`)).map((s) => s.file)).toEqual([]);
    const shown = [...readme.matchAll(/\]\(docs\/screenshots\/([^)]+)\)/g)].map((m) => m[1]);
    expect(shown.filter((f) => !SHOTS.some((s) => s.file === f))).toEqual([]);
  });
});
