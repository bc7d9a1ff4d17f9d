import type { ScreeningV1 } from './messages';

/** A field of a request and what is wrong with it (the API's 400 lists them; the workflow refuses with them). */
export interface FieldProblem {
  field: string;
  reason: string;
}

/**
 * A screening checks the batch's creation standard item by item: every criterion once, each with
 * its evidence, and a pass only when every one is met. One rule for the API's 400 (naming each
 * field) and the workflow's validator, so the two cannot drift apart.
 */
export function screeningProblems(standard: readonly string[], req: Pick<ScreeningV1, 'outcome' | 'criteria' | 'reason'>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  req.criteria.forEach((c, i) => {
    if (!standard.includes(c.criterion))
      problems.push({ field: `criteria.${i}.criterion`, reason: `'${c.criterion}' is not a criterion of this batch's creation standard` });
    else if (seen.has(c.criterion)) problems.push({ field: `criteria.${i}.criterion`, reason: `'${c.criterion}' is checked twice` });
    seen.add(c.criterion);
    if (!c.evidence?.trim()) problems.push({ field: `criteria.${i}.evidence`, reason: 'evidence is required for each criterion checked' });
  });
  const missing = standard.filter((c) => !seen.has(c));
  if (missing.length) problems.push({ field: 'criteria', reason: `every criterion of the batch must be checked; missing: ${missing.map((c) => `'${c}'`).join(', ')}` });
  const unmet = req.criteria.filter((c) => !c.met).map((c) => `'${c.criterion}'`);
  if (req.outcome === 'pass' && unmet.length) problems.push({ field: 'outcome', reason: `a pass needs every criterion met; not met: ${unmet.join(', ')}` });
  if (!req.reason?.trim()) problems.push({ field: 'reason', reason: 'a reason is required' });
  return problems;
}
