import { readFile } from 'node:fs/promises';
import { graveViolations, signedInPage } from '../support/browser';
import { consoleSuite } from '../support/console-suite';
import { paperMaster } from '../support/masters';
import { token } from '../support/service';

jest.setTimeout(240_000);

/**
 * The office's masters page (/craftsmen) in chromium against the real API and PostgreSQL: a master
 * named on paper (imported) is listed; the office records a benefit taken up, which the API then shows,
 * and downloads the master's certificate (a PDF); an auditor reads the same page without the buttons;
 * the page passes axe's serious and critical checks.
 */
describe('console: the office (chromium, real API)', () => {
  const suite = consoleSuite('console-office');
  const office = token('union_office', 'office-console');

  it('lists a named master, records a benefit step and downloads the certificate', async () => {
    const master = paperMaster();
    const imported = await suite.http.post('/masters/import', { masters: [master] }, office);
    expect(imported.status).toBe(201);
    const [{ candidateId }] = imported.body.imported as Array<{ candidateId: string }>;

    const page = await signedInPage(suite.browser, suite.api.url, { role: 'union_office', sub: 'office-console' });
    await page.goto(`${suite.api.url}/craftsmen`);
    await page.getByRole('heading', { name: '工匠与待遇' }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(master.name) }).first();
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('待办理 5');
    expect(await graveViolations(page)).toEqual([]);

    // The certificate, fetched with the token and saved as a file: a PDF.
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: `下载荣誉证书（PDF）：${master.name}` }).click()]);
    const pdf = await readFile(await download.path());
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');

    // A benefit step: the recuperation trip taken up.
    await row.getByRole('button', { name: /展开行|Expand row/ }).click();
    await page.getByRole('button', { name: '已享受：疗休养（一次）' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('说明（放弃时必填）').fill('报名参加劳模疗休养');
    await dialog.getByRole('button', { name: /确\s*认/ }).click();
    await page.getByText('已记录').waitFor();
    const benefits = await suite.http.get(`/candidates/${candidateId}/benefits`, office);
    const trip = (benefits.body.benefits as Array<{ kind: string; status: string }>).find((b) => b.kind === 'recuperation_trip');
    expect(trip?.status).toBe('taken_up');
    await page
      .getByRole('table', { name: `待遇：${master.name}` })
      .getByText('已享受', { exact: true })
      .first()
      .waitFor();
    // axe on the page as it settles: the dialog closed and the message faded.
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('已记录').waitFor({ state: 'hidden' });
    expect(await graveViolations(page)).toEqual([]);

    // An auditor reads the page, without the office's buttons.
    const auditor = await signedInPage(suite.browser, suite.api.url, { role: 'auditor', sub: 'auditor-console' });
    await auditor.goto(`${suite.api.url}/craftsmen`);
    const seen = auditor.getByRole('row', { name: new RegExp(master.name) }).first();
    await seen.waitFor();
    await seen.getByRole('button', { name: /展开行|Expand row/ }).click();
    await auditor.getByRole('table', { name: `待遇：${master.name}` }).waitFor();
    await expect(auditor.getByRole('button', { name: /^已享受：/ }).count()).resolves.toBe(0);
    expect(await graveViolations(auditor)).toEqual([]);
  });
});
