import type { NominationFormDto } from '../../apps/api/src/nominations/nomination.dto';
import { ageOn, formProblems, prechecks, type IntakeRules } from '../../apps/api/src/nominations/nomination-rules';
import type { Channel } from '../../libs/contract';
import { checkCharacter } from '../../libs/domain';

/** Rules across fields of the application form and the automatic pre-checks. */

const rules: IntakeRules = { minYearsOfWork: 3, workingAge: { min: 16, max: 80 } };
/** 01:00 on 11 April 2017 in Shanghai, still 10 April in UTC. */
const NOW = new Date('2017-04-10T17:00:00Z');

const withCheck = (first17: string) => first17 + checkCharacter(first17);
/** An ID number for someone born on `date` (YYYY-MM-DD); sequence odd = male, even = female. */
const idBornOn = (date: string, sequence = '123') => withCheck('330304' + date.replace(/-/g, '') + sequence);

const FEMALE_ID = '11010519491231002X'; // born 1949-12-31, 17th digit 2 (even)
const MALE_ID = idBornOn('1980-01-01', '123'); // 17th digit 3 (odd)

type Form = NominationFormDto & { channel?: Channel; competitionResultId?: string };

const form = (over: Partial<Form> = {}): Form =>
  ({
    name: '王建国',
    idNumber: FEMALE_ID,
    employer: '温州市瓯海华鞋业有限公司',
    mobile: '13812345678',
    industry: 'footwear_leather',
    trade: '制鞋工',
    yearsOfWork: 12,
    skillLevel: 'senior_technician',
    channel: 'organisational',
    ...over,
  }) as Form;

describe('formProblems', () => {
  it('finds no problem in a fully valid form', () => {
    const full = form({
      sex: 'female',
      birthDate: '1949-12-31',
      industry: 'other',
      industryJustification: '精密模具钳工，技艺全区领先',
      channel: 'competition',
      competition: { name: '瓯海区职工技能竞赛（眼镜装配）', year: 2017, placing: 1 },
      conditions: [
        { kind: 'craft_specialty', evidence: '手工鞋楦制作' },
        { kind: 'superb_skill', evidence: '全国技能大赛银奖' },
        { kind: 'leading_role', evidence: '名师带徒' },
        { kind: 'outstanding_contribution', evidence: '专利三项' },
      ],
    });
    expect(formProblems(full, rules, NOW)).toEqual([]);
  });

  it('finds no problem in the skeleton, nor in a form without a channel', () => {
    expect(formProblems(form(), rules, NOW)).toEqual([]);
    expect(formProblems(form({ channel: undefined }), rules, NOW)).toEqual([]);
  });

  describe('sex against the ID number (17th digit odd = male)', () => {
    it('accepts the sex the ID number gives', () => {
      expect(formProblems(form({ idNumber: FEMALE_ID, sex: 'female' }), rules, NOW)).toEqual([]);
      expect(formProblems(form({ idNumber: MALE_ID, sex: 'male' }), rules, NOW)).toEqual([]);
    });

    it('refuses male for a female ID number', () => {
      expect(formProblems(form({ idNumber: FEMALE_ID, sex: 'male' }), rules, NOW)).toEqual([
        { field: 'sex', reason: expect.stringMatching(/sex 'male' does not agree with the ID number.*female/) },
      ]);
    });

    it('refuses female for a male ID number', () => {
      expect(formProblems(form({ idNumber: MALE_ID, sex: 'female' }), rules, NOW)).toEqual([
        { field: 'sex', reason: expect.stringMatching(/sex 'female' does not agree with the ID number.*male/) },
      ]);
    });

    it.each(['0', '2', '4', '6', '8'])('reads 17th digit %s as female', (d) => {
      const id = withCheck('33030419800101' + '12' + d);
      expect(formProblems(form({ idNumber: id, sex: 'female' }), rules, NOW)).toEqual([]);
      expect(formProblems(form({ idNumber: id, sex: 'male' }), rules, NOW).map((p) => p.field)).toEqual(['sex']);
    });

    it.each(['1', '3', '5', '7', '9'])('reads 17th digit %s as male', (d) => {
      const id = withCheck('33030419800101' + '12' + d);
      expect(formProblems(form({ idNumber: id, sex: 'male' }), rules, NOW)).toEqual([]);
      expect(formProblems(form({ idNumber: id, sex: 'female' }), rules, NOW).map((p) => p.field)).toEqual(['sex']);
    });
  });

  describe('birthDate against the ID number', () => {
    it('accepts the birth date the ID number gives', () => {
      expect(formProblems(form({ birthDate: '1949-12-31' }), rules, NOW)).toEqual([]);
    });

    it('refuses another date, quoting both', () => {
      expect(formProblems(form({ birthDate: '1949-12-30' }), rules, NOW)).toEqual([
        { field: 'birthDate', reason: 'birthDate 1949-12-30 does not agree with the ID number, which gives 1949-12-31' },
      ]);
    });
  });

  describe('working age, on the Asia/Shanghai date of now', () => {
    it('accepts someone on their 16th birthday (11 April in Shanghai, still 10 April in UTC)', () => {
      expect(formProblems(form({ idNumber: idBornOn('2001-04-11') }), rules, NOW)).toEqual([]);
    });

    it('refuses someone the day before their 16th birthday', () => {
      expect(formProblems(form({ idNumber: idBornOn('2001-04-12') }), rules, NOW)).toEqual([
        { field: 'idNumber', reason: 'the person is 15, outside working age (16-80)' },
      ]);
    });

    it('uses the Shanghai date, not the UTC date: an hour earlier the same person is 15', () => {
      const before = new Date('2017-04-10T15:59:59Z'); // 23:59:59 on 10 April in Shanghai
      expect(formProblems(form({ idNumber: idBornOn('2001-04-11') }), rules, before).map((p) => p.reason)).toEqual(['the person is 15, outside working age (16-80)']);
    });

    it('accepts someone who is exactly the maximum age, refuses one a day older', () => {
      expect(formProblems(form({ idNumber: idBornOn('1936-04-12') }), rules, NOW)).toEqual([]);
      expect(formProblems(form({ idNumber: idBornOn('1936-04-11') }), rules, NOW)).toEqual([
        { field: 'idNumber', reason: 'the person is 81, outside working age (16-80)' },
      ]);
    });

    it('follows the configured bounds', () => {
      const strict = { ...rules, workingAge: { min: 18, max: 60 } };
      expect(formProblems(form({ idNumber: idBornOn('2000-01-01') }), strict, NOW).map((p) => p.reason)).toEqual(['the person is 17, outside working age (18-60)']);
      expect(formProblems(form({ idNumber: FEMALE_ID }), strict, NOW).map((p) => p.reason)).toEqual(['the person is 67, outside working age (18-60)']);
    });
  });

  describe('industry other', () => {
    it('refuses other without a justification', () => {
      expect(formProblems(form({ industry: 'other' }), rules, NOW)).toEqual([
        { field: 'industryJustification', reason: "industryJustification is required when industry is 'other'" },
      ]);
    });

    it('accepts other with a justification, and the six without one', () => {
      expect(formProblems(form({ industry: 'other', industryJustification: '理由' }), rules, NOW)).toEqual([]);
      for (const industry of ['footwear_leather', 'apparel', 'eyewear', 'locks', 'electrical_machinery', 'auto_moto_parts'] as const) {
        expect(formProblems(form({ industry }), rules, NOW)).toEqual([]);
      }
    });
  });

  describe('competition', () => {
    const competition = { name: '瓯海区职工技能竞赛', year: 2017, placing: 2 };

    it('refuses the competition channel without a competition', () => {
      expect(formProblems(form({ channel: 'competition' }), rules, NOW)).toEqual([
        { field: 'competition', reason: 'competition (name, year, placing) is required for the competition channel, or competitionResultId for a recorded result' },
      ]);
    });

    it('accepts the competition channel with a recorded result linked, and refuses it beside a typed-in competition or on another channel', () => {
      const competitionResultId = '8c1f3b5e-2d4a-4f6b-9a7c-1e2d3f4a5b6c';
      expect(formProblems(form({ channel: 'competition', competitionResultId }), rules, NOW)).toEqual([]);
      expect(formProblems(form({ channel: 'competition', competitionResultId, competition }), rules, NOW)).toEqual([
        { field: 'competition', reason: 'competition comes from the linked result (competitionResultId): leave it out' },
      ]);
      expect(formProblems(form({ channel: 'self', competitionResultId }), rules, NOW)).toEqual([
        { field: 'competitionResultId', reason: 'competitionResultId is given only for the competition channel' },
      ]);
    });

    it('accepts the competition channel with a competition', () => {
      expect(formProblems(form({ channel: 'competition', competition }), rules, NOW)).toEqual([]);
    });

    it.each(['organisational', 'association', 'self'] as const)('refuses a competition given for the %s channel', (channel) => {
      expect(formProblems(form({ channel, competition }), rules, NOW)).toEqual([
        { field: 'competition', reason: 'competition is given only for the competition channel' },
      ]);
    });
  });

  describe('conditions', () => {
    it('refuses the same condition claimed twice, naming it', () => {
      const conditions = [
        { kind: 'superb_skill', evidence: 'a' },
        { kind: 'leading_role', evidence: 'b' },
        { kind: 'superb_skill', evidence: 'c' },
      ] as Form['conditions'];
      expect(formProblems(form({ conditions }), rules, NOW)).toEqual([{ field: 'conditions', reason: "condition 'superb_skill' is claimed twice" }]);
    });

    it('accepts distinct conditions', () => {
      const conditions = [
        { kind: 'superb_skill', evidence: 'a' },
        { kind: 'leading_role', evidence: 'b' },
      ] as Form['conditions'];
      expect(formProblems(form({ conditions }), rules, NOW)).toEqual([]);
    });
  });

  it('lists every problem at once', () => {
    const bad = form({
      idNumber: idBornOn('2001-04-12', '124'),
      sex: 'male',
      birthDate: '2001-04-11',
      industry: 'other',
      channel: 'self',
      competition: { name: 'x', year: 2017, placing: 1 },
      conditions: [
        { kind: 'leading_role', evidence: 'a' },
        { kind: 'leading_role', evidence: 'b' },
      ] as Form['conditions'],
    });
    expect(formProblems(bad, rules, NOW).map((p) => p.field)).toEqual(['sex', 'birthDate', 'idNumber', 'industryJustification', 'competition', 'conditions']);
  });
});

describe('prechecks', () => {
  const byCheck = (f: Form) => Object.fromEntries(prechecks(f, rules).map((p) => [p.check, p]));

  it('gives the three checks in order', () => {
    expect(prechecks(form(), rules).map((p) => p.check)).toEqual(['years_of_work', 'industry_scope', 'conditions']);
  });

  it('passes years_of_work at 3', () => {
    expect(byCheck(form({ yearsOfWork: 3 })).years_of_work).toEqual({
      check: 'years_of_work',
      passed: true,
      detail: '3 years of front-line work in the district (at least 3 required)',
    });
  });

  it('fails years_of_work at 2, naming both numbers', () => {
    const check = byCheck(form({ yearsOfWork: 2 })).years_of_work;
    expect(check.passed).toBe(false);
    expect(check.detail).toMatch(/\b2 years\b/);
    expect(check.detail).toMatch(/at least 3/);
  });

  it('follows the configured minimum', () => {
    expect(prechecks(form({ yearsOfWork: 4 }), { ...rules, minYearsOfWork: 5 })[0]).toMatchObject({ passed: false, detail: expect.stringContaining('at least 5') });
  });

  it.each(['footwear_leather', 'apparel', 'eyewear', 'locks', 'electrical_machinery', 'auto_moto_parts'] as const)('passes industry_scope for %s', (industry) => {
    expect(byCheck(form({ industry })).industry_scope).toEqual({
      check: 'industry_scope',
      passed: true,
      detail: `${industry} is one of the six traditional industries`,
    });
  });

  it('fails industry_scope for other, quoting the justification', () => {
    const check = byCheck(form({ industry: 'other', industryJustification: '精密模具钳工，技艺全区领先' })).industry_scope;
    expect(check.passed).toBe(false);
    expect(check.detail).toContain('精密模具钳工，技艺全区领先');
  });

  it('fails industry_scope for other without a justification, saying there is none', () => {
    expect(byCheck(form({ industry: 'other' })).industry_scope).toMatchObject({ passed: false, detail: expect.stringContaining('no justification') });
  });

  it('fails conditions when none is claimed (missing or empty)', () => {
    expect(byCheck(form()).conditions).toEqual({ check: 'conditions', passed: false, detail: 'claims none of the four conditions' });
    expect(byCheck(form({ conditions: [] })).conditions.passed).toBe(false);
  });

  it('passes conditions when one is claimed, listing what is claimed', () => {
    const conditions = [
      { kind: 'craft_specialty', evidence: 'a' },
      { kind: 'outstanding_contribution', evidence: 'b' },
    ] as Form['conditions'];
    expect(byCheck(form({ conditions })).conditions).toEqual({
      check: 'conditions',
      passed: true,
      detail: 'claims craft_specialty, outstanding_contribution',
    });
  });
});

describe('ageOn', () => {
  it.each([
    ['2001-04-11', '2017-04-11', 16],
    ['2001-04-11', '2017-04-10', 15],
    ['2001-04-11', '2017-04-12', 16],
    ['2001-05-01', '2017-04-30', 15],
    ['2000-12-31', '2017-01-01', 16],
    ['1949-12-31', '2017-04-11', 67],
    ['2017-04-11', '2017-04-11', 0],
    ['2000-02-29', '2017-02-28', 16],
    ['2000-02-29', '2017-03-01', 17],
    ['2000-02-29', '2020-02-29', 20],
  ])('born %s is, on %s, %d', (born, day, age) => {
    expect(ageOn(born, day)).toBe(age);
  });
});
