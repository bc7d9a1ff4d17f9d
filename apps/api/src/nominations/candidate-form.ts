import { birthDateOf, sexOf } from '../../../../libs/domain';
import type { PiiCipher } from '../../../../libs/security/pii';
import type { NominationFormDto } from './nomination.dto';

const SENSITIVE = ['idNumber', 'mobile', 'homeAddress'] as const;

/** The form without its sensitive fields: what may be stored and shown in clear. */
export function publicForm(form: NominationFormDto): Record<string, any> {
  // Sex and birth date are the ID number's: derived from it when the form leaves them out.
  const out: Record<string, unknown> = { ...form, sex: form.sex ?? sexOf(form.idNumber), birthDate: form.birthDate ?? birthDateOf(form.idNumber) };
  for (const k of [...SENSITIVE, 'roundId', 'channel', 'competitionResultId']) delete out[k];
  return JSON.parse(JSON.stringify(out)); // class instances to plain JSON
}

/** The form as a version row keeps it: public fields in clear, sensitive ones sealed. */
export function sealedForm(form: NominationFormDto, pii: PiiCipher): Record<string, any> {
  const sealed: Record<string, string> = {};
  for (const k of SENSITIVE) if (form[k]) sealed[k] = pii.encrypt(form[k]!);
  return { ...publicForm(form), sealed };
}
