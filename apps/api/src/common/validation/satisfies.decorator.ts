import { FieldViolation } from '@pactwatch/domain';
import { registerDecorator, ValidationArguments } from 'class-validator';

/**
 * Validates a property with a rule from libs/domain, so the edge and the service (and the web
 * client) apply the same rule with the same message.
 */
export function Satisfies(rule: (value: unknown, field: string) => FieldViolation | null) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'satisfies',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (value: unknown, args: ValidationArguments) => rule(value, args.property) === null,
        defaultMessage: (args: ValidationArguments) => rule(args.value, args.property)?.message ?? `${args.property} is not valid`,
      },
    });
}

export const asText = (value: unknown): string | null | undefined =>
  value === null || value === undefined ? (value as null | undefined) : typeof value === 'string' ? value : String(value);
