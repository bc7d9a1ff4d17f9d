import { STATUS_LABELS, PRECHECK_LABELS } from '../../apps/api/src/candidates/candidate-labels';
import { names, type Kind } from '../../apps/console/src/enum-names';
import { CONDITIONS, FILE_CHANNELS, OUTCOMES, PAYMENT_KINDS, PHASES, ROLES, STAGES, STUDIO_STATUSES } from '../../libs/contract';
import { ATTACHMENT_KINDS } from '../../libs/db/entities/attachment.entity';
import { AREAS, INDUSTRIES, SKILL_LEVELS } from '../../libs/domain';

/**
 * Every code the contract defines, per kind of enumeration the console names. Statuses and pre-checks
 * are types only in the contract: their labels are typed complete records of them, so their keys are the codes.
 */
const CODES: Record<Kind, readonly string[]> = {
  stage: [...STAGES, ...PHASES],
  role: ROLES,
  outcome: OUTCOMES,
  status: Object.keys(STATUS_LABELS),
  channel: FILE_CHANNELS,
  industry: INDUSTRIES,
  area: AREAS,
  sex: ['male', 'female'],
  skillLevel: SKILL_LEVELS,
  condition: [...CONDITIONS, 'overall'],
  precheck: Object.keys(PRECHECK_LABELS),
  attachmentKind: ATTACHMENT_KINDS,
  seat: ['assigned', 'recused', 'conflict', 'scored'],
  entryOutcome: ['pending', 'selected', 'left_out', 'disqualified', 'approved', 'not_approved', 'commended', 'withdrawn'],
  objection: ['open', 'upheld', 'dismissed'],
  paymentKind: PAYMENT_KINDS,
  studioStatus: STUDIO_STATUSES,
};

const HAN = /\p{Script=Han}/u;

/** The console in English shows no raw code nor Chinese for an enumeration; in Chinese, Chinese. */
describe("the console's names of enumerations", () => {
  it('names every kind the console knows', () => {
    expect(Object.keys(CODES).sort()).toEqual(Object.keys(names.zh).sort());
    expect(Object.keys(names.en).sort()).toEqual(Object.keys(names.zh).sort());
  });

  it.each(Object.entries(CODES))('%s: every code has a Chinese and an English name, and no name is a code the dictionary does not know', (kind, codes) => {
    const zh = names.zh[kind as Kind] as Record<string, string>;
    const en = names.en[kind as Kind] as Record<string, string>;
    const missing = codes.filter((c) => !HAN.test(zh[c] ?? '') || !en[c] || HAN.test(en[c]) || en[c] === c);
    expect(missing).toEqual([]);
    expect(Object.keys(zh).sort()).toEqual([...codes].sort());
    expect(Object.keys(en).sort()).toEqual([...codes].sort());
  });

  it('names sub-districts in pinyin', () => {
    expect(names.en.area.louqiao).toBe('Louqiao Subdistrict');
    expect(names.en.area.zeya).toBe('Zeya Town');
  });
});
