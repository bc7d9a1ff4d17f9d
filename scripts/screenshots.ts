import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser, publicPage, signedInPage } from './console-browser';
import { runDemo, type DemoKnown, type DemoMoment } from './demo-round';
import { startDemoStack } from './demo-stack';
import { SHOTS, type Shot } from './screenshot-pages';

/**
 * `npm run screenshots`: the console's main pages (scripts/screenshot-pages.ts) photographed in
 * chromium into docs/screenshots/, each at the moment of a demo round (on a stack of its own) when it
 * has something to show; the README shows them.
 */
const OUT = resolve(__dirname, '..', '..', 'docs', 'screenshots');
const say = (line: string) => console.log(`[screenshots] ${line}`);

async function shoot(browser: Browser, apiUrl: string, shot: Shot, known: DemoKnown): Promise<void> {
  const page = shot.who
    ? await signedInPage(browser, apiUrl, shot.who, { viewport: { width: 1440, height: 900 } })
    : await publicPage(browser, shot.path(known) === '/sign-in' ? { viewport: { width: 1440, height: 900 } } : undefined);
  try {
    await page.goto(apiUrl + shot.path(known));
    await page.getByText(shot.ready).first().waitFor({ timeout: 30_000 });
    // Charts animate and tables settle: photograph what a person would see a moment later.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(800);
    // The staff pages whole; a phone page as the phone's screen shows it.
    await page.screenshot({ path: join(OUT, shot.file), fullPage: Boolean(shot.who) });
    say(`${shot.file}: ${shot.caption}`);
  } finally {
    await page.context().close();
  }
}

async function main(): Promise<number> {
  mkdirSync(OUT, { recursive: true });
  // The notice lasts long enough for the objection to be photographed before the office resolves it.
  const stack = await startDemoStack('screenshots', { PUBLIC_NOTICE_DURATION: '20s' }, say);
  const browser = await launchBrowser();
  try {
    await runDemo({
      apiUrl: stack.apiUrl,
      signingKey: stack.env.AUTH_LOCAL_PRIVATE_KEY!,
      candidates: 16,
      say,
      at: async (moment: DemoMoment, known: DemoKnown) => {
        for (const shot of SHOTS.filter((s) => s.moment === moment)) await shoot(browser, stack.apiUrl, shot, known);
      },
    });
    say(`${SHOTS.length} pages in ${OUT}`);
    return 0;
  } catch (err) {
    say(`failed: ${(err as Error).stack ?? (err as Error).message}`);
    return 1;
  } finally {
    await browser.close();
    await stack.stop();
  }
}

if (require.main === module) void main().then((code) => process.exit(code));
