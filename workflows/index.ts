export { candidateWorkflow } from './candidate.workflow';
