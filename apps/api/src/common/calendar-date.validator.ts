import { registerDecorator, type ValidationOptions } from 'class-validator';

/** True for a YYYY-MM-DD string naming a day that exists (no 30 February). */
export function isCalendarDate(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function IsCalendarDate(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be a real date YYYY-MM-DD`, ...options },
      validator: { validate: isCalendarDate },
    });
}

/** The programme's first year (the notice of 2017): no payment, departure or visit predates it. */
export const PROGRAMME_START = '2017-01-01';
/** Far enough ahead for any plan the programme makes; past it a date is a typing error or an attack. */
export const LATEST_DATE = '2100-12-31';

/** A YYYY-MM-DD date between `from` and `to` (inclusive); put above IsCalendarDate, which reports a malformed date first. */
export function DateWithin(from: string = PROGRAMME_START, to: string = LATEST_DATE, options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'dateWithin',
      target: target.constructor,
      propertyName,
      options: {
        message:
          from === PROGRAMME_START
            ? `${propertyName} must be on or after ${from}, when the programme began, and by ${to}`
            : `${propertyName} must be between ${from} and ${to}`,
        ...options,
      },
      validator: { validate: (value: unknown) => typeof value !== 'string' || (value >= from && value <= to) },
    });
}
