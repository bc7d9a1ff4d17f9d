import type { PrecheckResult } from '../../../../libs/contract';
import { birthDateOf, idNumberProblem, sexOf } from '../../../../libs/domain';
import { shanghaiDate } from '../../../../libs/contract';
import type { FieldError } from '../common/validation';
import type { CreateNominationDto, NominationFormDto } from './nomination.dto';

export interface IntakeRules {
  minYearsOfWork: number;
  workingAge: { min: number; max: number };
}

/** Whole years between a birth date and a day, both YYYY-MM-DD. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Rules across fields, answered in the same shape as the field validators' 400. */
export function formProblems(
  form: NominationFormDto & Partial<Pick<CreateNominationDto, 'channel' | 'competitionResultId'>>,
  rules: IntakeRules,
  now: Date,
): FieldError[] {
  const problems: FieldError[] = [];
  // Also run on a body the field validators refused: judge only what is well-formed enough to judge.
  if (idNumberProblem(form.idNumber) === null) problems.push(...identityProblems(form, rules, now));
  if (form.industry === 'other' && !form.industryJustification) {
    problems.push({ field: 'industryJustification', reason: "industryJustification is required when industry is 'other'" });
  }
  problems.push(...competitionProblems(form));
  const signedOn = form.consent?.signedOn;
  if (typeof signedOn === 'string' && signedOn > shanghaiDate(now.getTime())) problems.push({ field: 'consent.signedOn', reason: 'consent.signedOn is after today' });
  const kinds = (Array.isArray(form.conditions) ? form.conditions : []).map((c) => c?.kind);
  const repeated = kinds.find((k, i) => k && kinds.indexOf(k) !== i);
  if (repeated) problems.push({ field: 'conditions', reason: `condition '${repeated}' is claimed twice` });
  return problems;
}

/** The competition channel rests on a placing: a recorded result linked (competitionResultId), or one typed in (competition) — not both. */
function competitionProblems(form: Partial<Pick<CreateNominationDto, 'channel' | 'competition' | 'competitionResultId'>>): FieldError[] {
  const linked = form.competitionResultId !== undefined;
  if (form.channel === 'competition' && !form.competition && !linked) {
    return [{ field: 'competition', reason: 'competition (name, year, placing) is required for the competition channel, or competitionResultId for a recorded result' }];
  }
  if (form.channel && form.channel !== 'competition') {
    return [
      ...(form.competition ? [{ field: 'competition', reason: 'competition is given only for the competition channel' }] : []),
      ...(linked ? [{ field: 'competitionResultId', reason: 'competitionResultId is given only for the competition channel' }] : []),
    ];
  }
  if (linked && form.competition) {
    return [{ field: 'competition', reason: 'competition comes from the linked result (competitionResultId): leave it out' }];
  }
  return [];
}

/** Sex, birth date and age against a valid ID number. */
function identityProblems(form: NominationFormDto, rules: IntakeRules, now: Date): FieldError[] {
  const problems: FieldError[] = [];
  const born = birthDateOf(form.idNumber)!;
  if (form.sex && form.sex !== sexOf(form.idNumber)) {
    problems.push({ field: 'sex', reason: `sex '${form.sex}' does not agree with the ID number, which is a ${sexOf(form.idNumber)}'s` });
  }
  if (form.birthDate && form.birthDate !== born) {
    problems.push({ field: 'birthDate', reason: `birthDate ${form.birthDate} does not agree with the ID number, which gives ${born}` });
  }
  const age = ageOn(born, shanghaiDate(now.getTime()));
  if (age < rules.workingAge.min || age > rules.workingAge.max) {
    problems.push({ field: 'idNumber', reason: `the person is ${age}, outside working age (${rules.workingAge.min}-${rules.workingAge.max})` });
  }
  return problems;
}

/** The automatic pre-checks shown to the qualification reviewer. */
export function prechecks(form: NominationFormDto, rules: IntakeRules): PrecheckResult[] {
  const claimed = form.conditions?.length ?? 0;
  return [
    {
      check: 'years_of_work',
      passed: form.yearsOfWork >= rules.minYearsOfWork,
      detail: `${form.yearsOfWork} years of front-line work in the district (at least ${rules.minYearsOfWork} required)`,
    },
    {
      check: 'industry_scope',
      passed: form.industry !== 'other',
      detail:
        form.industry === 'other'
          ? `outside the six traditional industries; admitted only as an exception: ${form.industryJustification ?? 'no justification'}`
          : `${form.industry} is one of the six traditional industries`,
    },
    {
      check: 'conditions',
      passed: claimed > 0,
      detail: claimed ? `claims ${form.conditions!.map((c) => c.kind).join(', ')}` : 'claims none of the four conditions',
    },
  ];
}
