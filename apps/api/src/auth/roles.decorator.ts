import { SetMetadata } from '@nestjs/common';
import type { Role } from '../../../../libs/contract';

export const ROLES_KEY = 'roles';
export const PUBLIC_KEY = 'public';

/** The roles an endpoint admits. Every endpoint declares its roles or is marked @Public(). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
export const Public = () => SetMetadata(PUBLIC_KEY, true);
