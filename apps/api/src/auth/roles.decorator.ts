import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Role } from '../../../../libs/contract';

export const ROLES_KEY = 'roles';
export const PUBLIC_KEY = 'public';

/**
 * The roles an endpoint admits. Every endpoint declares its roles or is marked @Public(). The OpenAPI
 * document carries them too (`x-roles`, `x-public`), so clients, and the authorisation matrix test,
 * read who may call what from one source.
 */
export const Roles = (...roles: Role[]) => applyDecorators(SetMetadata(ROLES_KEY, roles), ApiExtension('x-roles', roles));
export const Public = () => applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiExtension('x-public', true));
