export * from './chain';
export * from './redact';
export * from './audit-log';
