import { setHandler } from '@temporalio/workflow';
import {
  correctDeparture,
  correctDepartureUpdate,
  recordDeparture,
  recordDepartureUpdate,
  refuseDeparture,
  refuseDepartureCorrection,
  type CandidateStateV2,
  type DepartureCorrectionV1,
  type DepartureRequestV1,
} from '../libs/contract';
import { now } from './activity-proxies';
import { validate } from './validate';

/**
 * The departure and its correction on a run that only records them — the file in the moment
 * between commendation and its schedule, a frozen v1 schedule — so neither is lost or refused for
 * want of a handler; the v2 schedule settles what stands when it takes over.
 */
export function recordDepartures(state: CandidateStateV2, changed: () => void): void {
  setHandler(
    recordDepartureUpdate,
    (req) => {
      recordDeparture(state, req, now());
      changed();
      return state;
    },
    { validator: validate((req: DepartureRequestV1) => refuseDeparture(state, req)) },
  );
  setHandler(
    correctDepartureUpdate,
    (req) => {
      correctDeparture(state, req, now());
      changed();
      return state;
    },
    { validator: validate((req: DepartureCorrectionV1) => refuseDepartureCorrection(state, req)) },
  );
}
