export * from './payment.activities';
