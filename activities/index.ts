export * from './payment.activities';
export * from './review.activities';
export * from './round.activities';
export * from './retention.activities';
export * from './studio.activities';
