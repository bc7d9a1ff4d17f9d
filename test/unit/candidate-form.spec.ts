import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { validationPipe } from '../../apps/api/src/common/validation';
import { publicForm, sealedForm } from '../../apps/api/src/nominations/candidate-form';
import { CreateNominationDto, type NominationFormDto } from '../../apps/api/src/nominations/nomination.dto';
import { PiiCipher } from '../../libs/security/pii';

/** The form as stored: public fields in clear, the sensitive ones only sealed. */

const pii = new PiiCipher({ keys: new Map([['k1', randomBytes(32)]]), activeKeyId: 'k1', indexKey: randomBytes(32) });
const otherPii = new PiiCipher({ keys: new Map([['k1', randomBytes(32)]]), activeKeyId: 'k1', indexKey: randomBytes(32) });

const ID = '11010519491231002X';
const MOBILE = '13812345678';
const ADDRESS = '浙江省温州市瓯海区娄桥街道古岸头村12号';
const ROUND = '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';

const body = () => ({
  name: '王建国',
  idNumber: ID,
  sex: 'female',
  birthDate: '1949-12-31',
  employer: '温州市瓯海华鞋业有限公司',
  homeAddress: ADDRESS,
  mobile: MOBILE,
  industry: 'footwear_leather',
  trade: '制鞋工',
  yearsOfWork: 12,
  consent: { signedOn: '2017-04-08', attestedBy: '瓯海华鞋业工会' },
  skillLevel: 'senior_technician',
  honours: ['瓯海区劳动模范'],
  deeds: '从事制鞋三十年，带徒二十余人。',
  conditions: [{ kind: 'leading_role', evidence: '名师带徒' }],
  nominatorOpinion: { text: '同意推荐', sealed: true, date: '2017-04-10' },
  area: 'louqiao',
  roundId: ROUND,
  channel: 'organisational',
});

/** The DTO instance the controller receives, built by the API's own pipe. */
const dto = (over: Record<string, unknown> = {}): Promise<CreateNominationDto> =>
  validationPipe().transform({ ...body(), ...over }, { type: 'body', metatype: CreateNominationDto });

const SENSITIVE_AND_ROUTING = ['idNumber', 'mobile', 'homeAddress', 'roundId', 'channel'];

describe('publicForm', () => {
  it('drops idNumber, mobile, homeAddress, roundId and channel', async () => {
    const out = publicForm(await dto());
    for (const k of SENSITIVE_AND_ROUTING) expect(out).not.toHaveProperty(k);
  });

  it('keeps every other field, as plain JSON', async () => {
    const out = publicForm(await dto());
    const expected: Record<string, unknown> = body();
    for (const k of SENSITIVE_AND_ROUTING) delete expected[k];
    expect(out).toEqual(expected);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(out.conditions[0])).toBe(Object.prototype);
    expect(Object.getPrototypeOf(out.nominatorOpinion)).toBe(Object.prototype);
  });

  it('holds no clear sensitive value anywhere', async () => {
    const text = JSON.stringify(publicForm(await dto()));
    for (const v of [ID, MOBILE, ADDRESS, ROUND]) expect(text).not.toContain(v);
  });

  it('does not change the form it is given', async () => {
    const form = await dto();
    publicForm(form);
    expect(form.idNumber).toBe(ID);
    expect(form.mobile).toBe(MOBILE);
    expect(form.homeAddress).toBe(ADDRESS);
    expect(form.channel).toBe('organisational');
  });

  it('works on a form without the routing fields (a resubmission)', () => {
    const form = { ...body() } as Record<string, unknown>;
    delete form.roundId;
    delete form.channel;
    const out = publicForm(form as unknown as NominationFormDto);
    expect(out.name).toBe('王建国');
    for (const k of SENSITIVE_AND_ROUTING) expect(out).not.toHaveProperty(k);
  });
});

describe('sealedForm', () => {
  it('keeps the sensitive fields only under sealed, encrypted', async () => {
    const out = sealedForm(await dto(), pii);
    for (const k of SENSITIVE_AND_ROUTING) expect(out).not.toHaveProperty(k);
    expect(Object.keys(out.sealed).sort()).toEqual(['homeAddress', 'idNumber', 'mobile']);
    expect(out.sealed.idNumber).not.toBe(ID);
    expect(out.sealed.mobile).not.toBe(MOBILE);
    expect(out.sealed.homeAddress).not.toBe(ADDRESS);
  });

  it('seals with the cipher: the same cipher decrypts each value', async () => {
    const out = sealedForm(await dto(), pii);
    expect(pii.decrypt(out.sealed.idNumber)).toBe(ID);
    expect(pii.decrypt(out.sealed.mobile)).toBe(MOBILE);
    expect(pii.decrypt(out.sealed.homeAddress)).toBe(ADDRESS);
  });

  it('cannot be opened with another key', async () => {
    const out = sealedForm(await dto(), pii);
    expect(() => otherPii.decrypt(out.sealed.idNumber)).toThrow();
  });

  it('holds no clear sensitive value anywhere', async () => {
    const text = JSON.stringify(sealedForm(await dto(), pii));
    for (const v of [ID, MOBILE, ADDRESS, '古岸头村', ROUND]) expect(text).not.toContain(v);
  });

  it('keeps the public fields equal to publicForm', async () => {
    const form = await dto();
    const { sealed, ...rest } = sealedForm(form, pii);
    expect(sealed).toBeDefined();
    expect(rest).toEqual(publicForm(form));
  });

  it('leaves out a home address that was not given', async () => {
    const form = await dto({ homeAddress: undefined });
    const out = sealedForm(form, pii);
    expect(Object.keys(out.sealed).sort()).toEqual(['idNumber', 'mobile']);
  });

  it('seals the same value differently each time (random IV)', async () => {
    const form = await dto();
    expect(sealedForm(form, pii).sealed.idNumber).not.toBe(sealedForm(form, pii).sealed.idNumber);
  });
});
