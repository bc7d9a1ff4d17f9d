// Every workflow type the worker registers. Legacy types are frozen: they only finish the runs they started.
export { candidateWorkflow } from './legacy/candidate.workflow';
export { paymentScheduleWorkflow } from './legacy/payment-schedule-v1.workflow';
export { candidateFileWorkflow } from './candidate-file/workflow';
export { paymentScheduleV2Workflow } from './payment-schedule/workflow';
export { roundWorkflow } from './round/workflow';
export { retentionSweepWorkflow } from './retention/workflow';
export { studioWorkflow } from './studio/workflow';
