import { randomUUID } from 'node:crypto';
import { shanghaiDate } from '../../libs/contract';
import { approvedMaster, masterStack } from '../support/master-stack';
import { paperMaster } from '../support/masters';
import { act, today, untilPhase } from '../support/round-driver';
import { token } from '../support/service';

jest.setTimeout(180_000);

interface Benefit {
  id: string;
  kind: string;
  status: string;
  offeredOn: string;
  takenUpOn: string | null;
  declinedOn: string | null;
  grantedOn: string | null;
  events: Array<{ status: string; on: string; note: string | null; by: string }>;
}

const KINDS = ['recuperation_trip', 'model_worker_recommendation', 'qualification_recommendation', 'talent_award_recommendation', 'school_place_priority'];

/** The named masters' benefits: offered when named, taken up or declined, granted; reported per year. */
describe("the masters' benefits over HTTP (real worker, Temporal dev server and PostgreSQL)", () => {
  const stack = masterStack({ TEMPORAL_TASK_QUEUE: `it-benefits-${randomUUID()}` });
  const office = token('union_office', 'office-benefits');
  const government = token('government', 'edu-bureau');

  const step = (id: string, body: unknown, as = office) =>
    fetch(`${stack.api.url}/benefits/${id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${as}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, any> }));

  it('offers each benefit once the master is named, takes each through its steps, refuses a step its status does not allow, and reports the year', async () => {
    const { http, db } = stack;
    const { roundId, candidateId } = await approvedMaster(stack);

    // Approved, not yet named: no benefits.
    expect((await http.get(`/candidates/${candidateId}/benefits`, office)).body).toEqual({ candidateId, named: false, benefits: [] });
    const before = (await http.get(`/benefits/report?year=${today().slice(0, 4)}`, token('leadership'))).body;

    await act(http, `/rounds/${roundId}/ceremony`, { date: today(), reason: '表彰大会' });
    await untilPhase(http, roundId, 'closed');
    const named = await http.get(`/candidates/${candidateId}/benefits`, office);
    expect(named.status).toBe(200);
    expect(named.body.named).toBe(true);
    const benefits: Benefit[] = named.body.benefits;
    expect(benefits.map((b) => [b.kind, b.status, b.offeredOn])).toEqual(KINDS.map((k) => [k, 'offered', today()]));
    expect(named.body.benefits[0]).toMatchObject({ label: '疗休养（一次）', grantingBody: '区总工会' });
    // Read again: nothing more is created; the offer is on the audit chain once.
    expect((await http.get(`/candidates/${candidateId}/benefits`, token('auditor'))).body.benefits.map((b: Benefit) => b.id)).toEqual(benefits.map((b) => b.id));
    const [{ n: offers }] = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'benefits.offered' AND candidate_id = $1`, [candidateId]);
    expect(offers).toBe(1);

    const [trip, , qualification, , school] = benefits;
    // The recuperation trip: taken up, then granted.
    const takenUp = await step(trip.id, { status: 'taken_up', note: '报名参加2031年劳模疗休养' });
    expect(takenUp.status).toBe(200);
    expect(takenUp.body).toMatchObject({ status: 'taken_up', takenUpOn: today(), candidateId });
    const granted = await step(trip.id, { status: 'granted', note: '已疗休养' }, government);
    expect(granted.body).toMatchObject({ status: 'granted', grantedOn: today() });
    expect(granted.body.events.map((e: Benefit['events'][number]) => [e.status, e.by])).toEqual([
      ['offered', 'system'],
      ['taken_up', 'office-benefits'],
      ['granted', 'edu-bureau'],
    ]);

    // Granted is final; a declined benefit cannot be granted; an offer cannot be granted before it is taken up: 409 naming the status.
    const again = await step(trip.id, { status: 'taken_up' });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain("the benefit is 'granted', which is final: it cannot become 'taken_up'");
    const early = await step(qualification.id, { status: 'granted' });
    expect(early.status).toBe(409);
    expect(early.body.message).toContain("the benefit is 'offered': it cannot become 'granted'; from 'offered' it can become 'taken_up' or 'declined'");

    // Declining needs a reason; a date ahead of today is refused; both 400s name the field.
    expect((await step(school.id, { status: 'declined' })).body.fields).toEqual([{ field: 'note', reason: 'note is required when declined: why the master declines' }]);
    const tomorrow = shanghaiDate(Date.now() + 86_400_000);
    expect((await step(school.id, { status: 'declined', note: '子女已毕业', on: tomorrow })).body.fields).toEqual([
      { field: 'on', reason: expect.stringContaining('is after today') },
    ]);
    expect((await step(school.id, { status: 'offered' })).body.fields.map((f: { field: string }) => f.field)).toEqual(['status']);
    expect((await step(school.id, { status: 'declined', note: '子女已毕业' })).body).toMatchObject({ status: 'declined', declinedOn: today() });
    const declinedThenGranted = await step(school.id, { status: 'granted' });
    expect(declinedThenGranted.status).toBe(409);
    expect(declinedThenGranted.body.message).toContain("'declined'");
    expect((await step(school.id, { status: 'granted' }, token('leadership'))).status).toBe(403);
    expect((await step(randomUUID(), { status: 'granted' })).status).toBe(404);

    // Every step is on the audit chain under the master; each refusal under its benefit.
    const taken: Array<{ object_id: string }> = await db.query(
      `SELECT object_id FROM audit_log WHERE route = 'PATCH /benefits/:id' AND status = 200 AND candidate_id = $1`,
      [candidateId],
    );
    expect(taken.map((r) => r.object_id).sort()).toEqual([trip.id, trip.id, school.id].sort());
    const [{ n: refused }] = await db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE route = 'PATCH /benefits/:id' AND status = 409 AND object_type = 'benefit' AND object_id = ANY($1)`,
      [[trip.id, qualification.id, school.id]],
    );
    expect(refused).toBe(3);

    // The granting bodies' list and the year's report.
    const list = await http.get(`/benefits?status=granted&kind=recuperation_trip&year=${today().slice(0, 4)}`, government);
    expect(list.body.map((b: Benefit) => b.id)).toContain(trip.id);
    const report = (await http.get(`/benefits/report?year=${today().slice(0, 4)}`, token('auditor'))).body;
    expect(report.mastersNamed).toBeGreaterThanOrEqual(before.mastersNamed + 1);
    const kind = (k: string) => report.kinds.find((r: { kind: string }) => r.kind === k);
    expect(kind('recuperation_trip').byStatus.granted).toBeGreaterThanOrEqual(1);
    expect(kind('recuperation_trip').stepsInYear).toMatchObject({ taken_up: expect.any(Number), granted: expect.any(Number) });
    expect(kind('recuperation_trip').stepsInYear.granted).toBeGreaterThanOrEqual(1);
    expect(kind('school_place_priority').byStatus.declined).toBeGreaterThanOrEqual(1);
    expect((await http.get('/benefits/report?year=1999', office)).body.fields.map((f: { field: string }) => f.field)).toEqual(['year']);
  });

  it('offers a master imported from paper records their benefits, dated the day they were named', async () => {
    const { http } = stack;
    const imported = await http.post('/masters/import', { masters: [paperMaster({ commendedOn: '2019-12-28', roundYear: 2019 })] }, office);
    expect(imported.status).toBe(201);
    const [{ candidateId }] = imported.body.imported;
    const listed = await http.get('/benefits?year=2019&status=offered', token('auditor'));
    const mine = listed.body.filter((b: Benefit & { candidateId: string }) => b.candidateId === candidateId);
    expect(mine.map((b: Benefit) => [b.kind, b.offeredOn])).toEqual(KINDS.map((k) => [k, '2019-12-28']));
    const report = (await http.get('/benefits/report?year=2019', token('leadership'))).body;
    expect(report.mastersNamed).toBeGreaterThanOrEqual(1);
    expect(report.kinds.every((k: { byStatus: { offered: number } }) => k.byStatus.offered >= 1)).toBe(true);
  });
});
