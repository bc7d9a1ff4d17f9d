import { randomUUID } from 'node:crypto';
import { masterStack } from '../support/master-stack';
import { paperMaster } from '../support/masters';
import { token } from '../support/service';

jest.setTimeout(180_000);

interface Master {
  candidateId: string;
  name: string;
  yearNamed: number;
  idNumber: string | null;
  mobile: string | null;
  register: { limited: boolean; deeds: string | null; public: Record<string, unknown> };
  benefits: Record<'offered' | 'taken_up' | 'declined' | 'granted', number>;
}

/**
 * The office's list of named masters (GET /masters): a page at a time, by year and by name, each master
 * with the register entry as the office reads it and their benefits counted; personal data masked for
 * every role but the office.
 */
describe('the masters list over HTTP (real worker, Temporal dev server and PostgreSQL)', () => {
  const stack = masterStack({ TEMPORAL_TASK_QUEUE: `it-masters-${randomUUID()}` });
  const office = token('union_office', 'office-masters');
  // One name for two people, and a third whose name holds it: found by name, told apart by file.
  const name = `同名${randomUUID().slice(0, 4)}`;
  const older = paperMaster({ name, roundYear: 2018, commendedOn: '2018-12-28' });
  const newer = paperMaster({ name, roundYear: 2019, commendedOn: '2019-12-28' });
  const longer = paperMaster({ name: `${name}甲`, roundYear: 2019, commendedOn: '2019-12-28' });
  const ids: Record<'older' | 'newer' | 'longer', string> = { older: '', newer: '', longer: '' };

  const list = async (query: string, as = office) => {
    const res = await stack.http.get(`/masters?${query}`, as);
    expect(res.status).toBe(200);
    return res.body as { items: Master[]; total: number; page: number; pageSize: number };
  };

  beforeAll(async () => {
    const imported = await stack.http.post('/masters/import', { masters: [older, newer, longer] }, office);
    expect(imported.status).toBe(201);
    [ids.older, ids.newer, ids.longer] = (imported.body.imported as Array<{ candidateId: string }>).map((m) => m.candidateId);
  });

  it('finds masters by name a page at a time, the latest year first, and by the year named', async () => {
    const first = await list(`name=${encodeURIComponent(name)}&pageSize=2`);
    expect(first).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    const second = await list(`name=${encodeURIComponent(name)}&pageSize=2&page=2`);
    expect(second).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(second.items).toHaveLength(1);
    // The pages neither overlap nor skip; the master named in 2018 comes after those of 2019.
    const paged = [...first.items, ...second.items];
    expect(paged.map((m) => m.yearNamed)).toEqual([2019, 2019, 2018]);
    expect(paged.map((m) => m.candidateId).sort()).toEqual(Object.values(ids).sort());
    expect(paged[2]).toMatchObject({ candidateId: ids.older, name, industry: 'footwear_leather', trade: '制鞋', employer: older.employer });
    // A page past the end is empty, with the total.
    expect(await list(`name=${encodeURIComponent(name)}&pageSize=2&page=3`)).toMatchObject({ items: [], total: 3 });

    const of2018 = await list(`year=2018&name=${encodeURIComponent(name)}`);
    expect(of2018.items.map((m) => m.candidateId)).toEqual([ids.older]);
    const years = await stack.http.get('/masters/years', token('auditor'));
    expect(years.body.years).toEqual(expect.arrayContaining([2019, 2018]));
    expect([...years.body.years].sort((a: number, b: number) => b - a)).toEqual(years.body.years);
  });

  it("gives each master of a shared name their own register entry, the office's unpublished deeds included, and their own benefits", async () => {
    const limited = await stack.http.patch(`/masters/${ids.newer}/register`, { limited: true, deeds: '三十年专注手工制鞋' }, office);
    expect(limited.status).toBe(200);
    const benefits = await stack.http.get(`/candidates/${ids.newer}/benefits`, office);
    const trip = (benefits.body.benefits as Array<{ id: string; kind: string }>).find((b) => b.kind === 'recuperation_trip')!;
    expect((await stack.http.patch(`/benefits/${trip.id}`, { status: 'taken_up' }, office)).status).toBe(200);

    const { items } = await list(`year=2019&name=${encodeURIComponent(name)}`);
    const newest = items.find((m) => m.candidateId === ids.newer)!;
    const other = items.find((m) => m.candidateId === ids.longer)!;
    // The office reads the deeds it recorded; the public, with the entry limited, reads the name and year only.
    expect(newest.register).toMatchObject({ limited: true, deeds: '三十年专注手工制鞋', public: { name, yearNamed: 2019 } });
    expect(newest.register.public).not.toHaveProperty('deeds');
    expect(newest.benefits).toEqual({ offered: 4, taken_up: 1, declined: 0, granted: 0 });
    expect(other.register).toMatchObject({ limited: false, deeds: null, public: { trade: '制鞋' } });
    expect(other.benefits).toEqual({ offered: 5, taken_up: 0, declined: 0, granted: 0 });
  });

  it('shows personal data in full to the office only, and records that read; every other reader sees it masked', async () => {
    const seen = (await list(`year=2018&name=${encodeURIComponent(name)}`)).items[0];
    expect(seen).toMatchObject({ idNumber: older.idNumber, mobile: older.mobile });
    const reads: Array<{ detail: object }> = await stack.db.query(
      `SELECT detail FROM audit_log WHERE action = 'pii.read' AND object_type = 'master_list' AND actor_user_id = 'office-masters' AND actor_role = 'union_office'
          AND detail @> jsonb_build_object('candidateIds', jsonb_build_array($1::text))`,
      [ids.older],
    );
    expect(reads.map((r) => r.detail)).toContainEqual(expect.objectContaining({ count: 1, candidateIds: [ids.older], fields: ['idNumber', 'mobile', 'homeAddress'] }));

    for (const role of ['auditor', 'government', 'leadership', 'admin'] as const) {
      const masked = (await list(`year=2018&name=${encodeURIComponent(name)}`, token(role))).items[0];
      expect(masked.idNumber).toMatch(/^\d{4}\*+\w{4}$/);
      expect(masked.idNumber).not.toBe(older.idNumber);
      expect(masked.mobile).toMatch(/^\d{3}\*{4}\d{4}$/);
    }
  });

  it('refuses a bad page or filter with a 400 naming the field, and roles that do not read masters with a 403', async () => {
    const refused = async (query: string) => {
      const res = await stack.http.get(`/masters?${query}`, office);
      expect(res.status).toBe(400);
      return (res.body.fields as Array<{ field: string }>).map((f) => f.field);
    };
    expect(await refused('page=0')).toEqual(['page']);
    expect(await refused('pageSize=501')).toEqual(['pageSize']);
    expect(await refused('pageSize=two')).toEqual(['pageSize']);
    expect(await refused('year=1999')).toEqual(['year']);
    expect(await refused(`name=${'长'.repeat(51)}`)).toEqual(['name']);
    expect(await refused('sort=name')).toEqual(['sort']);

    for (const role of ['finance', 'nominator', 'expert', 'street_union', 'inspector'] as const) {
      expect((await stack.http.get('/masters', token(role))).status).toBe(403);
      expect((await stack.http.get('/masters/years', token(role))).status).toBe(403);
    }
    expect((await fetch(`${stack.api.url}/masters`)).status).toBe(401);
  });
});
