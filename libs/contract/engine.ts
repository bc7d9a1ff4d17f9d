import { defineSearchAttributeKey } from '@temporalio/common';

/** The task queue every workflow and activity of the programme runs on. */
export const TASK_QUEUE = 'candidates';

/**
 * Search attributes: registered on the namespace at boot; they let staff list candidate files by
 * stage and round. Values are ids and stage names only — never personal data.
 */
export const SA_STAGE = defineSearchAttributeKey('CandidateStage', 'KEYWORD');
export const SA_STATUS = defineSearchAttributeKey('CandidateStatus', 'KEYWORD');
export const SA_ROUND = defineSearchAttributeKey('RoundId', 'KEYWORD');
export const SEARCH_ATTRIBUTES = [SA_STAGE, SA_STATUS, SA_ROUND];
