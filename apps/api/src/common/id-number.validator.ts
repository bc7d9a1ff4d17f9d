import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { idNumberProblem } from '../../../../libs/domain';

/** A GB 11643 resident ID number; the error says exactly what is wrong with it. */
export function IsIdNumber(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isIdNumber',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => idNumberProblem(value) === null,
        defaultMessage: (args?: ValidationArguments) => `idNumber ${idNumberProblem(args?.value) ?? 'is invalid'}`,
      },
    });
}
