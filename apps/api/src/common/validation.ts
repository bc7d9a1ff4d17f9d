import { BadRequestException, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { normaliseInput } from './normalise';

export interface FieldError {
  field: string;
  reason: string;
}

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Rules across fields of a body type, run beside the field validators so one 400 lists everything. */
export type CrossFieldRules = Map<Function, (body: any) => FieldError[]>;

class FieldValidationPipe extends ValidationPipe {
  constructor(private readonly rules: CrossFieldRules) {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: true, // one reason per field: the first rule it breaks
      exceptionFactory: (errors) => badRequest(flatten(errors)),
    });
  }

  override async transform(raw: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Text is cleaned, and the unacceptable refused, before any validator or transformer sees it.
    const checked = metadata.type === 'body' || metadata.type === 'query' ? normaliseInput(raw) : { value: raw, problems: [] };
    if (checked.problems.length) throw badRequest(checked.problems);
    const value = checked.value;
    const rule = metadata.metatype && this.rules.get(metadata.metatype);
    if (!rule) return super.transform(value, metadata);
    let fields: FieldError[] = [];
    let result: unknown;
    try {
      result = await super.transform(value, metadata);
    } catch (err) {
      if (!(err instanceof BadRequestException)) throw err;
      fields = (err.getResponse() as { fields?: FieldError[] }).fields ?? [];
    }
    // A field already refused on its own is not judged again against the others.
    const more = rule(result ?? value ?? {}).filter((p) => !fields.some((f) => f.field === p.field));
    if (fields.length || more.length) throw badRequest([...fields, ...more]);
    return result;
  }
}

/** Refuses unknown fields and lists every bad field with its reason, in one 400. */
export function validationPipe(rules: CrossFieldRules = new Map()): ValidationPipe {
  return new FieldValidationPipe(rules);
}

/** A 400 in the same shape the ValidationPipe gives, for rules that span fields or need the database. */
export function badRequest(fields: FieldError[]): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: fields.map((f) => `${f.field}: ${f.reason}`).join('; '),
    fields,
  });
}
