import { DomainError, FieldViolation } from '@pactwatch/domain';
import { ValidationError } from 'class-validator';

/** class-validator's error tree as flat violations whose `field` is the input path (`newEvidence[0].url`). */
export function toViolations(errors: ValidationError[], parent = ''): FieldViolation[] {
  return errors.flatMap((e) => {
    const field = /^\d+$/.test(e.property) ? `${parent}[${e.property}]` : parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message: message.replace(e.property, field) }));
    return [...own, ...toViolations(e.children ?? [], field)];
  });
}

export function validationExceptionFactory(errors: ValidationError[]): DomainError {
  return DomainError.badInput(toViolations(errors));
}
