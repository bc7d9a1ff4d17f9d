import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { graveViolations, launchBrowser, publicPage } from '../support/browser';
import { approve, closeRounds, createRound, idNumber, mobileNumber, openDb } from '../support/review-helpers';
import { act, freezeList, runVote } from '../support/round-driver';
import { client, eventually, nomination, scoreThroughApi, startApi, startWorker, token, VISIT } from '../support/service';
import { controlClock, createVotingRound, voteRows, type VotingRound } from '../support/voting-fixture';
import { APP_ID, APP_SECRET, wechatStandIn } from '../support/wechat-stand-in';

jest.setTimeout(240_000);

/**
 * The public's pages (no sign-in) on a phone-sized viewport in chromium, served by the API they call,
 * against the real Temporal dev server and PostgreSQL: a citizen votes (dev verifier) and a second
 * vote the same day is refused; an objection filed from the public notice reaches the office; the
 * register of masters is searchable; each page passes axe's serious and critical checks.
 */
describe('public pages on a phone (chromium, real API and worker)', () => {
  const env = { TEMPORAL_TASK_QUEUE: `it-console-public-${randomUUID()}` };
  let api: Awaited<ReturnType<typeof startApi>>;
  let worker: INestApplicationContext;
  let http: ReturnType<typeof client>;
  let db: DataSource;
  let browser: Browser;
  let setNow: (at: Date) => void;
  const votingRounds: VotingRound[] = [];
  const rounds: string[] = [];

  beforeAll(async () => {
    worker = await startWorker(env);
    api = await startApi({ ...env, VOTE_RATE_LIMIT_PER_MINUTE: '100000' });
    http = client(api.url);
    db = await openDb();
    setNow = controlClock(api.app);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    for (const r of votingRounds) await r.remove();
    await closeRounds(db, rounds);
    await db?.destroy();
    await api?.close();
    await worker?.close();
  });

  /** Nothing of the staff console: no menu, no sign-in, no sign-out. */
  async function expectNoStaffFrame(page: Page) {
    await expect(page.getByRole('navigation', { name: '菜单' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: /退\s*出|登\s*录/ }).count()).resolves.toBe(0);
    expect(page.url()).not.toContain('sign-in');
  }

  /** Fits the phone's width: nothing to scroll sideways. */
  const fitsWidth = (page: Page) => page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');

  it('a citizen votes on a phone, a second vote for the same candidate the same day is refused in Chinese, and the vote is one row', async () => {
    const round = await createVotingRound(db, { candidates: 3 });
    votingRounds.push(round);
    setNow(round.at('04-21T10:00'));
    const rules = await http.get('/public/voting');
    expect(rules.body).toEqual({ verifiers: ['dev'], dailyCandidateLimit: expect.any(Number), wechat: null });

    const page = await publicPage(browser);
    await page.goto(`${api.url}/vote/${round.roundId}`);
    await page.getByRole('heading', { level: 1, name: `${round.year}年度"百名工匠大师"网络投票` }).waitFor();
    await expectNoStaffFrame(page);
    await page.getByText('投票时间：').waitFor();
    await page.getByText('瓯海眼镜厂1').waitFor();
    await expect(fitsWidth(page)).resolves.toBe(true);
    expect(await graveViolations(page)).toEqual([]);

    // The dev verifier: the voter's identifier is entered once and kept for the session.
    const voter = `phone-voter-${randomUUID().slice(0, 8)}`;
    await page.getByLabel('投票人标识').fill(voter);
    await page.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText(`当前投票人：${voter}`).waitFor();

    const voteButton = page.getByRole('button', { name: '为候选人01投票' });
    // A thumb's touch target.
    expect((await voteButton.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await voteButton.click();
    const confirmation = page.getByRole('status').filter({ hasText: '投票成功' });
    await confirmation.waitFor();
    await expect(confirmation.textContent()).resolves.toContain(`已为候选人01投上一票（计入 ${round.year}-04-21）`);

    // Later the same Shanghai day, the same candidate: refused, and the page says why.
    setNow(round.at('04-21T21:00'));
    await page.reload();
    await page.getByText(`当前投票人：${voter}`).waitFor();
    await page.getByRole('button', { name: '为候选人01投票' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: '今天已为该候选人投过票' });
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toContain('投票未成功');
    expect(await graveViolations(page)).toEqual([]);

    // One vote counted, as the office's tally shows it.
    const tally = await http.get(`/rounds/${round.roundId}/tally`, token('union_office'));
    expect(tally.status).toBe(200);
    expect(tally.body.totalVotes).toBe(1);
    expect(tally.body.candidates.find((c: { candidateId: string }) => c.candidateId === round.candidates[1]).votes).toBe(1);
    expect(await voteRows(db, round.roundId)).toHaveLength(1);

    // Voting closed: the totals, most votes first, and no vote buttons.
    setNow(round.at('04-23T09:00'));
    await page.reload();
    await page.getByText('投票已结束，以下为各候选人得票。').waitFor();
    await page.getByText('得票：1').waitFor();
    await expect(page.getByRole('heading', { level: 2 }).first().textContent()).resolves.toBe('候选人01');
    await expect(page.getByRole('button', { name: /投票$/ }).count()).resolves.toBe(0);
    expect(await graveViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("in WeChat: the vote goes through WeChat's OAuth page and counts with the code it sends back; a second one the same day is refused", async () => {
    const wechat = await wechatStandIn();
    const service = await startApi({ WECHAT_APP_ID: APP_ID, WECHAT_APP_SECRET: APP_SECRET, WECHAT_API_BASE: wechat.base, VOTE_RATE_LIMIT_PER_MINUTE: '100000' });
    try {
      const round = await createVotingRound(db, { candidates: 2 });
      votingRounds.push(round);
      controlClock(service.app)(round.at('04-22T09:30'));
      expect((await client(service.url).get('/public/voting')).body.wechat).toEqual({
        appId: APP_ID,
        authorizeUrl: 'https://open.weixin.qq.com/connect/oauth2/authorize',
        scope: 'snsapi_base',
      });

      // WeChat's OAuth page, stood in for: it sends the voter straight back with a one-time code (snsapi_base asks nothing).
      const page = await publicPage(browser);
      const asked: URL[] = [];
      await page.route('https://open.weixin.qq.com/**', (route) => {
        const url = new URL(route.request().url());
        asked.push(url);
        const back = new URL(url.searchParams.get('redirect_uri')!);
        back.search = new URLSearchParams({ code: wechat.codeFor('openid-phone-1'), state: url.searchParams.get('state')! }).toString();
        return route.fulfill({ status: 302, headers: { location: back.toString() } });
      });
      await page.goto(`${service.url}/vote/${round.roundId}`);
      await page.getByText('投票时将通过微信授权确认您的身份').waitFor();
      await expect(page.getByLabel('投票人标识').count()).resolves.toBe(0);

      await page.getByRole('button', { name: '为候选人00投票' }).click();
      await page.getByRole('status').filter({ hasText: '投票成功！已为候选人00投上一票' }).waitFor();
      expect(Object.fromEntries(asked[0].searchParams)).toEqual({
        appid: APP_ID,
        redirect_uri: `${service.url}/vote/${round.roundId}`,
        response_type: 'code',
        scope: 'snsapi_base',
        state: round.candidates[0],
      });
      // The one-time code is gone from the address, so a reload does not try it again.
      expect(page.url()).toBe(`${service.url}/vote/${round.roundId}`);

      await page.getByRole('button', { name: '为候选人00投票' }).click();
      await page.getByRole('alert').filter({ hasText: '今天已为该候选人投过票' }).waitFor();
      expect(asked).toHaveLength(2);
      expect(await voteRows(db, round.roundId)).toHaveLength(1);
      await page.context().close();
    } finally {
      await service.close();
      await wechat.close();
    }
  });

  it('an objection filed from the public notice on a phone reaches the programme office', async () => {
    const office = token('union_office', 'office-console-public');
    const round = await createRound(http, undefined, office, { quota: 2, publicNoticeDuration: '20m' });
    rounds.push(round.roundId);
    const name = `公示${randomUUID().slice(0, 4)}大师`;
    const nominated = await http.post(
      '/nominations',
      nomination({ roundId: round.roundId, channel: 'self', name, idNumber: idNumber(), mobile: mobileNumber() }),
      token('nominator'),
    );
    expect(nominated.status).toBe(201);
    const candidateId = nominated.body.candidateId as string;
    await approve(http, candidateId, 'qualification');
    await approve(http, candidateId, 'inspection', { visit: VISIT });
    await scoreThroughApi(http, candidateId, [88, 88, 88, 88, 88]);
    await freezeList(http, round.roundId);
    await runVote(http, round.roundId);
    await act(http, `/rounds/${round.roundId}/formal-list`, { selected: [{ candidateId, reason: '综合排名第一' }], leftOut: [] }, 'leadership');
    await act(http, `/rounds/${round.roundId}/public-notice`, { reason: '在区政府门户网站公示' });
    await eventually(
      () => http.get(`/public/rounds/${round.roundId}/notice`),
      (res) => res.status === 200 && res.body.open === true,
    );

    const page = await publicPage(browser);
    await page.goto(`${api.url}/notice/${round.roundId}`);
    await page.getByRole('heading', { level: 1, name: `瓯海区${round.year}年度"百名工匠大师"拟表彰人选公示` }).waitFor();
    await expectNoStaffFrame(page);
    await page.getByRole('heading', { level: 2, name }).waitFor();
    await expect(fitsWidth(page)).resolves.toBe(true);
    expect(await graveViolations(page)).toEqual([]);

    await page.getByRole('button', { name: `对${name}提出异议` }).click();
    const form = page.getByRole('region', { name: `对${name}的异议` });
    // Every field is required before anything is sent.
    await form.getByRole('button', { name: '提交异议' }).click();
    await form.getByText('请填写异议事实和理由').waitFor();
    expect(await graveViolations(page)).toEqual([]);
    await form.getByLabel('您的姓名').fill('王五');
    await form.getByLabel('联系方式（电话或邮箱）').fill('13933334444');
    await form.getByLabel('异议事实和理由').fill('申报的获奖情况与实际不符');
    await form.getByRole('button', { name: '提交异议' }).click();
    const filed = page.getByRole('status').filter({ hasText: '异议已提交' });
    await filed.waitFor();
    await expect(filed.textContent()).resolves.toContain(`您对${name}的异议已送达区总工会（项目办）`);
    expect(await graveViolations(page)).toEqual([]);

    // The office sees it, with the contact it needs.
    const objections = await eventually(
      () => http.get(`/rounds/${round.roundId}/objections`, office),
      (res) => res.status === 200 && res.body.length === 1,
    );
    expect(objections.body[0]).toMatchObject({ candidateId, grounds: '申报的获奖情况与实际不符', contact: '13933334444' });
    await page.context().close();
  });

  it('the register of masters opens without sign-in and searches as one types', async () => {
    const page = await publicPage(browser);
    await page.goto(`${api.url}/register`);
    await page.getByRole('heading', { level: 1, name: '瓯海区"百名工匠大师"名录' }).waitFor();
    await expectNoStaffFrame(page);
    await page
      .getByRole('status')
      .filter({ hasText: /^共 \d+ 位/ })
      .waitFor();
    expect(await graveViolations(page)).toEqual([]);
    await page.getByRole('searchbox', { name: '搜索姓名、工种、工作单位或工作室' }).fill(`没有这个人${randomUUID().slice(0, 4)}`);
    await page.getByText('没有符合条件的工匠大师').waitFor();
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/^共 0 位/);
    await page.context().close();
  });
});
