import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { graveViolations, launchBrowser, signedInPage } from '../support/browser';
import { masterStack, type MasterStack } from '../support/master-stack';
import { approve, createRound, decide, idNumber, mobileNumber, type TestRound } from '../support/review-helpers';
import { eventually, nomination, token, VISIT } from '../support/service';

jest.setTimeout(300_000);

type Body = Record<string, any>;

/**
 * The expert's and the inspection team's pages of the web console in a real browser, against the real
 * API, worker, Temporal dev server and PostgreSQL: an expert finds the file assigned to them, scores
 * every condition claimed (checked before sending) and sees the scores recorded; a refusal and a
 * declared conflict are shown as the API answers; the office groups candidates into an inspection
 * batch (the API's refusal of a rejected candidate shown with its reason) and an inspector records
 * the visit. Each page passes axe's serious and critical checks.
 */
describe('web console: expert scoring, visit records and inspection batches (chromium, real API and worker)', () => {
  const stack = masterStack({ TEMPORAL_TASK_QUEUE: `it-console-expert-${randomUUID()}` });
  let http: MasterStack['http'];
  let url: string;
  let round: TestRound;
  let browser: Browser;
  const office = token('union_office', 'office-console-expert');

  beforeAll(async () => {
    ({ http } = stack);
    url = stack.api.url;
    round = await createRound(http);
    stack.roundIds.push(round.roundId);
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  /** An association nomination (no endorsement stage), at qualification; it claims superb skill and a leading role. */
  async function nominate(prefix: string): Promise<{ candidateId: string; name: string }> {
    const name = `${prefix}${randomUUID().slice(0, 6)}`;
    const res = await http.post(
      '/nominations',
      nomination({ idNumber: idNumber(), mobile: mobileNumber(), roundId: round.roundId, channel: 'association', name }),
      token('nominator'),
    );
    if (res.status !== 201) throw new Error(`nomination: ${res.status} ${JSON.stringify(res.body)}`);
    return { candidateId: res.body.candidateId as string, name };
  }

  /** A file at expert review with five experts seated; returns their user ids. */
  async function atScoring(prefix: string) {
    const file = await nominate(prefix);
    await approve(http, file.candidateId, 'qualification');
    await approve(http, file.candidateId, 'inspection', { visit: VISIT });
    const experts = [0, 1, 2, 3, 4].map((i) => `expert-${file.candidateId.slice(0, 8)}-${i}`);
    const seated = await http.post(`/candidates/${file.candidateId}/panel`, { experts: experts.map((userId, i) => ({ userId, employer: `温州大学${i}` })) }, office);
    if (seated.status !== 200) throw new Error(`panel: ${seated.status} ${JSON.stringify(seated.body)}`);
    // The inbox reads the status projection the workflow writes a moment later.
    await eventually(
      () => http.get('/tasks', token('expert', experts[0])),
      (r) => r.status === 200 && (r.body as Body[]).some((t) => t.candidateId === file.candidateId),
    );
    return { ...file, experts };
  }

  /** From the inbox, a page of the header's menu, then a candidate's link in its list, as a user goes. */
  async function openFromMenu(page: Page, menu: string, candidate: string) {
    await page.goto(`${url}/inbox`);
    await page.getByRole('navigation').getByRole('link', { name: menu }).click();
    // The inbox may list the same file: wait for the list page itself (its code loads on first use).
    await page.getByRole('heading', { name: menu, exact: true }).waitFor();
    await page
      .getByRole('row', { name: new RegExp(candidate) })
      .getByRole('link', { name: candidate })
      .click();
  }

  const submitButton = (page: Page) => page.getByRole('button', { name: '提交评分' });
  // A button-style radio hides its <input> under the label: the label is what a user clicks.
  const stageChoice = (page: Page, stage: string) => page.locator('label', { has: page.getByRole('radio', { name: stage }) });

  it('an expert opens the assigned file from the inbox, scores every condition claimed (checked first) and sees the scores recorded', async () => {
    const file = await atScoring('评分');
    const page = await signedInPage(browser, url, { role: 'expert', sub: file.experts[0] });
    await page.goto(`${url}/inbox`);
    await page
      .getByRole('row', { name: new RegExp(file.name) })
      .getByRole('link', { name: file.name })
      .click();
    await page.waitForURL(`**/files/${file.candidateId}`);
    await page.getByRole('link', { name: '此档案等待您评分：进入评分页' }).click();
    await page.waitForURL(`**/scoring/${file.candidateId}`);
    await page.getByRole('heading', { name: `专家评分：${file.name}` }).waitFor();
    // Blind scoring: the expert sees their own seat and the panel's counts, nobody else's marks.
    await page.getByText('在席专家 5 人，已评分 0 人').waitFor();
    await page.getByText('申报依据：区技能竞赛一等奖').waitFor();
    expect(await graveViolations(page)).toEqual([]);

    // Nothing is sent until every condition has a whole number from 0 to 100.
    await submitButton(page).click();
    // One message per empty condition (each appears as its field is checked).
    await eventually(
      () => page.getByText('请输入 0 至 100 的整数').count(),
      (n) => n === 2,
    );
    await page.getByLabel('高超技能', { exact: true }).fill('101');
    await page.getByLabel('领军作用', { exact: true }).fill('90');
    await submitButton(page).click();
    // Only 101 is still refused (the other message fades out).
    await eventually(
      () => page.getByText('请输入 0 至 100 的整数').count(),
      (n) => n === 1,
    );
    expect((await http.get(`/candidates/${file.candidateId}`, office)).body.panel.find((s: Body) => s.userId === file.experts[0]).status).toBe('assigned');

    await page.getByLabel('高超技能', { exact: true }).fill('86');
    await submitButton(page).click();
    await page.getByText('评分已提交').waitFor();
    const recorded = page.getByRole('table').filter({ has: page.getByRole('cell', { name: '高超技能' }) });
    await recorded.getByRole('row', { name: /高超技能\s*86/ }).waitFor();
    await recorded.getByRole('row', { name: /领军作用\s*90/ }).waitFor();
    await page.getByText('88.00').waitFor();
    expect(await graveViolations(page)).toEqual([]);

    const seen = await http.get(`/candidates/${file.candidateId}`, office);
    expect(seen.body.panel).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: file.experts[0], status: 'scored', scores: { superb_skill: 86, leading_role: 90 }, averageCenti: 8800 }),
      ]),
    );
    // Scored, the file leaves the expert's list.
    await eventually(
      () => http.get('/tasks', token('expert', file.experts[0])),
      (r) => !(r.body as Body[]).some((t) => t.candidateId === file.candidateId),
    );
    await page.context().close();
  });

  it("shows the API's refusal (scores are given once), and a declared conflict takes the expert off the panel", async () => {
    const file = await atScoring('回避');
    const page = await signedInPage(browser, url, { role: 'expert', sub: file.experts[1] });
    await openFromMenu(page, '专家评分', file.name);
    await page.waitForURL(`**/scoring/${file.candidateId}`);
    await page.getByLabel('高超技能', { exact: true }).fill('70');
    await page.getByLabel('领军作用', { exact: true }).fill('75');
    // The same expert scores elsewhere (another tab) meanwhile: the page shows why the API refuses.
    const elsewhere = await http.post(`/candidates/${file.candidateId}/scores`, { scores: { superb_skill: 60, leading_role: 65 } }, token('expert', file.experts[1]));
    expect(elsewhere.status).toBe(200);
    await submitButton(page).click();
    const alert = page.getByRole('alert').filter({ hasText: '评分未被接受' });
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('scores are given once');
    await page.context().close();

    const other = await signedInPage(browser, url, { role: 'expert', sub: file.experts[2] });
    await other.goto(`${url}/scoring/${file.candidateId}`);
    await other.getByRole('button', { name: '声明利益冲突（回避）' }).click();
    const dialog = other.getByRole('dialog');
    // As a person would: the form is on screen before it is sent empty.
    await dialog.getByLabel('理由').waitFor();
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await dialog.getByText('请填写理由').waitFor();
    await dialog.getByLabel('理由').fill('候选人系本人近亲属');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await other.getByText('已声明回避，您已退出该候选人的专家组').first().waitFor();
    const seen = await http.get(`/candidates/${file.candidateId}`, office);
    expect(seen.body.panel).toEqual(expect.arrayContaining([expect.objectContaining({ userId: file.experts[2], status: 'conflict', reason: '候选人系本人近亲属' })]));
    await other.context().close();
  });

  it('the office groups a candidate into an inspection batch (a rejected one refused, with why); an inspector records the visit', async () => {
    const ready = await nominate('考察');
    await approve(http, ready.candidateId, 'qualification');
    const rejected = await nominate('否决');
    expect((await decide(http, rejected.candidateId, 'qualification', { outcome: 'reject', reason: '不符合条件' }, office)).status).toBe(200);
    await eventually(
      () => http.get(`/candidates?stage=inspection&roundId=${round.roundId}`, office),
      (r) => (r.body.items as Body[]).some((c) => c.id === ready.candidateId),
    );

    const page = await signedInPage(browser, url, { role: 'union_office', sub: 'office-console-expert' });
    await page.goto(`${url}/inbox`);
    await page.getByRole('navigation').getByRole('link', { name: '考察批次' }).click();
    await page.waitForURL('**/batches');
    await page.getByRole('heading', { name: '考察批次', exact: true }).waitFor();
    await page.getByRole('button', { name: '新建考察批次' }).click();
    const batchName = `第一批考察${randomUUID().slice(0, 4)}`;
    await page.getByLabel('批次名称').fill(batchName);
    await page.getByLabel('计划考察日期').fill('2031-04-18');
    await page.getByLabel('考察组成员（每行一人）').fill('李考察\n陈考察');
    await stageChoice(page, '资格审核').click();
    // A whole district's files wait at qualification: the office finds this one by name.
    await page.getByRole('searchbox', { name: '按姓名查找' }).fill(rejected.name);
    await page.getByRole('button', { name: '按姓名查找' }).click();
    await page.getByLabel(`选择 ${rejected.name}`).check();
    await page.getByRole('button', { name: '建立批次' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: '未能建立考察批次' });
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toContain(`${rejected.name}：the candidacy is rejected`);
    expect(await graveViolations(page)).toEqual([]);

    await page.getByLabel(`选择 ${rejected.name}`).uncheck();
    await stageChoice(page, '人选考察').click();
    await page.getByRole('searchbox', { name: '按姓名查找' }).fill(ready.name);
    await page.getByRole('button', { name: '按姓名查找' }).click();
    await page.getByLabel(`选择 ${ready.name}`).check();
    await page.getByRole('button', { name: '建立批次' }).click();
    await page.getByText('考察批次已建立').waitFor();
    const row = page.getByRole('row', { name: new RegExp(batchName) });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('李考察、陈考察');
    expect((await http.get(`/candidates/${ready.candidateId}`, office)).body.inspectionBatchId).toEqual(expect.any(String));
    await page.context().close();

    const inspector = await signedInPage(browser, url, { role: 'inspector', sub: 'inspector-console-expert' });
    await openFromMenu(inspector, '人选考察', ready.name);
    await inspector.waitForURL(`**/visits/${ready.candidateId}`);
    // The date and the team come from the batch.
    await inspector.getByText(`已按考察批次“${batchName}”预填日期和成员`).waitFor();
    await expect(inspector.getByLabel('考察日期').inputValue()).resolves.toBe('2031-04-18');
    await expect(inspector.getByLabel('考察组成员（每行一人）').inputValue()).resolves.toBe('李考察\n陈考察');
    expect(await graveViolations(inspector)).toEqual([]);
    await inspector.getByRole('button', { name: '提交考察记录' }).click();
    await inspector.getByText('请填写考察地点').waitFor();
    await inspector.getByLabel('考察地点').fill('瓯海眼镜厂装配车间');
    await inspector.getByLabel('考察情况').fill('在岗，技艺娴熟，带徒属实');
    await inspector.getByLabel('理由').fill('考察属实，同意进入专家评审');
    await inspector.getByRole('button', { name: '提交考察记录' }).click();
    await inspector.getByText('考察记录已提交').waitFor();
    await inspector.getByRole('cell', { name: '瓯海眼镜厂装配车间' }).waitFor();

    const seen = await eventually(
      () => http.get(`/candidates/${ready.candidateId}`, office),
      (r) => r.body.stage === 'expert_review',
    );
    expect(seen.body.decisions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          stage: 'inspection',
          outcome: 'approve',
          reason: '考察属实，同意进入专家评审',
          visit: { date: '2031-04-18', place: '瓯海眼镜厂装配车间', members: ['李考察', '陈考察'], findings: '在岗，技艺娴熟，带徒属实' },
          actor: expect.objectContaining({ userId: 'inspector-console-expert', role: 'inspector' }),
        }),
      ]),
    );
    await inspector.context().close();
  });
});
