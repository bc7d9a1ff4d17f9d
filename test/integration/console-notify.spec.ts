import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { graveViolations, launchBrowser, signedInPage } from '../support/browser';
import { decide, idNumber, mobileNumber } from '../support/review-helpers';
import { startStack } from '../support/stack';
import { eventually, nomination, token } from '../support/service';

jest.setTimeout(240_000);

/** The notification centre in the console's header: a nominator sees its returned file, reads it, and the badge goes down. */
describe('console: notification centre (chromium, real API and worker)', () => {
  const env = { TEMPORAL_TASK_QUEUE: `it-console-notify-${randomUUID()}`, NOTIFY_POLL_INTERVAL: '200ms' };
  let stack: Awaited<ReturnType<typeof startStack>>;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startStack(env);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('shows the unread count, the returned file’s notification in Chinese, and marks it read', async () => {
    const { api, http, round } = stack;
    const sub = `nom-console-${randomUUID().slice(0, 8)}`;
    const nominator = token('nominator', sub);
    const name = `通知台${randomUUID().slice(0, 6)}`;
    const filed = await http.post(
      '/nominations',
      nomination({ idNumber: idNumber(), mobile: mobileNumber(), roundId: round.roundId, channel: 'association', name }),
      nominator,
    );
    expect(filed.status).toBe(201);
    const candidateId: string = filed.body.candidateId;
    await eventually(
      () => decide(http, candidateId, 'qualification', { outcome: 'return', reason: '缺少技能等级证书', missing: ['skill certificate'] }),
      (r) => r.status === 200,
    );
    await eventually(
      () => http.get('/notifications', nominator),
      (r) => r.body.unread === 1,
    );

    const page = await signedInPage(browser, api.url, { role: 'nominator', sub });
    await page.goto(`${api.url}/inbox`);
    const bell = page.getByRole('button', { name: '通知（1 条未读）' });
    await bell.click();
    const text = `您推荐的候选人“${name}”的申报材料在“资格审核”阶段被退回补充`;
    await page.getByText(text, { exact: false }).waitFor();
    await expect(page.getByText('退回补充', { exact: true }).isVisible()).resolves.toBe(true);
    expect(await graveViolations(page)).toEqual([]);

    await page.getByRole('button', { name: '标为已读', exact: true }).click();
    await page.getByRole('button', { name: '通知（0 条未读）' }).waitFor();
    expect((await http.get('/notifications', nominator)).body.unread).toBe(0);
    await page.getByRole('link', { name: '查看档案' }).click();
    await page.waitForURL(`**/files/${candidateId}`);
    await page.context().close();
  });
});
