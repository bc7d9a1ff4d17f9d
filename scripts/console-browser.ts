// The web console in Debian's chromium through playwright-core: the browser tests and npm run screenshots.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

/** The repository's root, from the source tree (ts-jest) or from dist/ alike. */
const ROOT = (() => {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) if (existsSync(join(dir, 'scripts', 'console-build.mjs'))) return dir;
  return process.cwd();
})();

/** Debian's chromium (scripts/ensure.sh installs it); CHROMIUM_PATH names another. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A phone in WeChat's browser: the public pages are built for this. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  userAgent:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47 NetType/WIFI Language/zh_CN',
};

/** Builds the console when its sources changed (a no-op otherwise), then starts chromium. */
export async function launchBrowser(): Promise<Browser> {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'console-build.mjs')], { stdio: 'inherit' });
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

export interface Who {
  role: string;
  sub: string;
  area?: string;
}

/**
 * A page signed in as `who` without going through the sign-in form (console.spec.ts tests the form):
 * a token from the local issuer (POST /dev/token) kept where the console keeps its session. A browser
 * in another time zone, so every page is seen to show Asia/Shanghai times.
 */
export async function signedInPage(browser: Browser, apiUrl: string, who: Who, options: BrowserContextOptions = {}): Promise<Page> {
  const res = await fetch(`${apiUrl}/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(who),
  });
  if (res.status !== 200) throw new Error(`dev token for ${who.role}: ${res.status} ${await res.text()}`);
  const { token, expiresAt } = (await res.json()) as { token: string; expiresAt: string };
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Europe/London', ...options });
  const kept = JSON.stringify({ token, expiresAt, ...who });
  await context.addInitScript({ content: `sessionStorage.setItem('ouhai-console-session', ${JSON.stringify(kept)});` });
  return context.newPage();
}

/** A page of the public (no sign-in), on a phone unless told otherwise. */
export async function publicPage(browser: Browser, options: BrowserContextOptions = PHONE): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Europe/London', ...options });
  return context.newPage();
}
