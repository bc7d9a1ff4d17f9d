import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { REFUSALS, type RefusalCode } from '../../apps/api/src/common/refusal-codes';
import { idNumber, mobileNumber, streetUnion } from '../support/review-helpers';
import { graveViolations } from '../support/browser';
import { consoleSuite } from '../support/console-suite';
import { TEST_OIDC } from '../support/oidc';
import { client, eventually, nomination, startApi, token } from '../support/service';

jest.setTimeout(240_000);

/**
 * The web console (apps/console) in a real browser, served by the API it calls, against the real
 * Temporal dev server and PostgreSQL: a sub-district union reviewer signs in through the development
 * sign-in, finds a nominated file in the inbox (待办), opens it and endorses it; a refused decision
 * shows the API's reason; the inbox passes axe's serious and critical checks.
 */
describe('web console (chromium, real API and worker)', () => {
  const suite = consoleSuite('console');
  const reviewer = `su-louqiao-${randomUUID().slice(0, 8)}`;
  const louqiao = streetUnion('louqiao');

  async function nominate(): Promise<{ candidateId: string; name: string }> {
    const name = `控制台${randomUUID().slice(0, 6)}`;
    const res = await suite.http.post(
      '/nominations',
      nomination({ idNumber: idNumber(), mobile: mobileNumber(), roundId: suite.round.roundId, channel: 'organisational', area: 'louqiao', name }),
      token('nominator'),
    );
    if (res.status !== 201) throw new Error(`nomination: ${res.status} ${JSON.stringify(res.body)}`);
    const candidateId = res.body.candidateId as string;
    // The inbox reads the status projection the workflow writes a moment later.
    await eventually(
      () => suite.http.get('/tasks', louqiao),
      (r) => r.status === 200 && (r.body as Array<{ candidateId?: string }>).some((t) => t.candidateId === candidateId),
    );
    return { candidateId, name };
  }

  async function signIn(): Promise<Page> {
    // A browser in another zone: the console still shows Asia/Shanghai times.
    const context = await suite.browser.newContext({ locale: 'zh-CN', timezoneId: 'Europe/London' });
    const page = await context.newPage();
    await page.goto(`${suite.api.url}/`);
    await page.waitForURL('**/sign-in');
    await page.getByLabel('用户标识').fill(reviewer);
    await page.getByLabel('所属镇街').fill('louqiao');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL('**/inbox');
    return page;
  }

  it('serves the console at / and its routes as HTML, while unknown API paths still answer JSON 404', async () => {
    for (const path of ['/', '/inbox', '/files/abc']) {
      const res = await fetch(suite.api.url + path);
      expect([path, res.status, res.headers.get('content-type')]).toEqual([path, 200, expect.stringContaining('text/html')]);
      expect(await res.text()).toContain('<div id="root">');
    }
    const unknown = await fetch(`${suite.api.url}/no-such-route/console`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ statusCode: 404 });
    expect((await fetch(`${suite.api.url}/assets/no-such.js`)).status).toBe(404);
  });

  it('a sub-district reviewer signs in, finds the nominated file in the inbox, opens it and endorses it; the file moves on', async () => {
    const file = await nominate();
    const page = await signIn();
    const row = page.getByRole('row', { name: new RegExp(file.name) });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('镇街总工会审核推荐');

    // The inbox meets the basics of accessibility: no serious or critical axe violations.
    expect(await graveViolations(page)).toEqual([]);

    await row.getByRole('link', { name: file.name }).click();
    await page.waitForURL(`**/files/${file.candidateId}`);
    await expect(page.getByTestId('stage').textContent()).resolves.toBe('镇街总工会审核推荐');
    // Personal data as the API masks it for this role.
    await expect(page.getByText(/^\d{4}\*+\w{4}$/).count()).resolves.toBe(1);

    await page.getByRole('button', { name: '作出决定' }).click();
    // The reason is required before anything is sent.
    await page.getByRole('button', { name: /提\s*交/ }).click();
    await page.getByText('请填写理由').waitFor();
    await page.getByLabel('理由').fill('推荐材料齐全，同意推荐');
    await page.getByRole('button', { name: /提\s*交/ }).click();
    await page.getByText('决定已提交').waitFor();
    // The file as the API answered the decision: the decision listed, by whom.
    await page.getByRole('cell', { name: '推荐材料齐全，同意推荐' }).waitFor();
    await page.getByRole('cell', { name: `镇街总工会 · ${reviewer}` }).waitFor();

    await eventually(
      () => suite.http.get(`/candidates/${file.candidateId}`, token('union_office')),
      (r) => r.body?.stage === 'qualification',
    );
    const office = await suite.http.get(`/candidates/${file.candidateId}`, token('union_office'));
    expect(office.body.decisions).toEqual([
      expect.objectContaining({
        stage: 'endorsement',
        outcome: 'approve',
        reason: '推荐材料齐全，同意推荐',
        actor: expect.objectContaining({ userId: reviewer, role: 'street_union' }),
      }),
    ]);
    await eventually(
      async () => {
        await page.goto(`${suite.api.url}/inbox`);
        await page.getByRole('table').waitFor();
        return page.getByRole('row', { name: new RegExp(file.name) }).count();
      },
      (n) => n === 0,
    );
    await page.context().close();
  });

  it("shows the API's refusal when a decision is refused (the file was decided meanwhile)", async () => {
    const file = await nominate();
    const page = await signIn();
    await page.goto(`${suite.api.url}/files/${file.candidateId}`);
    await page.getByRole('button', { name: '作出决定' }).click();
    // Someone else endorses the file while the dialog is open.
    const first = await suite.http.post(`/candidates/${file.candidateId}/decisions`, { stage: 'endorsement', outcome: 'approve', reason: '已同意' }, louqiao);
    expect(first.status).toBe(200);
    await page.getByLabel('理由').fill('同意推荐');
    await page.getByRole('button', { name: /提\s*交/ }).click();
    const alert = page.getByRole('alert').filter({ hasText: '决定未被接受' });
    await alert.waitFor();
    const again = await suite.http.post(`/candidates/${file.candidateId}/decisions`, { stage: 'endorsement', outcome: 'approve', reason: '同意推荐' }, louqiao);
    expect(again.status).toBeGreaterThanOrEqual(400);
    // In Chinese for the refusal's stable code, with the API's own words as detail.
    expect(again.body.code).toEqual(expect.stringMatching(/^(wrong_stage|not_awaiting_decision|candidate_closed)$/));
    await expect(alert.textContent()).resolves.toContain(REFUSALS[again.body.code as RefusalCode].zh);
    await expect(alert.textContent()).resolves.toContain(again.body.message);
    await page.context().close();
  });

  it('offers POST /dev/token only while the local issuer signs: not with an OpenID Connect issuer', async () => {
    const signed = await suite.http.post('/dev/token', { role: 'street_union', sub: 'su-x', area: 'louqiao' });
    expect(signed.status).toBe(200);
    expect((await suite.http.get('/tasks', signed.body.token)).status).toBe(200);
    expect((await suite.http.post('/dev/token', { role: 'root', sub: 'x' })).status).toBe(400);
    const oidc = await startApi({ ...suite.env, ...TEST_OIDC });
    try {
      const res = await client(oidc.url).post('/dev/token', { role: 'union_office', sub: 'x' });
      expect(res.status).toBe(404);
    } finally {
      await oidc.close();
    }
  });

  it('loads the staff console with under 600 KB of JavaScript gzipped (the first page needs nothing more)', async () => {
    const html = await (await fetch(`${suite.api.url}/`)).text();
    // What the page loads before any page of its own: the entry script and what it preloads.
    const scripts = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    let gzipped = 0;
    for (const src of scripts) {
      const res = await fetch(new URL(src, suite.api.url));
      expect(res.status).toBe(200);
      gzipped += gzipSync(Buffer.from(await res.arrayBuffer()), { level: 9 }).length;
    }
    expect(gzipped).toBeLessThan(600 * 1024);
  });
});
