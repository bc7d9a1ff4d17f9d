import 'reflect-metadata';
import { BadRequestException } from '@nestjs/common';
import { validationPipe, type FieldError } from '../../apps/api/src/common/validation';
import { CompetitionDto, ConditionClaimDto, OpinionDto } from '../../apps/api/src/nominations/form.dto';
import { CreateNominationDto, DEEDS_MAX } from '../../apps/api/src/nominations/nomination.dto';
import { CHANNELS, CONDITIONS } from '../../libs/contract';
import { AREAS, INDUSTRIES, SKILL_LEVELS, checkCharacter } from '../../libs/domain';

/**
 * The application form (附件2) as the API validates it: through the project's ValidationPipe,
 * asserting the 400's `fields` list ({ field, reason }, nested fields dotted).
 */

type Body = Record<string, unknown>;

const skeleton = (): Body => ({
  name: '王建国',
  idNumber: '11010519491231002X',
  employer: '温州市瓯海华鞋业有限公司',
  mobile: '13812345678',
  industry: 'footwear_leather',
  trade: '制鞋工',
  yearsOfWork: 12,
  skillLevel: 'senior_technician',
  channel: 'organisational',
  consent: { signedOn: '2017-04-08', attestedBy: '瓯海华鞋业工会' },
});

const opinion = (): Body => ({ text: '同意推荐', sealed: true, date: '2017-04-10' });

const fullForm = (): Body => ({
  ...skeleton(),
  sex: 'female',
  birthDate: '1949-12-31',
  ethnicity: '汉族',
  education: '高中',
  politicalAffiliation: '中共党员',
  position: '车间主任',
  homeAddress: '浙江省温州市瓯海区娄桥街道古岸头村12号',
  industryJustification: undefined,
  honours: ['瓯海区劳动模范', '温州市技术能手'],
  achievements: '改进鞋底成型工艺，良品率提高百分之五。',
  deeds: '从事制鞋三十年，带徒二十余人。',
  conditions: [
    { kind: 'craft_specialty', evidence: '手工鞋楦制作' },
    { kind: 'leading_role', evidence: '名师带徒二十余人' },
  ],
  nominatorOpinion: opinion(),
  endorserOpinion: { text: '情况属实，同意上报', sealed: false, date: '2017-04-14' },
  area: 'louqiao',
  roundId: '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
});

async function validate(body: Body): Promise<CreateNominationDto> {
  return validationPipe().transform(body, { type: 'body', metatype: CreateNominationDto });
}

/** The `fields` of the 400 the pipe throws; fails the test if the body is accepted. */
async function fieldsOf(body: Body): Promise<FieldError[]> {
  try {
    await validate(body);
  } catch (e) {
    expect(e).toBeInstanceOf(BadRequestException);
    const response = (e as BadRequestException).getResponse() as { statusCode: number; fields: FieldError[]; message: string };
    expect(response.statusCode).toBe(400);
    return response.fields;
  }
  throw new Error(`expected a 400 for ${JSON.stringify(body)}`);
}

async function expectAccepted(body: Body): Promise<CreateNominationDto> {
  let result: CreateNominationDto | undefined;
  let fields: FieldError[] | undefined;
  try {
    result = await validate(body);
  } catch (e) {
    fields = ((e as BadRequestException).getResponse() as { fields: FieldError[] }).fields;
  }
  expect(fields).toBeUndefined();
  expect(result).toBeInstanceOf(CreateNominationDto);
  return result!;
}

/** Exactly one field refused, with a reason matching `reason`. */
async function expectOnly(body: Body, field: string, reason: RegExp | string = /./): Promise<FieldError> {
  const fields = await fieldsOf(body);
  expect(fields).toEqual([{ field, reason: typeof reason === 'string' ? reason : expect.stringMatching(reason) }]);
  return fields[0];
}

const withCheck = (first17: string) => first17 + checkCharacter(first17);
const without = (body: Body, key: string): Body => {
  const copy = { ...body };
  delete copy[key];
  return copy;
};

describe('CreateNominationDto: the walking skeleton', () => {
  it('accepts the skeleton and returns a CreateNominationDto', async () => {
    const dto = await expectAccepted(skeleton());
    expect(dto).toMatchObject(skeleton());
  });

  it('accepts the full form and turns nested objects into their DTO classes', async () => {
    const dto = await expectAccepted(fullForm());
    expect(dto.conditions![0]).toBeInstanceOf(ConditionClaimDto);
    expect(dto.nominatorOpinion).toBeInstanceOf(OpinionDto);
    expect(dto.endorserOpinion).toBeInstanceOf(OpinionDto);
  });

  it('refuses an empty body, naming every required field', async () => {
    const fields = await fieldsOf({});
    expect(fields.map((f) => f.field).sort()).toEqual(
      ['name', 'idNumber', 'employer', 'mobile', 'industry', 'trade', 'yearsOfWork', 'skillLevel', 'channel', 'consent'].sort(),
    );
  });

  it.each(['name', 'idNumber', 'employer', 'mobile', 'industry', 'trade', 'yearsOfWork', 'skillLevel', 'channel', 'consent'])(
    'refuses the skeleton without %s, naming only that field',
    async (key) => {
      const fields = await fieldsOf(without(skeleton(), key));
      expect(fields.map((f) => f.field)).toEqual([key]);
      expect(fields[0].reason).toMatch(new RegExp(`^${key} `));
    },
  );

  it.each(['name', 'employer', 'trade'])('refuses an empty string for %s', async (key) => {
    await expectOnly({ ...skeleton(), [key]: '' }, key, /should not be empty/);
  });

  it.each(['name', 'employer', 'trade'])('refuses a number for %s', async (key) => {
    const fields = await fieldsOf({ ...skeleton(), [key]: 42 });
    expect(fields.map((f) => f.field)).toEqual([key]);
  });

  // Under stopAtFirstError the bottom decorator runs first: a missing field must say so, not complain of length.
  it.each(['name', 'employer', 'trade'])('says a missing %s is missing, not too long', async (key) => {
    const [error] = await fieldsOf(without(skeleton(), key));
    expect(error.reason).not.toMatch(/shorter than/);
  });

  it('refuses a name of 51 characters and accepts 50', async () => {
    await expectAccepted({ ...skeleton(), name: '王'.repeat(50) });
    await expectOnly({ ...skeleton(), name: '王'.repeat(51) }, 'name', /shorter than or equal to 50/);
  });
});

describe('idNumber', () => {
  it('accepts a valid number ending in the check character X', async () => {
    await expectAccepted({ ...skeleton(), idNumber: '11010519491231002X' });
  });

  it('accepts a valid number ending in a digit', async () => {
    const id = withCheck('33030419800101123');
    expect(id[17]).toMatch(/\d/);
    await expectAccepted({ ...skeleton(), idNumber: id });
  });

  it('refuses a wrong check digit', async () => {
    await expectOnly({ ...skeleton(), idNumber: '110105194912310021' }, 'idNumber', /check digit/);
  });

  it("refuses a lowercase 'x' check character, saying it must be uppercase", async () => {
    await expectOnly({ ...skeleton(), idNumber: '11010519491231002x' }, 'idNumber', /uppercase 'X'/);
  });

  it('refuses full-width digits, saying so', async () => {
    await expectOnly({ ...skeleton(), idNumber: '１１０１０５１９４９１２３１００２Ｘ' }, 'idNumber', /full-width/);
    await expectOnly({ ...skeleton(), idNumber: '１１０１０５１９４９１２３１００２X' }, 'idNumber', /full-width/);
  });

  it('refuses the 15-digit legacy form, saying so', async () => {
    await expectOnly({ ...skeleton(), idNumber: '110105491231002' }, 'idNumber', /15-digit legacy form/);
  });

  it('refuses a wrong length and a birth date that does not exist', async () => {
    await expectOnly({ ...skeleton(), idNumber: '1101051949123100' }, 'idNumber', /18 characters/);
    await expectOnly({ ...skeleton(), idNumber: withCheck('33030419900230123') }, 'idNumber', /birth date that does not exist/);
  });

  it('refuses a number instead of a string', async () => {
    await expectOnly({ ...skeleton(), idNumber: 110105194912310020 }, 'idNumber', /must be a string/);
  });
});

describe('mobile', () => {
  it.each(['13812345678', '15012345678', '18612345678', '19912345678', '17012345678'])('accepts %s', async (mobile) => {
    await expectAccepted({ ...skeleton(), mobile });
  });

  it.each([
    ['12 digits', '138123456789'],
    ['10 digits', '1381234567'],
    ['a number starting 12', '12812345678'],
    ['a number starting 10', '10812345678'],
    ['spaces', '138 1234 5678'],
    ['a +86 prefix', '+8613812345678'],
    ['an 86 prefix', '8613812345678'],
    ['dashes', '138-1234-5678'],
    ['full-width digits', '１３８１２３４５６７８'],
  ])('refuses %s', async (_label, mobile) => {
    await expectOnly({ ...skeleton(), mobile }, 'mobile', 'mobile must be a mainland mobile number (11 digits starting 13-19)');
  });

  it('refuses a number instead of a string', async () => {
    await expectOnly({ ...skeleton(), mobile: 13812345678 }, 'mobile', /mainland mobile number/);
  });
});

describe('industry, skillLevel, channel', () => {
  it('has the seven industries of the notice', () => {
    expect([...INDUSTRIES]).toEqual(['footwear_leather', 'apparel', 'eyewear', 'locks', 'electrical_machinery', 'auto_moto_parts', 'other']);
  });

  it.each([...INDUSTRIES])('accepts industry %s', async (industry) => {
    await expectAccepted({ ...skeleton(), industry });
  });

  it.each(['textiles', 'Footwear_leather', '鞋革', ''])('refuses industry %j, listing the values', async (industry) => {
    await expectOnly({ ...skeleton(), industry }, 'industry', `industry must be one of ${INDUSTRIES.join(', ')}`);
  });

  it('has the eight skill levels and titles of the form', () => {
    expect(SKILL_LEVELS).toHaveLength(8);
  });

  it.each([...SKILL_LEVELS])('accepts skillLevel %s', async (skillLevel) => {
    await expectAccepted({ ...skeleton(), skillLevel });
  });

  it.each(['master', 'Technician', '技师'])('refuses skillLevel %j', async (skillLevel) => {
    await expectOnly({ ...skeleton(), skillLevel }, 'skillLevel', `skillLevel must be one of ${SKILL_LEVELS.join(', ')}`);
  });

  it('has the four channels', () => {
    expect([...CHANNELS]).toEqual(['organisational', 'association', 'self', 'competition']);
  });

  it.each([...CHANNELS])('accepts channel %s', async (channel) => {
    await expectAccepted({ ...skeleton(), channel });
  });

  it.each(['online', 'Self', 'training'])('refuses channel %j', async (channel) => {
    await expectOnly({ ...skeleton(), channel }, 'channel', `channel must be one of ${CHANNELS.join(', ')}`);
  });
});

describe('yearsOfWork', () => {
  it.each([0, 2, 3, 70])('accepts %d (fewer than 3 fails screening later, not the DTO)', async (yearsOfWork) => {
    const dto = await expectAccepted({ ...skeleton(), yearsOfWork });
    expect(dto.yearsOfWork).toBe(yearsOfWork);
  });

  it('refuses a negative number', async () => {
    await expectOnly({ ...skeleton(), yearsOfWork: -1 }, 'yearsOfWork', /not be less than 0/);
  });

  it('refuses 71', async () => {
    await expectOnly({ ...skeleton(), yearsOfWork: 71 }, 'yearsOfWork', /not be greater than 70/);
  });

  it('refuses 3.5 as not a whole number of years', async () => {
    await expectOnly({ ...skeleton(), yearsOfWork: 3.5 }, 'yearsOfWork', 'yearsOfWork must be a whole number of years');
  });

  it('refuses the string "5" (no implicit conversion)', async () => {
    await expectOnly({ ...skeleton(), yearsOfWork: '5' }, 'yearsOfWork', 'yearsOfWork must be a whole number of years');
  });
});

describe('sex and birthDate', () => {
  it.each(['male', 'female'])('accepts sex %s (agreement with the ID number is checked later)', async (sex) => {
    await expectAccepted({ ...skeleton(), sex });
  });

  it.each(['other', 'Male', '女', ''])('refuses sex %j', async (sex) => {
    await expectOnly({ ...skeleton(), sex }, 'sex', 'sex must be male or female');
  });

  it.each(['1949-12-31', '2000-02-29'])('accepts birthDate %s', async (birthDate) => {
    await expectAccepted({ ...skeleton(), birthDate });
  });

  it.each(['1949/12/31', '19491231', '1949-1-31', '1949-13-01', '1949-12-32', '1949-00-10', '49-12-31', '1949-12-31T00:00:00Z', ''])(
    'refuses birthDate %j',
    async (birthDate) => {
      await expectOnly({ ...skeleton(), birthDate }, 'birthDate', 'birthDate must be a real date YYYY-MM-DD');
    },
  );
});

describe('optional text fields', () => {
  it(`accepts deeds of ${DEEDS_MAX} characters`, async () => {
    expect(DEEDS_MAX).toBe(800);
    await expectAccepted({ ...skeleton(), deeds: '事'.repeat(800) });
  });

  it('refuses deeds of 801 characters, saying at most 800', async () => {
    await expectOnly({ ...skeleton(), deeds: '事'.repeat(801) }, 'deeds', 'deeds must be at most 800 characters');
  });

  it('refuses empty deeds', async () => {
    await expectOnly({ ...skeleton(), deeds: '' }, 'deeds', /should not be empty/);
  });

  it.each(['ethnicity', 'education', 'politicalAffiliation', 'position', 'homeAddress', 'achievements', 'industryJustification'])(
    'accepts a text for %s and refuses an empty one',
    async (key) => {
      await expectAccepted({ ...skeleton(), [key]: '文字' });
      await expectOnly({ ...skeleton(), [key]: '' }, key, /should not be empty/);
    },
  );
});

describe('conditions', () => {
  it.each([...CONDITIONS])('accepts a claim of %s with evidence', async (kind) => {
    await expectAccepted({ ...skeleton(), conditions: [{ kind, evidence: '证明材料' }] });
  });

  it('accepts all four conditions', async () => {
    await expectAccepted({ ...skeleton(), conditions: CONDITIONS.map((kind) => ({ kind, evidence: '证明' })) });
  });

  it('refuses an empty array, saying at least one', async () => {
    await expectOnly({ ...skeleton(), conditions: [] }, 'conditions', /at least one/);
  });

  it('refuses an unknown kind', async () => {
    await expectOnly({ ...skeleton(), conditions: [{ kind: 'good_ethics', evidence: '证明' }] }, 'conditions.0.kind', `kind must be one of ${CONDITIONS.join(', ')}`);
  });

  it('refuses a claim without evidence, at its index', async () => {
    const fields = await fieldsOf({ ...skeleton(), conditions: [{ kind: 'superb_skill', evidence: '证明' }, { kind: 'leading_role' }] });
    expect(fields.map((f) => f.field)).toEqual(['conditions.1.evidence']);
  });

  it('refuses empty evidence, saying evidence is required', async () => {
    await expectOnly({ ...skeleton(), conditions: [{ kind: 'leading_role', evidence: '' }] }, 'conditions.0.evidence', 'evidence is required for each condition claimed');
  });

  it('refuses missing evidence saying evidence is required', async () => {
    await expectOnly({ ...skeleton(), conditions: [{ kind: 'leading_role' }] }, 'conditions.0.evidence', 'evidence is required for each condition claimed');
  });

  it('refuses more than four claims', async () => {
    const conditions = [...CONDITIONS, 'craft_specialty'].map((kind) => ({ kind, evidence: '证明' }));
    await expectOnly({ ...skeleton(), conditions }, 'conditions', /no more than 4/);
  });

  it('refuses conditions that are not an array', async () => {
    const fields = await fieldsOf({ ...skeleton(), conditions: { kind: 'leading_role', evidence: '证明' } });
    expect(fields.map((f) => f.field)).toContain('conditions');
  });

  it('refuses an unknown field inside a claim', async () => {
    await expectOnly({ ...skeleton(), conditions: [{ kind: 'leading_role', evidence: '证明', weight: 2 }] }, 'conditions.0.weight', 'property weight should not exist');
  });
});

describe('honours', () => {
  it('accepts an array of strings, and an empty array', async () => {
    await expectAccepted({ ...skeleton(), honours: ['瓯海区劳动模范'] });
    await expectAccepted({ ...skeleton(), honours: [] });
  });

  it('refuses an empty string inside the array', async () => {
    await expectOnly({ ...skeleton(), honours: ['瓯海区劳动模范', ''] }, 'honours', /should not be empty/);
  });

  it('refuses a number inside the array', async () => {
    await expectOnly({ ...skeleton(), honours: ['瓯海区劳动模范', 2017] }, 'honours');
  });

  it('refuses a single string instead of an array', async () => {
    await expectOnly({ ...skeleton(), honours: '瓯海区劳动模范' }, 'honours');
  });
});

describe.each(['nominatorOpinion', 'endorserOpinion'])('%s', (key) => {
  it('accepts text, sealed true or false, and a date', async () => {
    await expectAccepted({ ...skeleton(), [key]: opinion() });
    await expectAccepted({ ...skeleton(), [key]: { ...opinion(), sealed: false } });
  });

  it('refuses a missing or empty text', async () => {
    const fields = await fieldsOf({ ...skeleton(), [key]: without(opinion(), 'text') });
    expect(fields.map((f) => f.field)).toEqual([`${key}.text`]);
    await expectOnly({ ...skeleton(), [key]: { ...opinion(), text: '' } }, `${key}.text`, /should not be empty/);
  });

  it('refuses sealed as the string "true"', async () => {
    await expectOnly({ ...skeleton(), [key]: { ...opinion(), sealed: 'true' } }, `${key}.sealed`, 'sealed must be a boolean value');
  });

  it('refuses a missing sealed', async () => {
    await expectOnly({ ...skeleton(), [key]: without(opinion(), 'sealed') }, `${key}.sealed`, 'sealed must be a boolean value');
  });

  it.each(['2017/04/10', '10-04-2017', '2017-4-10', '2017-04-31x', ''])('refuses date %j', async (date) => {
    await expectOnly({ ...skeleton(), [key]: { ...opinion(), date } }, `${key}.date`, 'date must be a real date YYYY-MM-DD');
  });

  it('refuses an unknown field inside the opinion', async () => {
    await expectOnly({ ...skeleton(), [key]: { ...opinion(), signedBy: '张三' } }, `${key}.signedBy`, 'property signedBy should not exist');
  });
});

it('refuses an opinion dated 2017-02-30, a day that does not exist', async () => {
  await expectOnly({ ...skeleton(), nominatorOpinion: { ...opinion(), date: '2017-02-30' } }, 'nominatorOpinion.date');
});

describe('competition', () => {
  const competition = () => ({ name: '瓯海区职工技能竞赛（眼镜装配）', year: 2017, placing: 1 });

  it('accepts name, year and placing, with or without the organiser', async () => {
    const dto = await expectAccepted({ ...skeleton(), channel: 'competition', competition: competition() });
    expect(dto.competition).toBeInstanceOf(CompetitionDto);
    await expectAccepted({ ...skeleton(), channel: 'competition', competition: { ...competition(), organiser: '瓯海区总工会' } });
  });

  it('refuses placing 0 and accepts placing 1', async () => {
    await expectOnly({ ...skeleton(), competition: { ...competition(), placing: 0 } }, 'competition.placing', /not be less than 1/);
  });

  it('refuses a fractional placing and a string year', async () => {
    await expectOnly({ ...skeleton(), competition: { ...competition(), placing: 1.5 } }, 'competition.placing');
    await expectOnly({ ...skeleton(), competition: { ...competition(), year: '2017' } }, 'competition.year');
  });

  it('refuses a year out of range', async () => {
    await expectOnly({ ...skeleton(), competition: { ...competition(), year: 1999 } }, 'competition.year', /not be less than 2000/);
  });

  it.each(['name', 'year', 'placing'])('refuses a competition without %s', async (k) => {
    const fields = await fieldsOf({ ...skeleton(), competition: without(competition(), k) });
    expect(fields.map((f) => f.field)).toEqual([`competition.${k}`]);
  });

  it('refuses an unknown field inside the competition', async () => {
    await expectOnly({ ...skeleton(), competition: { ...competition(), prize: 5000 } }, 'competition.prize', 'property prize should not exist');
  });
});

describe('area', () => {
  it.each([...AREAS])('accepts %s', async (area) => {
    await expectAccepted({ ...skeleton(), area });
  });

  it.each(['ouhai', 'Louqiao', '娄桥街道'])('refuses %j', async (area) => {
    await expectOnly({ ...skeleton(), area }, 'area', `area must be one of ${AREAS.join(', ')}`);
  });
});

describe('unknown fields and roundId', () => {
  it('refuses an unknown top-level field', async () => {
    await expectOnly({ ...skeleton(), salary: 5000 }, 'salary', 'property salary should not exist');
  });

  it('lists several problems in one 400, nested ones dotted', async () => {
    const fields = await fieldsOf({ ...skeleton(), mobile: '123', foo: 1, nominatorOpinion: { ...opinion(), date: 'x' } });
    expect(fields).toEqual(
      expect.arrayContaining([
        { field: 'mobile', reason: expect.any(String) },
        { field: 'foo', reason: 'property foo should not exist' },
        { field: 'nominatorOpinion.date', reason: 'date must be a real date YYYY-MM-DD' },
      ]),
    );
    expect(fields).toHaveLength(3);
  });

  it('accepts a UUID roundId and no roundId', async () => {
    await expectAccepted({ ...skeleton(), roundId: '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f' });
    await expectAccepted(skeleton());
  });

  it.each(['2017', 'round-2017', '3f1c2d4e5a6b4c7d8e9f0a1b2c3d4e5f0', ''])('refuses roundId %j', async (roundId) => {
    await expectOnly({ ...skeleton(), roundId }, 'roundId', 'roundId must be a UUID');
  });
});
