import type { CandidateEntity } from '../../../../libs/db';
import type { PiiCipher } from '../../../../libs/security/pii';
import type { TokenClaims } from '../../../../libs/security/token';
import type { BenefitStatus } from '../benefits/benefit-rules';
import { personalData } from '../candidates/candidate-view';
import type { RegisterRow } from '../register/register.repository';
import { officeEntry } from '../register/register-view';

/**
 * What staff see of a named master — the one view for `GET /masters`: the file's fields listed one by
 * one (a field added to the file later stays out until someone decides who may see it), personal data
 * through the one masking rule, the register entry as the office reads it (what the public does not
 * see included), and how many of the master's benefits stand at each status.
 */
export function masterView(row: RegisterRow, file: CandidateEntity, benefits: Record<BenefitStatus, number>, claims: TokenClaims, pii: PiiCipher) {
  return {
    candidateId: row.candidateId,
    name: row.name,
    yearNamed: row.yearNamed,
    namedOn: row.namedOn,
    industry: file.industry,
    trade: file.trade,
    skillLevel: file.skillLevel,
    employer: file.employer,
    area: file.area,
    ...personalData(file, claims, pii),
    register: officeEntry(row),
    benefits,
  };
}

export type MasterView = ReturnType<typeof masterView>;
