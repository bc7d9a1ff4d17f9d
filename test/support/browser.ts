import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export { CHROMIUM, launchBrowser, PHONE, publicPage, signedInPage, type Who } from '../../scripts/console-browser';

/** axe-core's serious and critical violations on the page as it stands (WCAG 2.1 AA basics), one line each. */
export async function graveViolations(page: Page): Promise<string[]> {
  const axe = await new AxeBuilder({ page }).analyze();
  return axe.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary ?? v.help}`));
}
