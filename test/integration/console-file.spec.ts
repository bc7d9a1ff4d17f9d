import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { graveViolations, signedInPage } from '../support/browser';
import { consoleSuite } from '../support/console-suite';
import { approve, idNumber, mobileNumber } from '../support/review-helpers';
import { eventually, nomination, scoreThroughApi, token, VISIT } from '../support/service';

jest.setTimeout(240_000);

/** Tiny files with the right magic bytes: a 1×1 PNG and a minimal PDF. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGMwTpv5HwAENAIyWy0K4AAAAABJRU5ErkJggg==', 'base64');
/** The part of an <img> the test reads (the test's tsconfig has no DOM types). */
interface Img {
  decode(): Promise<void>;
  naturalWidth: number;
}
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');

/**
 * A candidate's file in the web console (chromium, real API, worker, Temporal and PostgreSQL): the
 * programme office reads the application form as the paper lays it out, in Chinese; sees the automatic
 * pre-checks with their results; previews an uploaded attachment; sees the panel expert by expert (an
 * inspector the numbers only); a nominator sees the personal data masked
 * as the API masks it; an auditor has the case's timeline one click away. axe finds nothing serious.
 */
describe("web console: a candidate's file (chromium, real API and worker)", () => {
  const suite = consoleSuite('console-file');
  const nominatorId = `nominator-${randomUUID().slice(0, 8)}`;
  let candidateId: string;
  let name: string;
  let id: string;

  async function upload(kind: string, content: Buffer, filename: string, type: string) {
    const form = new FormData();
    form.append('kind', kind);
    form.append('file', new Blob([content], { type }), filename);
    const res = await fetch(`${suite.api.url}/candidates/${candidateId}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token('nominator', nominatorId)}` },
      body: form,
    });
    if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`);
  }

  const card = (page: Page, title: string) => page.locator('.ant-card', { has: page.getByRole('heading', { level: 2, name: title }) });

  beforeAll(async () => {
    name = `档案${randomUUID().slice(0, 6)}`;
    id = idNumber();
    const res = await suite.http.post(
      '/nominations',
      nomination({
        idNumber: id,
        mobile: mobileNumber(),
        roundId: suite.round.roundId,
        channel: 'organisational',
        area: 'louqiao',
        name,
        industry: 'electrical_machinery',
        honours: ['2015年瓯海区技术能手', '2016年温州市五一劳动奖章'],
      }),
      token('nominator', nominatorId),
    );
    if (res.status !== 201) throw new Error(`nomination: ${res.status} ${JSON.stringify(res.body)}`);
    candidateId = res.body.candidateId as string;
    await eventually(
      () => suite.http.get(`/candidates/${candidateId}`, token('union_office')),
      (r) => r.body?.stage === 'endorsement',
    );
    await upload('honour', PNG, 'honour.png', 'image/png');
    await upload('skill_certificate', PDF, 'certificate.pdf', 'application/pdf');
  });

  it('the programme office reads the form in Chinese, the pre-checks with their results, and previews an attachment', async () => {
    const page = await signedInPage(suite.browser, suite.api.url, { role: 'union_office', sub: `office-${randomUUID().slice(0, 6)}` });
    await page.goto(`${suite.api.url}/files/${candidateId}`);
    const form = card(page, '申报表');
    await form.waitFor();
    const text = (await form.textContent()) ?? '';
    // The paper's labels and the enumerations by their Chinese names, not the API's codes or JSON.
    for (const words of [
      '所属行业',
      '电气机械',
      '技能等级或职称',
      '技师',
      '性别',
      '已获荣誉(区级以上)',
      '评选条件',
      '高超技能',
      '领军作用',
      '推荐单位意见',
      '2017年4月8日',
      '12 年',
    ]) {
      expect([words, text.includes(words)]).toEqual([words, true]);
    }
    for (const code of ['electrical_machinery', 'superb_skill', 'technician', '"kind"', 'female', 'male']) {
      expect([code, text.includes(code)]).toEqual([code, false]);
    }
    // Honours as a list; the ID number in clear for the office.
    await expect(form.getByRole('listitem').filter({ hasText: '五一劳动奖章' }).count()).resolves.toBe(1);
    await expect(form.getByText(id, { exact: true }).count()).resolves.toBe(1);

    // The automatic pre-checks, each with its result.
    const prechecks = card(page, '自动预审');
    await expect(prechecks.getByRole('row', { name: /工作年限.*通过/ }).count()).resolves.toBe(1);
    await expect(prechecks.getByRole('row', { name: /评选条件.*通过/ }).count()).resolves.toBe(1);

    // The attachments by their Chinese kinds; the image opens in the preview with its bytes.
    const attachments = card(page, '附件');
    await attachments.getByRole('row', { name: /荣誉证书.*honour\.png/ }).waitFor();
    await attachments.getByRole('row', { name: /技能等级或职称证书.*certificate\.pdf/ }).waitFor();
    expect(await graveViolations(page)).toEqual([]);

    await attachments.getByRole('button', { name: '预览 honour.png' }).click();
    const dialog = page.getByRole('dialog', { name: '预览：honour.png' });
    const image = dialog.getByRole('img', { name: '预览：honour.png' });
    await image.waitFor();
    // The bytes fetched with the token decode as the 1×1 image uploaded.
    await expect(image.evaluate((img: Img) => img.decode().then(() => img.naturalWidth))).resolves.toBe(1);
    expect(await graveViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: /关\s*闭/ }).click();
    await dialog.waitFor({ state: 'detached' });

    // A PDF opens in the browser's viewer inside the dialog, from an object URL.
    await attachments.getByRole('button', { name: '预览 certificate.pdf' }).click();
    const frame = page.getByRole('dialog', { name: '预览：certificate.pdf' }).locator('iframe[title="预览：certificate.pdf"]');
    await frame.waitFor();
    await expect(frame.getAttribute('src')).resolves.toMatch(/^blob:/);
    await page
      .getByRole('dialog', { name: '预览：certificate.pdf' })
      .getByRole('button', { name: /关\s*闭/ })
      .click();

    // The application form to print is one click away.
    const downloading = page.waitForEvent('download');
    await card(page, '打印文书').getByRole('button', { name: '推荐申报表（PDF）' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    await page.context().close();
  });

  it('a nominator sees the personal data masked and the birth year only; an auditor has the timeline one click away', async () => {
    const page = await signedInPage(suite.browser, suite.api.url, { role: 'nominator', sub: nominatorId });
    await page.goto(`${suite.api.url}/files/${candidateId}`);
    const form = card(page, '申报表');
    await form.waitFor();
    await expect(form.getByText(/^\d{4}\*+\w{4}$/).count()).resolves.toBe(1);
    await expect(form.getByText(/^1\d{2}\*{4}\d{4}$/).count()).resolves.toBe(1);
    await expect(form.getByText(id, { exact: true }).count()).resolves.toBe(0);
    await expect(form.getByText('出生年份').count()).resolves.toBe(1);
    await expect(form.getByText('出生日期').count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: /案卷时间线/ }).count()).resolves.toBe(0);
    expect(await graveViolations(page)).toEqual([]);
    await page.context().close();

    const auditor = await signedInPage(suite.browser, suite.api.url, { role: 'auditor', sub: `audit-${randomUUID().slice(0, 6)}` });
    await auditor.goto(`${suite.api.url}/files/${candidateId}`);
    await auditor.getByRole('link', { name: /查看案卷时间线/ }).click();
    await auditor.waitForURL(`**/auditing/cases/${candidateId}`);
    await auditor.context().close();
  });

  it('the office sees the panel expert by expert with their scores; an inspector sees the numbers only', async () => {
    const res = await suite.http.post(
      '/nominations',
      nomination({ idNumber: idNumber(), mobile: mobileNumber(), roundId: suite.round.roundId, channel: 'self', name: `评审${randomUUID().slice(0, 6)}` }),
      token('nominator'),
    );
    expect(res.status).toBe(201);
    const reviewed = res.body.candidateId as string;
    await eventually(
      () => suite.http.get(`/candidates/${reviewed}`, token('union_office')),
      (r) => r.body?.stage === 'qualification',
    );
    await approve(suite.http, reviewed, 'qualification');
    await approve(suite.http, reviewed, 'inspection', { visit: VISIT });
    await scoreThroughApi(suite.http, reviewed, [80, 85, 90, 70, 95]);

    const office = await signedInPage(suite.browser, suite.api.url, { role: 'union_office', sub: `office-${randomUUID().slice(0, 6)}` });
    await office.goto(`${suite.api.url}/files/${reviewed}`);
    const panel = card(office, '专家评审');
    await panel.waitFor();
    // Five seats, each scored per condition by the conditions' Chinese names; the score without the highest and lowest.
    await expect(panel.getByRole('row', { name: /expert-.*已评分.*高超技能 80/ }).count()).resolves.toBe(1);
    await expect(panel.getByRole('row', { name: /expert-/ }).count()).resolves.toBe(5);
    await expect(panel.textContent()).resolves.toContain('85.00');
    expect(await graveViolations(office)).toEqual([]);
    await office.context().close();

    const inspector = await signedInPage(suite.browser, suite.api.url, { role: 'inspector', sub: `inspector-${randomUUID().slice(0, 6)}` });
    await inspector.goto(`${suite.api.url}/files/${reviewed}`);
    const numbers = card(inspector, '专家评审');
    await numbers.waitFor();
    await expect(numbers.textContent()).resolves.toContain('85.00');
    await expect(numbers.getByText(/expert-/).count()).resolves.toBe(0);
    await inspector.context().close();
  });
});
