/**
 * Failure types carried as `ApplicationFailure.type` from workflows and activities; the API maps
 * each to an HTTP status (see apps/api/src/common/temporal-errors.ts).
 */
export enum FailureType {
  WrongStage = 'WrongStage', // 409: the candidate is not at the stage named
  NotAwaitingDecision = 'NotAwaitingDecision', // 409: e.g. the file is back with its submitter
  WrongRole = 'WrongRole', // 403: the caller's role does not own that stage
  InvalidRequest = 'InvalidRequest', // 400
  CandidateClosed = 'CandidateClosed', // 409: rejected, withdrawn or finished
  WrongPhase = 'WrongPhase', // 409: the round is not in the phase the action needs
  Unprocessable = 'Unprocessable', // 422: well-formed, but breaks a rule of the list (quota, coverage)
}
