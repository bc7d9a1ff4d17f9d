import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { graveViolations, signedInPage } from '../support/browser';
import { consoleSuite } from '../support/console-suite';
import { paperMaster } from '../support/masters';
import { token } from '../support/service';
import { openStudioBatch } from '../support/studio-batches';

jest.setTimeout(240_000);

/**
 * The office's masters page (/craftsmen) in chromium against the real API and PostgreSQL: a master
 * named on paper (imported) is found by the year named and by name; the office records a benefit taken up, which the API then shows,
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
    // At the master's request the public reads the name and year only; the office still keeps the deeds it wrote.
    const entry = await suite.http.patch(`/masters/${candidateId}/register`, { limited: true, deeds: '三十年专注手工皮鞋制作' }, office);
    expect(entry.status).toBe(200);

    const page = await signedInPage(suite.browser, suite.api.url, { role: 'union_office', sub: 'office-console' });
    await page.goto(`${suite.api.url}/craftsmen`);
    await page.getByRole('heading', { name: '工匠与待遇' }).waitFor();
    // Masters accumulate year after year: the office narrows them to the year named, then finds this one by name.
    await page.getByRole('combobox', { name: '命名年度' }).click();
    await page.locator('.ant-select-dropdown').getByTitle(String(master.roundYear), { exact: true }).click();
    await page.getByRole('searchbox', { name: '按姓名查找' }).fill(master.name);
    await page.getByRole('searchbox', { name: '按姓名查找' }).press('Enter');
    const row = page.getByRole('row', { name: new RegExp(master.name) }).first();
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('待办理 5');
    await expect(row.textContent()).resolves.toContain(`${master.roundYear}制鞋（鞋革）`);
    await expect(page.getByText('共 1 位').count()).resolves.toBe(1);
    expect(await graveViolations(page)).toEqual([]);

    // The certificate, fetched with the token and saved as a file: a PDF.
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: `下载荣誉证书（PDF）：${master.name}` }).click()]);
    const pdf = await readFile(await download.path());
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');

    // A benefit step: the recuperation trip taken up.
    await row.getByRole('button', { name: /展开行|Expand row/ }).click();
    // The register form as the office left it: limited, its unpublished deeds in the box.
    const register = page.getByRole('form', { name: `公开名录条目：${master.name}` });
    await expect(register.getByRole('checkbox', { name: '应本人要求，仅公开姓名与命名年度' }).isChecked()).resolves.toBe(true);
    await expect(register.getByLabel('公开的先进事迹（留空则保持不变）').inputValue()).resolves.toBe('三十年专注手工皮鞋制作');
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

    // In English the enumerations read in English too: the industry, not its code.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Masters and benefits' }).waitFor();
    await expect(row.textContent()).resolves.toContain('制鞋（Footwear and leather）');

    // An auditor reads the page, without the office's buttons.
    const auditor = await signedInPage(suite.browser, suite.api.url, { role: 'auditor', sub: 'auditor-console' });
    await auditor.goto(`${suite.api.url}/craftsmen`);
    await auditor.getByRole('searchbox', { name: '按姓名查找' }).fill(master.name);
    await auditor.getByRole('searchbox', { name: '按姓名查找' }).press('Enter');
    const seen = auditor.getByRole('row', { name: new RegExp(master.name) }).first();
    await seen.waitFor();
    await seen.getByRole('button', { name: /展开行|Expand row/ }).click();
    await auditor.getByRole('table', { name: `待遇：${master.name}` }).waitFor();
    await expect(auditor.getByRole('button', { name: /^已享受：/ }).count()).resolves.toBe(0);
    expect(await graveViolations(auditor)).toEqual([]);
  });

  it('lists the studio batches and the studios; a studio opens onto its screening and apprentices', async () => {
    const tag = randomUUID().slice(0, 4);
    const imported = await suite.http.post('/masters/import', { masters: [paperMaster()] }, office);
    const [{ candidateId: masterId }] = imported.body.imported as Array<{ candidateId: string }>;
    const standard = ['场地面积不少于50平方米', '带徒不少于3名'];
    const { batchId } = await openStudioBatch(suite.http, office, standard);
    const name = `工匠大师工作室-${tag}`;
    const applied = await suite.http.post(
      '/studios',
      {
        batchId,
        masterId,
        name,
        hostUnit: '温州瓯海鞋业有限公司',
        premises: '瞿溪街道工业区2号楼，120平方米',
        trade: '制鞋',
        plan: '每年带徒3名',
        apprentices: [{ name: `学徒${tag}`, startOn: '2025-05-01' }],
      },
      office,
    );
    expect(applied.status).toBe(201);
    const screened = await suite.http.post(
      `/studios/${applied.body.studioId as string}/screening`,
      { outcome: 'pass', reason: '符合创建标准', criteria: standard.map((criterion) => ({ criterion, met: true, evidence: `现场查看：${criterion}` })) },
      office,
    );
    expect(screened.status).toBe(200);

    const page = await signedInPage(suite.browser, suite.api.url, { role: 'union_office', sub: 'office-console' });
    await page.goto(`${suite.api.url}/workshops`);
    await page.getByRole('heading', { name: '工匠工作室', level: 1 }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(name) }).first();
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('已审核待审批');
    await row.getByRole('button', { name: /展开行|Expand row/ }).click();
    await page.getByText('现场查看：带徒不少于3名').waitFor();
    await page
      .getByRole('table', { name: `带徒人数：${name}` })
      .getByText(`学徒${tag}`)
      .waitFor();
    expect(await graveViolations(page)).toEqual([]);
  });
});
