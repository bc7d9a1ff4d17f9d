export * from './auth-config';
export * from './config';
export * from './tokens';
