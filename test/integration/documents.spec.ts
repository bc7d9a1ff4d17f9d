import type { INestApplicationContext } from '@nestjs/common';
import { randomInt, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import { approve, closeRounds, createRound, idNumber, mobileNumber, openDb, streetUnion, type TestRound } from '../support/review-helpers';
import { act, freezeList, runVote, today, untilPhase } from '../support/round-driver';
import { fetchBinary, pdfPages, pdfText, squeezed } from '../support/pdf';
import { client, eventually, nomination, scoreThroughApi, startApi, startWorker, token, VISIT } from '../support/service';

jest.setTimeout(240_000);

/** A person of the test with personal data unique to the run, so any leak of it in a document is found. */
interface Person {
  name: string;
  idNumber: string;
  mobile: string;
  homeAddress: string;
}

const RARE = '甄璩禤鞠晏缑燕蒯钮籍';
const rare = () => Array.from({ length: 2 }, () => RARE[randomInt(RARE.length)]).join('');

function person(i: number): Person {
  const tag = randomUUID().slice(0, 4);
  return { name: `${rare()}${'甲乙丙丁'[i]}`, idNumber: idNumber(), mobile: mobileNumber(), homeAddress: `瓯海区娄桥街道文档${tag}路${randomInt(900) + 100}号` };
}

/** None of the people's sensitive values appears in the text, whole or with layout spaces between its characters. */
function expectNoSensitive(text: string, people: Person[]) {
  const whole = squeezed(text);
  for (const p of people) {
    for (const value of [p.idNumber, p.mobile, p.homeAddress]) expect({ value, found: whole.includes(value) }).toEqual({ value, found: false });
  }
}

/**
 * The printed documents and the public register, on a real round: three files reviewed, the formal list
 * (two selected, one left out), the notice, the approval and the ceremony. The documents are read back
 * with poppler (text, and pages rendered to PNG for a person to look at).
 */
describe('printed documents (PDF) and the public register of masters', () => {
  const env = { TEMPORAL_TASK_QUEUE: `it-docs-${randomUUID()}`, MIN_PANEL_SIZE: '1' };
  let api: Awaited<ReturnType<typeof startApi>>;
  let worker: INestApplicationContext;
  let http: ReturnType<typeof client>;
  let db: DataSource;
  let round: TestRound;
  const office = token('union_office', 'office-docs');
  const submitter = token('nominator', 'nominator-docs');
  const people = [0, 1, 2, 3].map(person);
  const ids: string[] = [];
  /** Set by the round's test: who was named, who was left out. */
  const named: string[] = [];
  let leftOut = '';

  const pdf = (path: string, as?: string) => fetchBinary(api.url + path, as);
  /** A document that must be served: anything else fails with the API's own words (a 503 names the missing font). */
  const printed = async (path: string, as: string) => {
    const res = await pdf(path, as);
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${res.body.toString('utf8')}`);
    return res;
  };

  beforeAll(async () => {
    worker = await startWorker(env);
    api = await startApi(env);
    http = client(api.url);
    db = await openDb();
    round = await createRound(http, undefined, office, { quota: 2 });
    for (const [i, p] of people.entries()) {
      const res = await http.post(
        '/nominations',
        nomination({ roundId: round.roundId, channel: 'self', ...p, nominatorOpinion: { text: `同意推荐${p.name}`, sealed: true, date: today() } }),
        submitter,
      );
      if (res.status !== 201) throw new Error(`nomination ${i}: ${res.status} ${JSON.stringify(res.body)}`);
      ids.push(res.body.candidateId);
    }
  });
  afterAll(async () => {
    await closeRounds(db, round ? [round.roundId] : []);
    await db?.destroy();
    await api?.close();
    await worker?.close();
  });

  it('prints the application form: in clear for the office (a full-value read in the audit log), masked for the other readers, refused outside their scope', async () => {
    const [p] = people;
    const path = `/candidates/${ids[0]}/documents/application-form.pdf`;

    const copy = await printed(path, office);
    expect(copy.type).toBe('application/pdf');
    expect(copy.headers.get('cache-control')).toBe('private, no-store');
    expect(copy.body.subarray(0, 5).toString()).toBe('%PDF-');
    const { text, pages } = pdfText(copy.body, 'application-form-office');
    expect(pages).toBe(2);
    const whole = squeezed(text);
    for (const expected of [
      `${round.year}年“百名工匠大师”推荐申报表`,
      p.name,
      p.idNumber,
      p.mobile,
      p.homeAddress,
      '眼镜装配',
      '温州瓯海眼镜有限公司',
      '主要事迹',
      '推荐单位意见',
      `同意推荐${p.name}`,
      '盖章',
    ]) {
      expect({ expected, found: whole.includes(expected) }).toEqual({ expected, found: true });
    }
    const png = pdfPages(copy.body, 'application-form-office');
    expect(png).toHaveLength(2);
    png.forEach((f) => expect(existsSync(f)).toBe(true));
    console.log(`application form pages: ${png.join(', ')}`);

    // The office's print is a full-value read of the ID number, mobile and address, recorded before it is sent.
    const reads: Array<{ actor_role: string; detail: Record<string, unknown> }> = await db.query(
      `SELECT actor_role, detail FROM audit_log WHERE candidate_id = $1 AND action = 'pii.read' AND detail->>'document' = 'application-form.pdf'`,
      [ids[0]],
    );
    expect(reads).toEqual([{ actor_role: 'union_office', detail: { document: 'application-form.pdf', fields: ['idNumber', 'mobile', 'homeAddress'] } }]);

    // The other readers of the file's documents get the copy masked as GET /candidates/:id shows it, and no read is recorded.
    for (const [who, as] of [
      ['auditor', token('auditor')],
      ['the submitter', submitter],
      ['an inspector', token('inspector')],
    ] as const) {
      const masked = await pdf(path, as);
      expect({ who, status: masked.status }).toEqual({ who, status: 200 });
      const t = pdfText(masked.body, `application-form-${as.slice(-6)}`).text;
      expect(squeezed(t)).toContain(p.name);
      expect(squeezed(t)).toContain(`${p.idNumber.slice(0, 4)}**********${p.idNumber.slice(14)}`);
      expect(squeezed(t)).toContain('按查阅权限隐去');
      expectNoSensitive(t, people);
    }
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE candidate_id = $1 AND action = 'pii.read'`, [ids[0]]);
    expect(n).toBe(1);

    // Roles that do not read a file's documents: 403; readers outside their scope: 404, as for the file itself.
    for (const role of ['leadership', 'government', 'finance', 'admin'] as const)
      expect({ role, status: (await pdf(path, token(role))).status }).toEqual({ role, status: 403 });
    expect((await pdf(path, token('nominator'))).status).toBe(404);
    expect((await pdf(path, streetUnion('wutian'))).status).toBe(404);
    expect((await pdf(path, token('expert'))).status).toBe(404);
    expect((await pdf(path)).status).toBe(401);
    expect((await pdf(`/candidates/${randomUUID()}/documents/application-form.pdf`, office)).status).toBe(404);
  });

  it('prints the public notice, the commendation decision and the certificates as the round reaches them, with no sensitive field', async () => {
    // Three files reviewed (one expert each); the fourth stays at qualification and ends not shortlisted.
    for (const [i, id] of ids.slice(0, 3).entries()) {
      await approve(http, id, 'qualification');
      await approve(http, id, 'inspection', { visit: VISIT });
      await scoreThroughApi(http, id, [90 - i * 5]);
    }
    const notice = `/rounds/${round.roundId}/documents/public-notice.pdf`;
    const decision = `/rounds/${round.roundId}/documents/commendation.pdf`;

    const listed = await freezeList(http, round.roundId);
    expect([...listed].sort()).toEqual(ids.slice(0, 3).sort());
    expect((await pdf(notice, office)).status).toBe(409);
    await runVote(http, round.roundId);
    const [a, b, c] = listed;
    await act(
      http,
      `/rounds/${round.roundId}/formal-list`,
      {
        selected: [
          { candidateId: a, reason: '入选' },
          { candidateId: b, reason: '入选' },
        ],
        leftOut: [{ candidateId: c, reason: '名额所限' }],
      },
      'leadership',
    );
    named.push(a, b);
    leftOut = c;
    const nameOf = (id: string) => people[ids.indexOf(id)].name;

    await act(http, `/rounds/${round.roundId}/public-notice`, { reason: 'notice published on the portal' });
    const announced = await printed(notice, office);
    const noticeText = pdfText(announced.body, 'public-notice');
    const n = squeezed(noticeText.text);
    expect(n).toContain(`关于${round.year}年度瓯海区“百名工匠大师”拟表彰人选的公示`);
    expect(n).toContain('公示时间');
    expect(n).toContain('联系电话');
    for (const id of named) expect(n).toContain(nameOf(id));
    expect(n).not.toContain(nameOf(c));
    expect(n).not.toContain(people[3].name);
    expectNoSensitive(noticeText.text, people);
    console.log(`public notice pages: ${pdfPages(announced.body, 'public-notice').join(', ')}`);
    for (const role of ['expert', 'finance', 'nominator', 'inspector', 'street_union'] as const)
      expect({ role, status: (await pdf(notice, token(role))).status }).toEqual({ role, status: 403 });
    expect((await pdf(notice, token('leadership'))).status).toBe(200);

    await untilPhase(http, round.roundId, 'government_approval');
    expect((await pdf(decision, office)).status).toBe(409);
    expect((await pdf(`/candidates/${a}/documents/certificate.pdf`, office)).status).toBe(409);
    await act(http, `/rounds/${round.roundId}/approval`, { approved: named, notApproved: [] }, 'government');
    await act(http, `/rounds/${round.roundId}/ceremony`, { date: today(), reason: 'ceremony held' });
    await untilPhase(http, round.roundId, 'closed');

    const commendation = await printed(decision, token('government'));
    const decided = pdfText(commendation.body, 'commendation');
    const d = squeezed(decided.text);
    expect(d).toContain('温州市瓯海区人民政府文件');
    expect(d).toContain(`关于命名${round.year}年度瓯海区“百名工匠大师”的决定`);
    expect(d).toContain('一次性奖金2万元');
    expect(d).toContain('每月800元');
    for (const id of named) expect(d).toContain(nameOf(id));
    expect(d).not.toContain(nameOf(c));
    expectNoSensitive(decided.text, people);
    console.log(`commendation pages: ${pdfPages(commendation.body, 'commendation').join(', ')}`);

    for (const id of named) {
      const certificate = await eventually(
        () => pdf(`/candidates/${id}/documents/certificate.pdf`, office),
        (r) => r.status === 200,
      );
      const t = pdfText(certificate.body, `certificate-${id.slice(0, 8)}`);
      expect(t.pages).toBe(1);
      const s = squeezed(t.text);
      expect(s).toContain('荣誉证书');
      expect(s).toContain(nameOf(id));
      expect(s).toContain(`在${round.year}年度瓯海区“百名工匠大师”评选中`);
      expect(s).toContain(`${round.year}-${id.slice(0, 8).toUpperCase()}`);
      expectNoSensitive(t.text, people);
      if (id === a) console.log(`certificate page: ${pdfPages(certificate.body, `certificate-${id.slice(0, 8)}`).join(', ')}`);
    }
    expect((await pdf(`/candidates/${c}/documents/certificate.pdf`, office)).status).toBe(409);
    expect((await pdf(`/candidates/${a}/documents/certificate.pdf`, token('expert'))).status).toBe(403);
    expect((await pdf(`/candidates/${a}/documents/certificate.pdf`, token('leadership'))).status).toBe(200);
  });

  it('publishes the register of named masters without a token, cacheable and rate-limited, with no sensitive field; a master may be limited to name and year', async () => {
    expect(named).toHaveLength(2); // the round's test named them
    const nameOf = (id: string) => people[ids.indexOf(id)].name;
    const read = async (query = '') => {
      const res = await fetch(`${api.url}/public/masters?year=${round.year}${query}`);
      // Decoded with its byte order mark kept, so the CSV's can be checked.
      return { status: res.status, headers: res.headers, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer()) };
    };

    const reg = await eventually(
      () => read(),
      (r) => r.status === 200 && JSON.parse(r.text).total === 2,
    );
    expect(reg.headers.get('cache-control')).toBe('public, max-age=300');
    expect(reg.headers.get('x-ratelimit-limit')).toMatch(/^\d+$/);
    const body = JSON.parse(reg.text);
    expect(body.masters.map((m: { name: string }) => m.name).sort()).toEqual(named.map(nameOf).sort());
    for (const m of body.masters) {
      expect(Object.keys(m).sort()).toEqual(['deeds', 'employer', 'name', 'sex', 'studio', 'trade', 'yearNamed']);
      expect(m).toMatchObject({ yearNamed: round.year, employer: '温州瓯海眼镜有限公司', trade: '眼镜装配', studio: null, deeds: null });
      expect(['male', 'female']).toContain(m.sex);
    }
    expectNoSensitive(reg.text, people);
    expect(reg.text).not.toContain(nameOf(leftOut));

    // The office's entry: who may set it, for whom, with what.
    const entry = (id: string, body: unknown, as = office) =>
      fetch(`${api.url}/masters/${id}/register`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${as}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const [limited, full] = named;
    expect((await entry(limited, { limited: true }, token('auditor'))).status).toBe(403);
    expect((await entry(limited, { limited: true }, token('admin'))).status).toBe(403);
    expect((await entry(leftOut, { limited: true })).status).toBe(409);
    expect((await entry(randomUUID(), { limited: true })).status).toBe(404);
    const leaky = await entry(full, { limited: false, deeds: `联系电话${people[1].mobile}` });
    expect(leaky.status).toBe(400);
    expect(JSON.stringify(await leaky.json())).toContain('deeds');
    expect((await entry(full, { limited: 'yes' })).status).toBe(400);
    expect((await entry(full, { limited: false, deeds: '   ' })).status).toBe(400);

    const deeds = '深耕眼镜装配三十余年，改进铰链装配工装，带徒二十余人。';
    const published = await entry(full, { limited: false, deeds });
    expect(published.status).toBe(200);
    expect(await published.json()).toMatchObject({ candidateId: full, limited: false, deeds, updatedBy: 'office-docs', public: { name: nameOf(full), deeds } });
    const asked = await entry(limited, { limited: true, deeds: '这段事迹不应公开' });
    expect(asked.status).toBe(200);
    expect(await asked.json()).toMatchObject({ candidateId: limited, limited: true, public: { name: nameOf(limited), yearNamed: round.year } });

    const after = JSON.parse((await read()).text);
    const shown = (id: string) => after.masters.find((m: { name: string }) => m.name === nameOf(id));
    expect(shown(limited)).toEqual({ name: nameOf(limited), yearNamed: round.year });
    expect(shown(full)).toMatchObject({ name: nameOf(full), deeds, employer: '温州瓯海眼镜有限公司' });

    // Left out, the published deeds stay: the next entry changes only whether the master is limited.
    expect(await (await entry(full, { limited: false })).json()).toMatchObject({ deeds });

    const csv = await read('&format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('cache-control')).toBe('public, max-age=300');
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.text.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('姓名,性别,工种,工作单位,命名年度,示范性工作室,主要事迹');
    expect(lines).toContain(`${nameOf(limited)},,,,${round.year},,`);
    expect(lines.find((l) => l.startsWith(nameOf(full)))).toMatch(new RegExp(`^${nameOf(full)},[男女],眼镜装配,温州瓯海眼镜有限公司,${round.year},,${deeds}$`));
    expectNoSensitive(csv.text, people);

    // The entries are audited writes; a bad query is a 400 naming the field.
    const audited: Array<{ object_id: string }> = await db.query(
      `SELECT object_id FROM audit_log WHERE action = 'PATCH /masters/:id/register' AND status = 200 AND object_id = ANY($1)`,
      [named],
    );
    expect(audited.length).toBe(3); // two entries for one master, one for the other
    const bad = await fetch(`${api.url}/public/masters?format=pdf`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('format');
  });
});
