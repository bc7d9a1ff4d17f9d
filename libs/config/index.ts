export * from './auth-config';
export * from './config';
export * from './tokens';
export * from './notify-config';
