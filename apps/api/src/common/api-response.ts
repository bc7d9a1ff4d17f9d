import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';

/** Every key of T — of each member, when T is a union. */
type AllKeys<T> = T extends unknown ? keyof T : never;

/**
 * What a response DTO lists: each field of the value the endpoint answers with. `class XDto implements
 * Fields<X>` stops compiling when X gains a field the DTO does not document, so the OpenAPI document
 * cannot fall behind what is sent (and a field nobody meant to send shows up in review).
 */
export type Fields<T> = Record<AllKeys<T>, unknown>;

/** What a service's method resolves to. */
export type Answer<S, K extends keyof S> = S[K] extends (...args: never[]) => infer R ? Awaited<R> : never;

/** One element of a list. */
export type ItemOf<T> = T extends ReadonlyArray<infer E> ? E : never;

/** A file's bytes in the OpenAPI document. */
export const BINARY = { type: 'string', format: 'binary' } as const;

/** A download: its bytes, as each content type it may be sent as. */
export function ApiFileResponse(description: string, ...contentTypes: string[]): MethodDecorator {
  return applyDecorators(ApiProduces(...contentTypes), ApiOkResponse({ description, schema: BINARY }));
}

/** May a field be null, or absent. */
export interface PropertyOptions {
  nullable?: boolean;
  optional?: boolean;
}
export const NULLABLE: PropertyOptions = { nullable: true };
export const OPTIONAL: PropertyOptions = { optional: true };

const prop = (schema: ApiPropertyOptions, description: string | undefined, { nullable = false, optional = false }: PropertyOptions) =>
  ApiProperty({ ...schema, description, required: !optional, ...(nullable && { nullable }) } as ApiPropertyOptions);

/** Short property decorators for response DTOs: the type, what it means, whether it may be null or absent. */
export const Text = (description?: string, o: PropertyOptions = {}) => prop({ type: String }, description, o);
export const OneOf = (values: readonly string[], description?: string, o: PropertyOptions = {}) => prop({ type: String, enum: [...values] }, description, o);
export const Int = (description?: string, o: PropertyOptions = {}) => prop({ type: 'integer' }, description, o);
export const Num = (description?: string, o: PropertyOptions = {}) => prop({ type: Number }, description, o);
export const Flag = (description?: string, o: PropertyOptions = {}) => prop({ type: Boolean }, description, o);
export const Texts = (description?: string, o: PropertyOptions = {}) => prop({ type: [String] }, description, o);
/** A nested object whose fields the description names. */
export const Obj = (description: string, o: PropertyOptions = {}) => prop({ type: 'object', additionalProperties: true }, description, o);
/** A list of objects whose fields the description names. */
export const Objs = (description: string, o: PropertyOptions = {}) => prop({ type: 'array', items: { type: 'object', additionalProperties: true } }, description, o);
/** A list of DTOs. */
export const ListOf = (type: Function, description?: string, o: PropertyOptions = {}) => prop({ type: [type] }, description, o);
/** One DTO. */
export const One = (type: Function, description?: string, o: PropertyOptions = {}) => prop({ type }, description, o);
