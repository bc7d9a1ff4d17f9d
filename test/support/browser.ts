import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export { CHROMIUM, launchBrowser, PHONE, publicPage, signedInPage, type Who } from '../../scripts/console-browser';

/** axe-core's serious and critical violations on the page as it stands (WCAG 2.1 AA basics), one line each. */
export async function graveViolations(page: Page): Promise<string[]> {
  // antd's toasts (.ant-message) fade in and out over a moment: axe catching one mid-fade measures a blend
  // of its colours with the page's, not what is read. Their steady colours are antd's text on white.
  const axe = await new AxeBuilder({ page }).exclude('.ant-message').analyze();
  return axe.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary ?? v.help}`));
}
