import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { graveViolations, launchBrowser, signedInPage } from '../support/browser';
import { readXlsx } from '../support/exports';
import { financeStack, freeMonth, insertMaster, instruct, type Master } from '../support/finance-fixture';
import { token } from '../support/service';

jest.setTimeout(240_000);

/**
 * The console's finance pages (/money) in chromium against the real API and PostgreSQL: clerk A
 * approves two instructions from the list at once and downloads the month's bank run as Excel; A
 * recording the payment of what A approved is refused on screen (four eyes); clerk B records it with a
 * bank reference; the pages pass axe's serious and critical checks.
 */
describe('console: finance (chromium, real API)', () => {
  const tag = randomUUID().slice(0, 6);
  const clerkA = `fin-a-${tag}`;
  const clerkB = `fin-b-${tag}`;
  const stack = financeStack({ TEMPORAL_TASK_QUEUE: `it-console-finance-${tag}` });
  let browser: Browser;
  let month: string;
  let x: Master, y: Master;
  let xId: string, yId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    month = freeMonth();
    x = await insertMaster(stack.db, stack.pii);
    y = await insertMaster(stack.db, stack.pii);
    xId = await instruct(stack.db, x.id, 'bonus', 0, 2_000_000, `${month}-05`);
    yId = await instruct(stack.db, y.id, 'subsidy', 1, 80_000, `${month}-10`);
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(sub: string): Promise<Page> {
    const page = await signedInPage(browser, stack.api.url, { role: 'finance', sub });
    await page.goto(`${stack.api.url}/money?dueMonth=${month}&status=all`);
    await page.getByRole('row', { name: new RegExp(x.name) }).waitFor();
    return page;
  }
  const rowOf = (page: Page, master: Master) => page.getByRole('row', { name: new RegExp(master.name) });

  async function confirm(page: Page, reference: string) {
    await rowOf(page, x).getByRole('button', { name: '确认付款' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('银行流水号').fill(reference);
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    return dialog;
  }

  it('clerk A approves from the list and downloads the bank run; A may not confirm it, clerk B does with a bank reference', async () => {
    const a = await open(clerkA);
    await a.getByText('共 2 笔，合计 20,800.00 元').waitFor();
    await expect(rowOf(a, x).textContent()).resolves.toContain('待审核');
    expect(await graveViolations(a)).toEqual([]);

    // Batch approval: both rows selected, one click.
    await a.getByLabel(`选择 ${x.name} 的付款指令`).check();
    await a.getByLabel(`选择 ${y.name} 的付款指令`).check();
    await a.getByRole('button', { name: '批量审核通过（2）' }).click();
    await a.getByText('已审核通过 2 笔').waitFor();
    await rowOf(a, x).getByText('已审核').waitFor();
    await rowOf(a, y).getByText('已审核').waitFor();
    await expect(rowOf(a, x).textContent()).resolves.toContain(clerkA);

    // The month's bank run as Excel, fetched with the token and saved as a file.
    const [download] = await Promise.all([a.waitForEvent('download'), a.getByRole('button', { name: '下载 Excel' }).click()]);
    expect(download.suggestedFilename()).toBe(`bank-run-${month}.xlsx`);
    const sheet = (await readXlsx(await readFile(await download.path()))).worksheets[0];
    const rows = Array.from(sheet.getSheetValues(), (r) => (Array.isArray(r) ? Array.from(r, (v) => String(v as string | number)) : []));
    expect(rows.find((r) => r.includes(xId))).toEqual(expect.arrayContaining([x.name, '20000']));
    expect(rows.some((r) => r.includes(yId))).toBe(true);

    // Four eyes: A approved it, so A's payment is refused, with the reason on screen.
    const refused = await confirm(a, `BANK-A-${tag}`);
    const alert = refused.getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('四眼原则');
    await expect(alert.textContent()).resolves.toContain(`four eyes: ${clerkA} approved instruction ${xId}`);
    await refused.getByRole('button', { name: /取\s*消/ }).click();
    await a.context().close();

    // Another clerk records the payment.
    const b = await open(clerkB);
    await confirm(b, `BANK-B-${tag}`);
    await b.getByText('付款已登记').waitFor();
    await rowOf(b, x).getByText('已付款').waitFor();
    await expect(rowOf(b, x).textContent()).resolves.toContain(`BANK-B-${tag}`);
    const paid = await stack.http.get(`/finance/tasks/${xId}`, token('auditor'));
    expect(paid.body).toMatchObject({ status: 'paid', approvedBy: clerkA, paidBy: clerkB, reference: `BANK-B-${tag}` });
    await b.context().close();
  });

  it('a clerk marks an approved payment failed with the reason, then reissues it as attempt 2, due again', async () => {
    const page = await open(clerkB);
    await rowOf(page, y).getByRole('button', { name: '标记失败' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await dialog.getByText('请填写原因').waitFor();
    await dialog.getByLabel('原因').fill('账户已销户，银行退回');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await page.getByText('已标记为付款失败').waitFor();
    await rowOf(page, y).getByText('付款失败').waitFor();

    await rowOf(page, y).getByRole('button', { name: '重新发放' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('原因').fill('已更正账户，重新发放');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await page.getByText('已重新发放，生成新的付款指令').waitFor();
    const attempts = rowOf(page, y);
    await expect(attempts.count()).resolves.toBe(2);
    await attempts.filter({ hasText: '已重发' }).waitFor();
    await attempts.filter({ hasText: '待审核' }).waitFor();
    const listed = await stack.http.get(`/finance/tasks?candidateId=${y.id}`, token('auditor'));
    expect(listed.body.items.map((t: { attempt: number; status: string }) => [t.attempt, t.status]).sort()).toEqual([
      [1, 'reissued'],
      [2, 'due'],
    ]);
    await page.context().close();
  });

  it('shows the reconciliation and the forecast chart, both accessible', async () => {
    const page = await signedInPage(browser, stack.api.url, { role: 'finance', sub: clerkB });
    await page.goto(`${stack.api.url}/money?tab=reconciliation`);
    await page.getByRole('cell', { name: '未付（待审核、已审核、失败）' }).waitFor();
    expect(await graveViolations(page)).toEqual([]);

    await page.getByRole('tab', { name: '资金预测' }).click();
    const chart = page.getByRole('img', { name: /资金预测图/ });
    await chart.waitFor();
    await chart.locator('canvas').first().waitFor();
    expect(await graveViolations(page)).toEqual([]);
    await page.context().close();
  });
});
