import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { badRequest } from './validation';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path parameter that must be a UUID: a 400 naming the parameter (`id: must be a UUID`), as the body's fields are named. */
@Injectable()
export class UuidParam implements PipeTransform<unknown, string> {
  transform(value: unknown, meta: ArgumentMetadata): string {
    if (typeof value === 'string' && UUID.test(value)) return value;
    throw badRequest([{ field: meta.data || 'id', reason: 'must be a UUID' }]);
  }
}

export const uuid = new UuidParam();
