// Every workflow type the worker registers. The legacy type is frozen: it only finishes the files it started.
export { candidateWorkflow } from './legacy/candidate.workflow';
export { candidateFileWorkflow } from './candidate-file/workflow';
export { paymentScheduleWorkflow } from './payment-schedule/workflow';
export { roundWorkflow } from './round/workflow';
