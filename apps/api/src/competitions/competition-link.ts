import type { PrecheckResult } from '../../../../libs/contract';
import type { CandidateEntity } from '../../../../libs/db';
import type { FieldError } from '../common/validation';
import type { LinkedResult } from './competition.repository';

/** Names compared as people write them: full-width forms folded (NFKC), spaces ignored (王 建国 is 王建国). */
export function sameName(a: string, b: string): boolean {
  const fold = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
  return fold(a) === fold(b);
}

/**
 * Why a nomination may not rest on the result it links: none is recorded under that id, or it was won
 * by somebody else. The reasons name the field and the result, never the names compared (a refusal is
 * kept in the audit log, which holds no names).
 */
export function linkProblems(form: { name: string }, resultId: string, result: LinkedResult | null): FieldError[] {
  if (!result) return [{ field: 'competitionResultId', reason: `no competition result ${resultId} is recorded (see GET /competitions/:id)` }];
  if (!sameName(form.name, result.name)) {
    return [{ field: 'name', reason: `name does not match the competitor recorded for competitionResultId ${resultId}` }];
  }
  return [];
}

/** The competition on the form, as the record gives it: the nominator does not retype it. */
export function competitionOnForm(result: LinkedResult) {
  const c = result.competition;
  return { name: c.name, year: Number(c.heldOn.slice(0, 4)), placing: result.placing, organiser: c.organiser };
}

const LEVEL_NAMES: Record<string, string> = { district: '区级', city: '市级', provincial: '省级', national: '国家级' };

/**
 * Qualification's check of a competition-channel file against the competition's record, made when the
 * file is read (like the consent's), so a name corrected later is judged again. Other channels: none.
 */
export function competitionPrecheck(row: Pick<CandidateEntity, 'channel' | 'name' | 'employer' | 'competitionResultId'>, linked: LinkedResult | null): PrecheckResult[] {
  if (row.channel !== 'competition') return [];
  const check = 'competition_result' as const;
  if (!row.competitionResultId || !linked) {
    return [
      {
        check,
        passed: false,
        detail: 'the placing is typed in on the form, not linked to a recorded result (competitionResultId): check it against the organiser’s results',
      },
    ];
  }
  if (!sameName(row.name, linked.name)) {
    return [{ check, passed: false, detail: `the name on the file does not match the competitor recorded for result ${linked.id}` }];
  }
  const c = linked.competition;
  const employer = row.employer === linked.employer ? 'the same employer' : `entered for ${linked.employer}, the file names another employer`;
  return [
    {
      check,
      passed: true,
      detail: `verified against the record: ${c.name} (${LEVEL_NAMES[c.level] ?? c.level}, ${c.heldOn}, ${c.organiser}), placing ${linked.placing}${linked.award ? ` ${linked.award}` : ''}; ${employer}`,
    },
  ];
}
