import { randomBytes } from 'node:crypto';
import { candidateView, maskAddress } from '../../apps/api/src/candidates/candidate-view';
import { initialCandidateState, ROLES, type CandidateStateV2, type PanelSeatState, type Role } from '../../libs/contract';
import type { CandidateEntity } from '../../libs/db';
import { PiiCipher } from '../../libs/security/pii';
import type { TokenClaims } from '../../libs/security/token';

/**
 * What each role sees of a file: personal data masked unless the role needs it; the experts and their
 * scores for the office and auditors only, an expert its own seat, everyone else the panel's result.
 */

const pii = new PiiCipher({ keys: new Map([['k1', randomBytes(32)]]), activeKeyId: 'k1', indexKey: randomBytes(32) });

const ID = '11010519491231002X';
const MOBILE = '13812345678';
const ADDRESS = '浙江省温州市瓯海区娄桥街道古岸头村12号';

function row(over: Partial<CandidateEntity> = {}): CandidateEntity {
  return Object.assign({} as CandidateEntity, {
    id: 'c0ffee00-0000-4000-8000-000000000001',
    roundId: 'r0und000-0000-4000-8000-000000000001',
    channel: 'organisational',
    name: '王建国',
    idNumberCipher: pii.encrypt(ID),
    idNumberIndex: pii.blindIndex('id', ID),
    mobileCipher: pii.encrypt(MOBILE),
    employer: '温州市瓯海华鞋业有限公司',
    industry: 'footwear_leather',
    trade: '制鞋工',
    yearsOfWork: 12,
    skillLevel: 'senior_technician',
    submittedBy: 'nominator-1',
    submittedRole: 'nominator',
    workflowId: 'candidate-c0ffee00-0000-4000-8000-000000000001',
    area: 'louqiao',
    homeAddressCipher: pii.encrypt(ADDRESS),
    form: { name: '王建国', deeds: '从事制鞋三十年' },
    version: 2,
    inspectionBatchId: null,
    createdAt: new Date('2017-04-08T02:00:00Z'),
    ...over,
  });
}

const seats = (): PanelSeatState[] => [
  { userId: 'expert-1', status: 'scored', scores: { craft_specialty: 90, leading_role: 80 }, averageCenti: 8500, at: '2017-04-20T01:00:00.000Z' },
  { userId: 'expert-2', status: 'scored', scores: { craft_specialty: 70, leading_role: 60 }, averageCenti: 6500, at: '2017-04-20T02:00:00.000Z' },
  { userId: 'expert-3', status: 'recused', reason: "works for the candidate's employer", at: '2017-04-19T02:00:00.000Z' },
  { userId: 'expert-4', status: 'assigned', at: '2017-04-19T02:00:00.000Z' },
  { userId: 'expert-5', status: 'conflict', reason: '曾与候选人合作项目', at: '2017-04-19T03:00:00.000Z' },
];

const EXPERT_SCORE = { scoreCenti: 7500, counted: 2, dropped: 0 };

function state(over: Partial<CandidateStateV2> = {}): CandidateStateV2 {
  const input = {
    candidateId: 'c0ffee00-0000-4000-8000-000000000001',
    roundId: null,
    channel: 'organisational' as const,
    submittedBy: { userId: 'unit-1', role: 'nominator' as const },
    settings: { publicNoticeMs: 7 * 864e5, bonusFen: 2_000_000, subsidyMonthlyFen: 80_000, subsidyMonths: 24 },
  };
  return {
    ...initialCandidateState(input, '2017-04-19T00:00:00.000Z'),
    stage: 'expert_review',
    status: 'scoring',
    dueAt: '2017-04-21T16:00:00.000Z',
    prechecks: [{ check: 'years_of_work', passed: true, detail: '12 years' }],
    conditions: ['craft_specialty', 'leading_role'],
    panel: seats(),
    expertScore: EXPERT_SCORE,
    version: 2,
    ...over,
  };
}

const claims = (role: TokenClaims['role'], sub = `${role}-1`): TokenClaims => ({ iss: 'urn:ouhai-masters:local', sub, role, exp: 4_000_000_000 });

describe('maskAddress', () => {
  it('keeps the first six characters and masks up to eight more', () => {
    expect(maskAddress(ADDRESS)).toBe('浙江省温州市********');
  });

  it('masks only as many characters as follow the first six', () => {
    expect(maskAddress('浙江省温州市瓯海区')).toBe('浙江省温州市***');
    expect(maskAddress('浙江省温州市瓯')).toBe('浙江省温州市*');
  });

  it('masks a short address entirely', () => {
    expect(maskAddress('瓯海区某村')).toBe('*****');
    expect(maskAddress('温州市瓯海区')).toBe('******');
    expect(maskAddress('')).toBe('');
  });

  it('never shows the tail of a long address', () => {
    const masked = maskAddress(ADDRESS);
    expect(masked).not.toContain('12号');
    expect(masked).not.toContain('古岸头村');
  });
});

describe('candidateView', () => {
  it('shows the programme office (union_office) the ID number, mobile and home address in clear', () => {
    const v = candidateView(row(), state(), claims('union_office'), pii);
    expect(v.idNumber).toBe(ID);
    expect(v.mobile).toBe(MOBILE);
    expect(v.homeAddress).toBe(ADDRESS);
  });

  it.each(['auditor', 'inspector', 'expert', 'leadership', 'street_union', 'finance', 'government', 'nominator', 'admin'] as const)(
    'masks personal data for %s',
    (role) => {
      const v = candidateView(row(), state(), claims(role), pii);
      expect(v.idNumber).toBe('1101**********002X');
      expect(v.mobile).toBe('138****5678');
      expect(v.homeAddress).toBe('浙江省温州市********');
      const text = JSON.stringify(v);
      expect(text).not.toContain(ID);
      expect(text).not.toContain(MOBILE);
      expect(text).not.toContain(ADDRESS);
    },
  );

  it.each(ROLES)('shows %s the bank account masked, and nothing of it before one is recorded', (role) => {
    const account = { bankName: '中国工商银行温州瓯海支行', bankAccountCipher: pii.encrypt('6222021234567890123'), bankAccountName: '王建国' };
    const v = candidateView(row({ ...account, bankAccountBy: 'office-1', bankAccountAt: new Date('2017-05-02T01:00:00Z') }), state(), claims(role), pii);
    expect(v.bankAccount).toEqual({
      bank: '中国工商银行温州瓯海支行',
      accountNumber: '***************0123',
      accountName: '王建国',
      recordedBy: 'office-1',
      recordedAt: '2017-05-02T01:00:00.000Z',
    });
    expect(JSON.stringify(v)).not.toContain('6222021234567890123');
    expect(candidateView(row(), state(), claims(role), pii).bankAccount).toBeNull();
  });

  it('gives null for a missing home address, whoever asks', () => {
    expect(candidateView(row({ homeAddressCipher: null }), state(), claims('union_office'), pii).homeAddress).toBeNull();
    expect(candidateView(row({ homeAddressCipher: null }), state(), claims('auditor'), pii).homeAddress).toBeNull();
  });

  it('never exposes the ciphertexts or the blind index', () => {
    const r = row();
    const text = JSON.stringify(candidateView(r, state(), claims('union_office'), pii));
    expect(text).not.toContain(r.idNumberCipher);
    expect(text).not.toContain(r.mobileCipher);
    expect(text).not.toContain(r.homeAddressCipher!);
    expect(text).not.toContain(r.idNumberIndex);
  });

  it.each(['union_office', 'auditor'] as const)('shows %s the whole panel: every expert, every score, every reason', (role) => {
    expect(candidateView(row(), state(), claims(role), pii).panel).toEqual(seats());
  });

  it('shows a seated expert their own seat with its scores, and no other expert at all', () => {
    const v = candidateView(row(), state(), claims('expert', 'expert-1'), pii);
    expect(v.panel).toEqual([seats()[0]]);
    const text = JSON.stringify(v);
    for (const other of ['expert-2', 'expert-3', 'expert-4', 'expert-5']) expect(text).not.toContain(other);
    expect(text).not.toContain('"craft_specialty":70');
    expect(text).not.toContain('6500');
  });

  it('shows another expert their own seat, not expert-1 or its scores', () => {
    const v = candidateView(row(), state(), claims('expert', 'expert-2'), pii);
    expect(v.panel).toEqual([seats()[1]]);
    expect(JSON.stringify(v)).not.toContain('expert-1');
    expect(JSON.stringify(v)).not.toContain('8500');
  });

  it("shows an expert who declared a conflict their own reason, no one else's seat", () => {
    expect(candidateView(row(), state(), claims('expert', 'expert-5'), pii).panel).toEqual([seats()[4]]);
  });

  it('shows an expert not on the panel no seat at all', () => {
    expect(candidateView(row(), state(), claims('expert', 'expert-9'), pii).panel).toEqual([]);
  });

  it.each(['inspector', 'leadership', 'street_union', 'finance', 'government', 'nominator', 'admin'] as const)(
    'shows %s the panel result only: no expert, no individual score, no reason',
    (role) => {
      const v = candidateView(row(), state(), claims(role), pii);
      expect(v.panel).toEqual([]);
      expect(v.panelSummary).toEqual({ seated: 3, scored: 2, recused: 1, conflicts: 1 });
      expect(v.expertScore).toEqual(EXPERT_SCORE);
      const text = JSON.stringify(v);
      for (const seat of seats()) expect(text).not.toContain(seat.userId);
      for (const secret of ['scores', 'averageCenti', "works for the candidate's employer", '曾与候选人合作项目']) expect(text).not.toContain(secret);
    },
  );

  /**
   * Every role, in one table: what it sees of the panel. Each response that shows a candidate —
   * GET /candidates/:id and the reply to every action — is built by candidateView, so this is what
   * each of them shows.
   */
  const WHO_SEES: Record<Role, (expertId: string) => PanelSeatState[]> = {
    union_office: () => seats(),
    auditor: () => seats(),
    expert: (id) => seats().filter((s) => s.userId === id),
    street_union: () => [],
    inspector: () => [],
    leadership: () => [],
    government: () => [],
    finance: () => [],
    admin: () => [],
    nominator: () => [],
  };

  it('covers every role there is', () => {
    expect(Object.keys(WHO_SEES).sort()).toEqual([...ROLES].sort());
  });

  const callers: Array<[Role, string]> = ROLES.flatMap((role): Array<[Role, string]> =>
    role === 'expert' ? seats().map((s) => [role, s.userId]) : [[role, `${role}-1`]],
  );
  it.each(callers)('%s (%s) sees exactly its share of the panel, and the panel result', (role, sub) => {
    const v = candidateView(row(), state(), claims(role, sub), pii);
    expect(v.panel).toEqual(WHO_SEES[role](sub));
    expect(v.panelSummary).toEqual({ seated: 3, scored: 2, recused: 1, conflicts: 1 });
    expect(v.expertScore).toEqual(EXPERT_SCORE);
  });

  it('does not change the state it is given', () => {
    const s = state();
    candidateView(row(), s, claims('expert', 'expert-1'), pii);
    expect(s).toEqual(state());
  });

  it('carries the state and the public fields of the row', () => {
    const r = row();
    const v = candidateView(r, state(), claims('auditor'), pii);
    expect(v).toMatchObject({
      candidateId: r.id,
      stage: 'expert_review',
      status: 'scoring',
      conditions: ['craft_specialty', 'leading_role'],
      workflowId: r.workflowId,
      roundId: r.roundId,
      name: '王建国',
      employer: r.employer,
      industry: 'footwear_leather',
      trade: '制鞋工',
      yearsOfWork: 12,
      skillLevel: 'senior_technician',
      area: 'louqiao',
      form: r.form,
      formVersion: 2,
      inspectionBatchId: null,
      nominatedAt: '2017-04-08T02:00:00.000Z',
    });
  });

  it("decides for every field of the workflow's state: a field added later fails here until someone says who may see it", () => {
    const v = candidateView(row(), state(), claims('union_office'), pii);
    expect(Object.keys(state()).filter((k) => !(k in v))).toEqual([]);
  });
});
