export * from './payment.activities';
export * from './review.activities';
