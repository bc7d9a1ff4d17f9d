import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { graveViolations, launchBrowser, signedInPage } from '../support/browser';
import { approve, createRound, idNumber, mobileNumber, type TestRound } from '../support/review-helpers';
import { act, runVote, untilPhase } from '../support/round-driver';
import { client, eventually, nomination, scoreThroughApi, startApi, startWorker, token, VISIT } from '../support/service';

jest.setTimeout(240_000);

type Line = { candidateId: string; name: string; rank: number; outcome?: string | null; reason?: string | null };

/**
 * The round dashboard (/selection) in chromium against the real API, worker and Temporal: the office
 * freezes the re-review list from the round's page and sees it ranked, equal scores sharing a rank;
 * after a vote (driven through the API) the leadership group picks the formal list within the quota,
 * sees the API refuse a list over it, gives a reason for the one left out and submits; the API then
 * holds that formal list. Each page passes axe's serious and critical checks.
 */
describe('console: the round dashboard (chromium, real API and worker)', () => {
  // One expert a file: the panel is not what this test is about.
  const env = { TEMPORAL_TASK_QUEUE: `it-console-round-${randomUUID()}`, MIN_PANEL_SIZE: '1' };
  let api: Awaited<ReturnType<typeof startApi>>;
  let worker: INestApplicationContext;
  let http: ReturnType<typeof client>;
  let browser: Browser;
  let round: TestRound;
  const tag = randomUUID().slice(0, 4);
  const names = [`甲师傅${tag}`, `乙师傅${tag}`, `丙师傅${tag}`];
  const ids: string[] = [];

  beforeAll(async () => {
    worker = await startWorker(env);
    api = await startApi(env);
    http = client(api.url);
    browser = await launchBrowser();
    // A notice long enough to object during it and resolve the objection from the page.
    round = await createRound(http, undefined, token('union_office'), { quota: 2, publicNoticeDuration: '25s' });
    // Three files through qualification, inspection and a one-expert review: 90, 80 and 80.
    for (const [i, mark] of [90, 80, 80].entries()) {
      const res = await http.post(
        '/nominations',
        nomination({ roundId: round.roundId, channel: 'self', name: names[i], idNumber: idNumber(), mobile: mobileNumber() }),
        token('nominator'),
      );
      if (res.status !== 201) throw new Error(`nomination: ${res.status} ${JSON.stringify(res.body)}`);
      ids.push(res.body.candidateId);
      await approve(http, res.body.candidateId, 'qualification');
      await approve(http, res.body.candidateId, 'inspection', { visit: VISIT });
      await scoreThroughApi(http, res.body.candidateId, [mark]);
    }
    await act(http, `/rounds/${round.roundId}/phase`, { action: 'close', reason: '推荐截止' });
    await untilPhase(http, round.roundId, 'reviewing');
    await eventually(
      () => ranking(),
      (lines) => lines.length === 3,
    );
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await worker?.close();
  });

  const ranking = async (): Promise<Line[]> => (await http.get(`/rounds/${round.roundId}/ranking`, token('auditor'))).body.ranking;
  const row = (page: Page, name: string) => page.getByRole('row', { name: new RegExp(name) });

  it('the office freezes the re-review list from the round page and sees it ranked, ties sharing a rank', async () => {
    const page = await signedInPage(browser, api.url, { role: 'union_office', sub: 'office-console-round' });
    await page.goto(`${api.url}/selection`);
    const link = page.getByRole('link', { name: `${round.year} 年度评选` });
    await link.waitFor();
    expect(await graveViolations(page)).toEqual([]);
    await link.click();
    await page.waitForURL(`**/selection/${round.roundId}`);
    await expect(page.getByTestId('phase').textContent()).resolves.toBe('评选审核');
    await row(page, names[0]).waitFor();
    // The funnel is drawn (and described in words for screen readers); nominations per sub-district against 3.
    await page.getByRole('img', { name: /各阶段人数柱状图：专家评审 3/ }).waitFor();
    await page.getByRole('heading', { name: '各镇街推荐人数（目标每镇街不少于 3 人）' }).waitFor();
    expect(await graveViolations(page)).toEqual([]);

    await page.getByRole('button', { name: '确定复审名单' }).click();
    const dialog = page.getByRole('dialog');
    // The reason is required before anything is sent.
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await dialog.getByText('请填写理由').waitFor();
    await dialog.getByLabel('理由').fill('专家评审已全部完成');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await page.getByText('复审名单已确定').first().waitFor();

    // Ranked by expert score: 1, then the two 80s sharing rank 2, each on the list.
    for (const [i, rank] of [1, 2, 2].entries()) {
      await row(page, names[i]).getByRole('cell', { name: '已列入复审名单' }).waitFor();
      await expect(row(page, names[i]).getByRole('cell').first().textContent()).resolves.toBe(String(rank));
    }
    expect(Object.fromEntries((await ranking()).map((l) => [l.name, [l.rank, l.outcome]]))).toEqual({
      [names[0]]: [1, null],
      [names[1]]: [2, null],
      [names[2]]: [2, null],
    });
    await page.context().close();
  });

  it('after the vote the leadership group selects the formal list within the quota, a reason for the one left out; the API holds it', async () => {
    // The public votes for 丙 twice and 甲 once: combined 丙 86, 甲 78, 乙 56 (70 % expert, 30 % vote).
    await runVote(http, round.roundId, async () => {
      for (const [voter, i] of [
        ['v1', 2],
        ['v2', 2],
        ['v1', 0],
      ] as const) {
        const vote = await http.post(`/public/rounds/${round.roundId}/votes`, { candidateId: ids[i], verifier: 'dev', credential: `${round.year}-${voter}` });
        expect(vote.status).toBe(201);
      }
    });
    const page = await signedInPage(browser, api.url, { role: 'leadership', sub: 'leader-console-round' });
    await page.goto(`${api.url}/selection/${round.roundId}`);
    const formal = page.getByRole('heading', { name: '正式候选名单（领导小组）' });
    await formal.waitFor();
    await expect(page.getByTestId('phase').textContent()).resolves.toBe('领导小组审核');
    const section = page.locator('.ant-card').filter({ has: formal });
    // Expert and vote scores side by side, by combined rank; the top two (the quota) ticked.
    const cells = await section
      .getByRole('row', { name: new RegExp(names[2]) })
      .getByRole('cell')
      .allTextContents();
    expect(cells.slice(1, 8)).toEqual(['1', names[2], '温州瓯海眼镜有限公司', '80', '2', '100', '86']);
    expect(await Promise.all(names.map((n) => section.getByLabel(`选择 ${n}`).isChecked()))).toEqual([true, false, true]);
    expect(await graveViolations(page)).toEqual([]);

    // Over the quota: the page says so and the API refuses the list.
    await section.getByLabel(`选择 ${names[1]}`).check();
    await section.getByText('已选 3 名 / 名额 2 名').waitFor();
    await section.getByText('超出名额：提交后将被拒绝').waitFor();
    await section.getByLabel('入选理由（适用于所有入选者）').fill('综合排名靠前');
    await section.getByRole('button', { name: '提交正式候选名单' }).click();
    // The refusal's code in Chinese, the API's own message beside it.
    const refusal = section.getByRole('alert').filter({ hasText: '名单不符合规则' });
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toContain("exceeds the round's quota of 2");

    // Within the quota: the one left out needs a reason.
    await section.getByLabel(`选择 ${names[1]}`).uncheck();
    await section.getByRole('button', { name: '提交正式候选名单' }).click();
    await section
      .getByRole('alert')
      .filter({ hasText: `请填写理由：${names[1]}` })
      .waitFor();
    await section.getByLabel(`${names[1]} 未入选理由`).fill('名额所限');
    await section.getByRole('button', { name: '提交正式候选名单' }).click();
    await page.getByText('已提交').first().waitFor();
    await formal.waitFor({ state: 'detached' });
    await row(page, names[1]).getByRole('cell', { name: '名额所限' }).waitFor();

    const lines = await eventually(
      () => ranking(),
      (ls) => ls.every((l) => l.outcome),
    );
    expect(Object.fromEntries(lines.map((l) => [l.name, [l.outcome, l.reason]]))).toEqual({
      [names[0]]: ['selected', '综合排名靠前'],
      [names[1]]: ['left_out', '名额所限'],
      [names[2]]: ['selected', '综合排名靠前'],
    });
    const view = await http.get(`/rounds/${round.roundId}`, token('auditor'));
    expect(view.body.quotaUse).toMatchObject({ quota: 2, selected: 2, remaining: 0 });
    await page.context().close();
  });

  it('the office starts the notice and dismisses an objection with its reason; the government approves one and gives a reason for the other', async () => {
    const office = await signedInPage(browser, api.url, { role: 'union_office', sub: 'office-console-round' });
    await office.goto(`${api.url}/selection/${round.roundId}`);
    await office.getByRole('button', { name: '开始社会公示' }).click();
    let dialog = office.getByRole('dialog');
    await dialog.getByLabel('理由').fill('在区政府门户网站公示');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await office.getByText('社会公示').first().waitFor();
    await eventually(
      () => office.getByTestId('phase').textContent(),
      (t) => t === '社会公示',
    );

    const filed = await http.post(`/public/candidates/${ids[2]}/objections`, { name: '王某', contact: '13900000000', grounds: '获奖证书存疑' });
    expect(filed.status).toBe(201);
    const objection = office.getByRole('row', { name: /获奖证书存疑/ });
    await objection.waitFor();
    expect(await graveViolations(office)).toEqual([]);
    await objection.getByRole('button', { name: /处\s*理/ }).click();
    dialog = office.getByRole('dialog');
    await dialog.getByText('异议成立将取消该人选资格').waitFor();
    await dialog.getByLabel('理由').fill('经核实证书真实');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await objection.getByRole('cell', { name: '异议不成立' }).waitFor();
    await objection.getByRole('cell', { name: /经核实证书真实/ }).waitFor();
    await office.context().close();

    await untilPhase(http, round.roundId, 'government_approval', 60_000);
    const government = await signedInPage(browser, api.url, { role: 'government', sub: 'gov-console-round' });
    await government.goto(`${api.url}/selection/${round.roundId}`);
    const approval = government.getByRole('heading', { name: '区政府审定', exact: true });
    await approval.waitFor();
    expect(await graveViolations(government)).toEqual([]);
    const section = government.locator('.ant-card').filter({ has: approval });
    await section.getByLabel(`审定通过 ${names[0]}`).uncheck();
    await section.getByLabel(`${names[0]} 未通过理由`).fill('材料需进一步核实');
    await section.getByRole('button', { name: '提交审定结果' }).click();
    await approval.waitFor({ state: 'detached' });

    const lines = await eventually(
      () => ranking(),
      (ls) => ls.every((l) => l.outcome !== 'selected'),
    );
    expect(Object.fromEntries(lines.map((l) => [l.name, l.outcome]))).toEqual({ [names[0]]: 'not_approved', [names[1]]: 'left_out', [names[2]]: 'approved' });
    expect(lines.find((l) => l.name === names[0])?.reason).toBe('材料需进一步核实');
    await government.context().close();
  });
});
