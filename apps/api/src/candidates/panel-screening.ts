import { ConflictException } from '@nestjs/common';
import type { PanelAssignmentV1 } from '../../../../libs/contract';
import type { PanelEmployerCheckEntity } from '../../../../libs/db';
import { badRequest, type FieldError } from '../common/validation';
import { compareEmployers } from './employer-match';
import type { PanelExpertDto } from './panel.dto';

/** Reasons the workflow records on a recused seat: no names, since the seat's reason reaches the workflow's history. */
export const RECUSED_SAME_EMPLOYER = "works for the candidate's employer";
export const RECUSED_ON_CONFIRMATION = "the programme office confirmed a link to the candidate's employer";

export type EmployerCheck = Omit<PanelEmployerCheckEntity, 'id' | 'candidateId' | 'decidedBy' | 'at'>;

export interface ScreenedPanel {
  experts: PanelAssignmentV1['experts'];
  /** The experts whose employer matched or resembled the candidate's, and what was done: kept for the audit. */
  checks: EmployerCheck[];
}

/**
 * Compares each expert's employer with the candidate's before anyone is seated (回避). The same
 * employer is recused without asking. A near match is never decided silently: unless the request
 * says, expert by expert, whether to recuse or keep them, nobody is seated and a 409 lists them.
 */
export function screenPanel(candidateEmployer: string, experts: PanelExpertDto[]): ScreenedPanel {
  const compared = experts.map((e, index) => ({ e, index, match: compareEmployers(e.employer, candidateEmployer) }));

  const misplaced: FieldError[] = compared
    .filter(({ e, match }) => e.nearMatch && match.kind !== 'near')
    .map(({ e, index, match }) => ({
      field: `experts.${index}.nearMatch`,
      reason:
        match.kind === 'same'
          ? `"${e.employer}" is the candidate's employer: the expert is recused automatically, there is nothing to confirm`
          : `"${e.employer}" does not resemble the candidate's employer: there is nothing to confirm`,
    }));
  if (misplaced.length) throw badRequest(misplaced);

  const unconfirmed = compared.filter(({ e, match }) => match.kind === 'near' && !e.nearMatch);
  if (unconfirmed.length) {
    const nearMatches = unconfirmed.map(({ e, index, match }) => ({
      field: `experts.${index}.nearMatch`,
      userId: e.userId,
      employer: e.employer,
      candidateEmployer,
      why: match.kind === 'near' ? match.why : '',
      similarity: match.similarity,
    }));
    throw new ConflictException({
      statusCode: 409,
      error: 'Conflict',
      message:
        `employer near the candidate's ("${candidateEmployer}"): ` +
        nearMatches.map((n) => `${n.field.replace('.nearMatch', '')} ${n.userId} "${n.employer}" (${n.why})`).join('; ') +
        ` — confirm each with nearMatch: {decision: "recuse" or "keep", note}; nobody was seated`,
      nearMatches,
    });
  }

  const checks: EmployerCheck[] = [];
  const seats = compared.map(({ e, match }) => {
    if (match.kind === 'different') return { userId: e.userId };
    const recuse = match.kind === 'same' || e.nearMatch!.decision === 'recuse';
    checks.push({
      expertUserId: e.userId,
      expertEmployer: e.employer,
      candidateEmployer,
      match: match.kind,
      why: match.why,
      similarity: match.similarity,
      outcome: recuse ? 'recused' : 'kept',
      automatic: match.kind === 'same',
      note: e.nearMatch?.note.trim() ?? null,
    });
    if (!recuse) return { userId: e.userId };
    return { userId: e.userId, recusedBecause: match.kind === 'same' ? RECUSED_SAME_EMPLOYER : RECUSED_ON_CONFIRMATION };
  });
  return { experts: seats, checks };
}
