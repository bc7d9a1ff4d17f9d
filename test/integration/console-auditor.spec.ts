import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { graveViolations, signedInPage } from '../support/browser';
import { consoleSuite } from '../support/console-suite';
import { idNumber, mobileNumber, streetUnion } from '../support/review-helpers';
import { eventually, nomination, token } from '../support/service';

jest.setTimeout(240_000);

/**
 * The auditor's pages of the web console in chromium, against the real API, worker, Temporal and
 * PostgreSQL: an auditor finds a file by name, opens its merged timeline (the workflow's events and the
 * audit rows) and sees the nomination and the decision; verifies the audit chain and sees it intact with
 * the digest the API gives; axe finds nothing serious on either page.
 */
describe("web console: the auditor's pages (chromium, real API and worker)", () => {
  const suite = consoleSuite('console-auditor');
  const auditorId = `audit-${randomUUID().slice(0, 8)}`;

  it('an auditor finds a file by name, opens its timeline with the nomination and the decision, and verifies the chain against the digest', async () => {
    const { api, http, round, browser } = suite;
    // A nominated file the sub-district union endorses, with a reason the timeline should show.
    const name = `审计${randomUUID().slice(0, 6)}`;
    const filed = await http.post(
      '/nominations',
      nomination({ idNumber: idNumber(), mobile: mobileNumber(), roundId: round.roundId, channel: 'organisational', area: 'louqiao', name }),
      token('nominator'),
    );
    expect(filed.status).toBe(201);
    const candidateId = filed.body.candidateId as string;
    const reason = `材料齐全同意推荐${randomUUID().slice(0, 4)}`;
    // The workflow reports its first stage a moment after the filing.
    await eventually(
      () => http.get(`/candidates/${candidateId}`, token('auditor')),
      (r) => r.body?.stage === 'endorsement',
    );
    const decided = await http.post(`/candidates/${candidateId}/decisions`, { stage: 'endorsement', outcome: 'approve', reason }, streetUnion('louqiao'));
    expect(decided.status).toBe(200);

    const page = await signedInPage(browser, api.url, { role: 'auditor', sub: auditorId });
    await page.goto(`${api.url}/inbox`);
    await page.getByRole('navigation').getByRole('link', { name: '审计查询' }).click();
    await page.waitForURL('**/auditing/search');
    await page.getByLabel('姓名').fill(name);
    await page.getByRole('button', { name: /查\s*询/ }).click();
    const row = page.getByRole('row', { name: new RegExp(name) });
    await row.waitFor();
    // One match, its stage by its Chinese name, its ID number masked as the API masks it for an auditor.
    await expect(page.getByText('共 1 条').count()).resolves.toBe(1);
    await expect(row.textContent()).resolves.toMatch(/资格审核|镇街总工会审核推荐/);
    await expect(row.getByText(/^\d{4}\*+\w{4}$/).count()).resolves.toBe(1);
    expect(await graveViolations(page)).toEqual([]);
    // The masters' and the studios' tabs load their lists and pass axe too.
    for (const tab of ['工匠', '工作室']) {
      await page.getByRole('tab', { name: tab }).click();
      await page.getByRole('tabpanel', { name: tab }).getByRole('table').waitFor();
      expect(await graveViolations(page)).toEqual([]);
    }
    await page.getByRole('tab', { name: '人选' }).click();

    await row.getByRole('link', { name }).click();
    await page.waitForURL(`**/auditing/cases/${candidateId}`);
    await page.getByRole('heading', { name: `案件时间线：${name}` }).waitFor();
    // The workflow's own events and the audit rows, merged: the nomination and the decision with its reason.
    const nominated = page.getByRole('row').filter({ hasText: '推荐申报' });
    await nominated.first().waitFor();
    await expect(nominated.first().textContent()).resolves.toContain('推荐单位');
    const decision = page.getByRole('row').filter({ hasText: '作出决定' });
    await expect(decision.textContent()).resolves.toMatch(new RegExp(`镇街总工会审核推荐.*通过.*${reason}`));
    const auditRow = page.getByRole('row').filter({ hasText: '提交决定' });
    await expect(auditRow.textContent()).resolves.toContain('POST /candidates/:id/decisions');
    // Times in Asia/Shanghai, though the browser is in London.
    const history = await http.get(`/candidates/${candidateId}/history`, token('auditor'));
    const decisionAt = (history.body as Array<{ type: string; at: string }>).find((e) => e.type === 'decision')!.at;
    const shanghai = new Date(Date.parse(decisionAt) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
    await expect(decision.textContent()).resolves.toContain(shanghai);
    expect(await graveViolations(page)).toEqual([]);

    // The file's audit rows as CSV, fetched with the auditor's token and saved under the API's file name.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出审计记录（CSV）' }).click()]);
    expect(download.suggestedFilename()).toBe(`audit-${candidateId}.csv`);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv).toContain('POST /candidates/:id/decisions');

    await page.getByRole('navigation').getByRole('link', { name: '审计链校验' }).click();
    await page.waitForURL('**/auditing/chain');
    const digest = await http.get('/audit/digest', token('auditor'));
    expect(digest.status).toBe(200);
    await page
      .getByText(digest.body.headHash as string)
      .first()
      .waitFor();
    await page.getByRole('button', { name: '填入当前摘要' }).click();
    await page.getByRole('button', { name: '校验审计链' }).click();
    await page.getByText('审计链完整').waitFor();
    await page.getByText('早先的摘要仍然吻合：截至该行的记录未被改动').waitFor();
    await page.getByText('与当前摘要一致').waitFor();
    const verified = await http.get('/audit/verify', token('auditor'));
    expect(verified.body).toMatchObject({ ok: true, headHash: digest.body.headHash });
    expect(await graveViolations(page)).toEqual([]);
    await page.context().close();
  });
});
