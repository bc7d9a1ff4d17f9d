import { proxyActivities } from '@temporalio/workflow';
import type { PaymentActivities, ScheduleActivities, SubsidyStopActivities } from '../activities/payment.activities';
import type { ReviewActivities } from '../activities/review.activities';
import type { StudioActivities } from '../activities/studio.activities';

// Database hiccups are retried for as long as it takes: a due payment or a status report must not be dropped.
// Each activity is one short database write, so a worker that dies holding one is noticed after
// 15 s (not a minute) and the write is retried on another worker.
const options = {
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '1s', maximumInterval: '5 minutes', backoffCoefficient: 2 },
} as const;

export const payments = proxyActivities<PaymentActivities>(options);
export const subsidyStops = proxyActivities<SubsidyStopActivities>(options);
export const schedules = proxyActivities<ScheduleActivities>(options);
export const review = proxyActivities<ReviewActivities>(options);
export const studios = proxyActivities<StudioActivities>(options);

/** The workflow clock as an ISO instant (deterministic: Date.now() is the task's time). */
export const now = () => new Date(Date.now()).toISOString();
