import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { graveViolations, launchBrowser, signedInPage } from '../support/browser';
import { closeRounds, createRound, openDb, type TestRound } from '../support/review-helpers';
import { act, freezeList, nominateInRound, reviewForRound, runNotice, runVote } from '../support/round-driver';
import { client, eventually, startApi, startWorker, token } from '../support/service';

jest.setTimeout(240_000);

/**
 * A file's part in its annual round, through the API (GET /candidates/:id/round and /objections) and on
 * the file's page in chromium (real API, worker, Temporal and PostgreSQL): a round driven through its
 * list, vote, formal list and notice, one objection against the file and one against another, both
 * dismissed. The office sees the file's rank, votes, outcome, the objection with its resolution and the
 * timeline; the leadership group the round and the objection (the contact masked) but no timeline; an
 * inspector, who may read none of them, sees none of those cards. axe finds nothing serious.
 */
describe("web console: a candidate's file in its round (chromium, real API and worker)", () => {
  // One expert a file: the panel is not what this test is about.
  const env = { TEMPORAL_TASK_QUEUE: `it-console-file-round-${randomUUID()}`, MIN_PANEL_SIZE: '1' };
  let api: Awaited<ReturnType<typeof startApi>>;
  let worker: INestApplicationContext;
  let http: ReturnType<typeof client>;
  let browser: Browser;
  let db: DataSource;
  let round: TestRound;
  const tag = randomUUID().slice(0, 4);
  const names = { file: `档案甲${tag}`, rival: `档案乙${tag}`, unscored: `档案丙${tag}` };
  const ids = { file: '', rival: '', unscored: '' };
  const office = token('union_office', 'office-file-round');

  beforeAll(async () => {
    worker = await startWorker(env);
    api = await startApi(env);
    http = client(api.url);
    browser = await launchBrowser();
    db = await openDb();
    round = await createRound(http, undefined, office, { quota: 2 });
    ids.file = await nominateInRound(http, round.roundId, names.file);
    ids.rival = await nominateInRound(http, round.roundId, names.rival);
    ids.unscored = await nominateInRound(http, round.roundId, names.unscored);
    // The file scores 80 and the rival 90; the third is still at qualification when the list is frozen.
    await reviewForRound(http, ids.file, [80]);
    await reviewForRound(http, ids.rival, [90]);
    await freezeList(http, round.roundId);
    // Two votes for the file, one for the rival: combined 86 (0.7 × 80 + 0.3 × 100) against 78.
    await runVote(http, round.roundId, async () => {
      for (const [voter, id] of [
        ['v1', ids.file],
        ['v2', ids.file],
        ['v1', ids.rival],
      ]) {
        const vote = await http.post(`/public/rounds/${round.roundId}/votes`, { candidateId: id, verifier: 'dev', credential: `${round.year}-${voter}` });
        if (vote.status !== 201) throw new Error(`vote: ${vote.status} ${JSON.stringify(vote.body)}`);
      }
    });
    const selected = [ids.file, ids.rival].map((candidateId) => ({ candidateId, reason: '综合排名靠前' }));
    await act(http, `/rounds/${round.roundId}/formal-list`, { selected, leftOut: [] }, 'leadership');
    // The notice stays open until its objections are resolved.
    await runNotice(http, round.roundId, async () => {
      for (const [id, grounds] of [
        [ids.file, `获奖证书存疑${tag}`],
        [ids.rival, `事迹不实${tag}`],
      ]) {
        const filed = await http.post(`/public/candidates/${id}/objections`, { name: '王某', contact: '13900000000', grounds });
        if (filed.status !== 201) throw new Error(`objection: ${filed.status} ${JSON.stringify(filed.body)}`);
        await act(http, `/objections/${filed.body.objectionId}/resolution`, { outcome: 'dismissed', reason: '经核实证书真实' });
      }
    });
    // The file's own projection follows the round's: it waits for the government's approval.
    await eventually(
      () => http.get(`/candidates/${ids.file}`, office),
      (r) => r.body?.stage === 'government_approval',
    );
  });
  afterAll(async () => {
    await closeRounds(db, round ? [round.roundId] : []);
    await db?.destroy();
    await browser?.close();
    await api?.close();
    await worker?.close();
  });

  const card = (page: Page, title: string) => page.locator('.ant-card', { has: page.getByRole('heading', { level: 2, name: title, exact: true }) });

  it("GET /candidates/:id/round is the file's line of the round's ranking; /objections the objections against it alone, masked by role", async () => {
    const ranking = await http.get(`/rounds/${round.roundId}/ranking`, office);
    const line = ranking.body.ranking.find((l: { candidateId: string }) => l.candidateId === ids.file);
    const standing = await http.get(`/candidates/${ids.file}/round`, office);
    expect(standing.status).toBe(200);
    expect(standing.body).toEqual({ candidateId: ids.file, roundId: round.roundId, year: round.year, quota: 2, line });
    expect(line).toMatchObject({ rank: 2, score: 80, votes: 2, voteScore: 100, combinedScore: 86, combinedRank: 1, outcome: 'selected', reason: '综合排名靠前' });
    // No expert score yet: no line, the round still named.
    const unscored = await http.get(`/candidates/${ids.unscored}/round`, token('leadership'));
    expect(unscored.status).toBe(404); // not on the lists: the leadership group does not see the file at all
    expect((await http.get(`/candidates/${ids.unscored}/round`, token('auditor'))).body).toEqual({
      candidateId: ids.unscored,
      roundId: round.roundId,
      year: round.year,
      quota: 2,
      line: null,
    });

    const objections = await http.get(`/candidates/${ids.file}/objections`, office);
    expect(objections.status).toBe(200);
    expect(objections.body).toEqual([
      expect.objectContaining({
        candidateId: ids.file,
        objectorName: '王某',
        contact: '13900000000',
        grounds: `获奖证书存疑${tag}`,
        status: 'dismissed',
        resolution: expect.objectContaining({ outcome: 'dismissed', reason: '经核实证书真实' }),
      }),
    ]);
    // The same view as the round's list: masked for every role but the office.
    const asLeader = await http.get(`/candidates/${ids.file}/objections`, token('leadership'));
    const roundList = await http.get(`/rounds/${round.roundId}/objections`, token('leadership'));
    expect(asLeader.body).toEqual(roundList.body.filter((o: { candidateId: string }) => o.candidateId === ids.file));
    expect(asLeader.body[0].contact).toBe('139****0000');
    expect((await http.get(`/candidates/${ids.unscored}/objections`, token('auditor'))).body).toEqual([]);

    // A bad id names the parameter; an unknown file answers 404.
    for (const path of ['round', 'objections']) {
      const bad = await http.get(`/candidates/not-a-uuid/${path}`, office);
      expect([path, bad.status, bad.body.message]).toEqual([path, 400, 'id: must be a UUID']);
      expect([path, (await http.get(`/candidates/${randomUUID()}/${path}`, office)).status]).toEqual([path, 404]);
      // Roles that may not read the round's ranking or objections are refused.
      for (const role of ['nominator', 'street_union', 'inspector', 'expert', 'government', 'finance'] as const) {
        expect([path, role, (await http.get(`/candidates/${ids.file}/${path}`, token(role))).status]).toEqual([path, role, 403]);
      }
      expect([path, (await http.get(`/candidates/${ids.file}/${path}`)).status]).toEqual([path, 401]);
    }
  });

  it('the office sees the rank, the votes, the outcome, the objection with its resolution and the timeline', async () => {
    const page = await signedInPage(browser, api.url, { role: 'union_office', sub: 'office-file-round' });
    await page.goto(`${api.url}/files/${ids.file}`);
    const standing = card(page, '年度评选');
    await standing.getByText('列入正式候选名单').waitFor();
    const text = (await standing.textContent()) ?? '';
    for (const words of ['名次2', '专家评分80', '复审名单已列入复审名单', '得票2', '投票得分100', '综合得分86', '综合名次1', '理由综合排名靠前']) {
      expect([words, text.includes(words)]).toEqual([words, true]);
    }
    await expect(standing.getByRole('link', { name: `${round.year} 年度评选` }).count()).resolves.toBe(1);

    // The objection against this file only, the contact in clear for the office, with its resolution.
    const objections = card(page, '异议');
    const row = objections.getByRole('row', { name: new RegExp(`获奖证书存疑${tag}`) });
    await row.waitFor();
    await row.getByRole('cell', { name: '异议不成立' }).waitFor();
    await row.getByRole('cell', { name: /经核实证书真实/ }).waitFor();
    await row.getByRole('cell', { name: '13900000000' }).waitFor();
    await expect(objections.getByText(`事迹不实${tag}`).count()).resolves.toBe(0);

    // The timeline as the audit pages render it: the nomination and the expert's scores among its entries.
    const timeline = card(page, '时间线');
    await timeline
      .getByRole('row', { name: /推荐申报/ })
      .first()
      .waitFor();
    await expect(timeline.getByRole('row', { name: /专家提交评分/ }).count()).resolves.toBeGreaterThan(0);
    expect(await graveViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('the leadership group sees the round and the objection masked, no timeline; an inspector none of the three', async () => {
    const leader = await signedInPage(browser, api.url, { role: 'leadership', sub: 'leader-file-round' });
    await leader.goto(`${api.url}/files/${ids.file}`);
    await card(leader, '年度评选').getByText('列入正式候选名单').waitFor();
    const row = card(leader, '异议').getByRole('row', { name: new RegExp(`获奖证书存疑${tag}`) });
    await row.getByRole('cell', { name: '139****0000' }).waitFor();
    await expect(leader.getByText('13900000000').count()).resolves.toBe(0);
    await expect(card(leader, '时间线').count()).resolves.toBe(0);
    expect(await graveViolations(leader)).toEqual([]);
    await leader.context().close();

    const inspector = await signedInPage(browser, api.url, { role: 'inspector', sub: 'inspector-file-round' });
    await inspector.goto(`${api.url}/files/${ids.file}`);
    // The page is there (the panel's numbers), without the cards the API would refuse the inspector.
    await card(inspector, '专家评审').waitFor();
    for (const title of ['年度评选', '异议', '时间线']) expect([title, await card(inspector, title).count()]).toEqual([title, 0]);
    await expect(inspector.getByRole('alert').count()).resolves.toBe(0);
    await inspector.context().close();
  });
});
