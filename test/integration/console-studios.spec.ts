import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { maskAccountNumber } from '../../libs/security/pii';
import { graveViolations, signedInPage } from '../support/browser';
import { consoleSuite } from '../support/console-suite';
import { paperMaster } from '../support/masters';
import { token } from '../support/service';
import { openStudioBatch } from '../support/studio-batches';

jest.setTimeout(240_000);

const STANDARD = ['场地面积不少于50平方米', '带徒不少于3名'];
const submit = (page: Page) => page.getByRole('dialog').getByRole('button', { name: /提\s*交/ });
/** Opens the antd Select under `label` (its shown choice covers the input) and picks the option that has `text`. */
async function choose(page: Page, label: string, text: string | RegExp): Promise<void> {
  await page.getByRole('dialog').locator('.ant-form-item', { hasText: label }).locator('.ant-select-selector').click();
  await page.locator('.ant-select-item-option', { hasText: text }).click();
  // The list closes with a fade: axe on it mid-fade sees its blended colours and its options' ARIA.
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'detached' });
}

/** axe on the page as it settles: no dialog open, the toast gone. */
async function settled(page: Page): Promise<string[]> {
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
  await page.getByText('已提交').waitFor({ state: 'hidden' });
  return graveViolations(page);
}

/**
 * The studios page (/workshops) in chromium against the real API, worker and Temporal: the office applies
 * for a studio named after a master imported from paper, screens it against the batch's creation standard,
 * records the grant account (a malformed number refused in Chinese, then the number shown masked as the
 * API masks it), records an apprentice and the apprenticeship's outcome, each answered with the studio as
 * it now stands; a batch too near another is refused with the API's reason; the leadership group approves
 * the batch and the studio is named with its 30,000-yuan grant; an auditor sees the page without buttons.
 */
describe('console: studios (chromium, real API)', () => {
  const suite = consoleSuite('console-studios');
  const office = token('union_office', 'office-studios');

  it('the office takes a studio from its application to its apprentices; the leadership group names it', async () => {
    const master = paperMaster();
    const imported = await suite.http.post('/masters/import', { masters: [master] }, office);
    expect(imported.status).toBe(201);
    const { batchId, year } = await openStudioBatch(suite.http, office, STANDARD);
    const tag = randomUUID().slice(0, 4);
    const name = `${master.name}技能大师工作室-${tag}`;

    const page = await signedInPage(suite.browser, suite.api.url, { role: 'union_office', sub: 'office-studios' });
    await page.goto(`${suite.api.url}/workshops`);
    await page.getByRole('heading', { name: '工匠工作室', level: 1 }).waitFor();

    // A batch a year after an open one: the API refuses it, and says why in the dialog.
    await page.getByRole('button', { name: '新建创建批次' }).click();
    const batchDialog = page.getByRole('dialog');
    await batchDialog.getByLabel('年度').fill(String(year + 1));
    await batchDialog.getByLabel(/申报开始/).fill('2026-03-01 00:00');
    await batchDialog.getByLabel(/申报截止/).fill('2026-04-01 00:00');
    await batchDialog.getByLabel(/创建标准/).fill('场地面积不少于50平方米');
    await submit(page).click();
    await batchDialog
      .getByRole('alert')
      .getByText(/当前状态不允许此操作.*every 2 years/)
      .waitFor();
    await batchDialog.getByRole('button', { name: /取\s*消/ }).click();

    // The application: batch, named master, the studio's description and its first apprentice.
    await page.getByRole('button', { name: '申报工作室' }).click();
    const apply = page.getByRole('dialog');
    await choose(page, '创建批次（申报期内）', `${year}（`);
    await apply.getByLabel('领衔工匠（已命名）').fill(master.name);
    await page.locator('.ant-select-item-option', { hasText: master.name }).click();
    await apply.getByLabel('工作室名称').fill(name);
    await apply.getByLabel('依托单位').fill('温州瓯海鞋业有限公司');
    await apply.getByLabel('场地').fill('瞿溪街道工业区2号楼，120平方米');
    await apply.getByLabel('工种').fill('制鞋');
    await apply.getByLabel('带徒计划').fill('每年带徒3名，开展技术攻关2项');
    await apply.getByLabel('学徒姓名 1').fill(`首徒${tag}`);
    await apply.getByLabel(/开始日期.* 1$/).fill('2026-05-01');
    expect(await graveViolations(page)).toEqual([]);
    await submit(page).click();
    const row = page.getByRole('row', { name: new RegExp(name) }).first();
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('已申报');
    expect(await settled(page)).toEqual([]);

    // Screening: each criterion met, with its evidence; the row and the studio show it screened.
    await row.getByRole('button', { name: /展开行|Expand row/ }).click();
    await page.getByRole('button', { name: `审核：${name}` }).click();
    const screen = page.getByRole('dialog');
    for (const criterion of STANDARD) {
      await screen.getByLabel(`达标：${criterion}`).check();
      await screen.getByLabel(`依据：${criterion}`).fill(`现场查看：${criterion}`);
    }
    await screen.getByLabel('理由').fill('符合创建标准');
    expect(await graveViolations(page)).toEqual([]);
    await submit(page).click();
    await page.getByText('现场查看：带徒不少于3名').waitFor();
    await row.getByText('已审核待审批').waitFor();
    await expect(page.getByRole('button', { name: `审核：${name}` }).count()).resolves.toBe(0);

    // The grant account: a number that is not 8 to 32 digits is the API's refusal, in Chinese with the field.
    await page.getByRole('button', { name: `登记拨款账户：${name}` }).click();
    const bank = page.getByRole('dialog');
    await bank.getByLabel('开户银行').fill('中国工商银行温州瓯海支行');
    await bank.getByLabel('账号').fill('6222-0212');
    await submit(page).click();
    await bank
      .getByRole('alert')
      .getByText(/提交的内容有误.*accountNumber must be 8 to 32 digits/)
      .waitFor();
    await bank.getByLabel('账号').fill('6222 0212 3456 7890 123');
    await submit(page).click();
    const masked = maskAccountNumber('6222021234567890123');
    await page.getByText(`中国工商银行温州瓯海支行 温州瓯海鞋业有限公司 ${masked}`).waitFor();
    await expect(page.getByText('6222021234567890123').count()).resolves.toBe(0);

    // Another apprentice, then what the apprenticeship led to.
    await page.getByRole('button', { name: `登记学徒：${name}` }).click();
    const apprentice = page.getByRole('dialog');
    await apprentice.getByLabel('学徒姓名').fill(`二徒${tag}`);
    await apprentice.getByLabel(/开始日期/).fill('2026-06-01');
    await submit(page).click();
    const apprentices = page.getByRole('table', { name: `带徒人数：${name}` });
    await apprentices.getByText(`二徒${tag}`).waitFor();
    await row.getByRole('cell', { name: '2', exact: true }).waitFor();
    await page.getByRole('button', { name: `登记带徒成果：二徒${tag}` }).click();
    const outcome = page.getByRole('dialog');
    await outcome.getByLabel(/结束日期/).fill('2028-05-31');
    await choose(page, '达到的技能等级或职称', /^技师$/);
    await outcome.getByLabel('说明').fill('出师');
    expect(await graveViolations(page)).toEqual([]);
    await submit(page).click();
    await apprentices.getByRole('row', { name: new RegExp(`二徒${tag}.*2028-05-31.*技师；出师`) }).waitFor();
    expect(await settled(page)).toEqual([]);

    const studioId = (await suite.http.get(`/studios?batchId=${batchId}`, office)).body.items[0].id as string;
    const view = await suite.http.get(`/studios/${studioId}`, office);
    expect(view.body).toMatchObject({ status: 'screened', bankAccount: { accountNumber: masked, accountName: '温州瓯海鞋业有限公司' } });
    expect(view.body.apprentices).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: `二徒${tag}`, endOn: '2028-05-31', outcome: { skillLevel: 'technician', note: '出师' } })]),
    );

    // The window closed, the leadership group approves the batch: the studio is named, its grant instructed.
    await suite.db.query(`UPDATE studio_batches SET closes_at = now() WHERE id = $1`, [batchId]);
    const leadership = await signedInPage(suite.browser, suite.api.url, { role: 'leadership', sub: 'leadership-studios' });
    await leadership.goto(`${suite.api.url}/workshops`);
    // Found by name, as the list grows batch after batch: the one studio, whatever page it was on.
    await leadership.getByLabel('按工作室或大师姓名查找').fill(name);
    await leadership.getByLabel('按工作室或大师姓名查找').press('Enter');
    await leadership.getByText('共 1 个').waitFor();
    await leadership.getByRole('button', { name: `审批 ${year} 年度创建批次` }).click();
    const decision = leadership.getByRole('dialog');
    await decision.getByText(name).waitFor();
    await expect(decision.getByRole('radio', { name: '批准命名' }).isChecked()).resolves.toBe(true);
    expect(await graveViolations(leadership)).toEqual([]);
    await submit(leadership).click();
    const named = leadership.getByRole('row', { name: new RegExp(name) }).first();
    await named.getByText('已命名').waitFor();
    await expect(leadership.getByRole('button', { name: `登记拨款账户：${name}` }).count()).resolves.toBe(0);
    await named.getByRole('button', { name: /展开行|Expand row/ }).click();
    await leadership.getByText(/¥30,000\.00/).waitFor();
    expect(await settled(leadership)).toEqual([]);

    // An auditor reads the same studio without a button to act.
    const auditor = await signedInPage(suite.browser, suite.api.url, { role: 'auditor', sub: 'auditor-studios' });
    await auditor.goto(`${suite.api.url}/workshops`);
    await auditor.getByLabel('按工作室或大师姓名查找').fill(master.name);
    await auditor.getByLabel('按工作室或大师姓名查找').press('Enter');
    const seen = auditor.getByRole('row', { name: new RegExp(name) }).first();
    await seen.getByRole('button', { name: /展开行|Expand row/ }).click();
    await auditor
      .getByRole('table', { name: `带徒人数：${name}` })
      .getByText(`二徒${tag}`)
      .waitFor();
    await expect(
      auditor
        .getByRole('main')
        .getByRole('button', { name: /审批|新建创建批次|申报工作室|登记拨款账户|登记学徒|登记带徒成果|撤回申报/ })
        .count(),
    ).resolves.toBe(0);
    expect(await graveViolations(auditor)).toEqual([]);
  });
});
