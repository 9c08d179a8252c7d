import { ErrorCode } from './error-code';

/** One refused input field, with a sentence the user can read. */
export interface FieldViolation {
  field: string;
  message: string;
}

export interface DomainErrorDetails {
  field?: string;
  violations?: FieldViolation[];
  [key: string]: unknown;
}

/** Ids up to this length are repeated in a not-found answer (a UUID has 36 characters, a party code 2). */
const MAX_ECHOED_ID = 64;

/** An expected failure of a business rule; the API maps `code` to its error response. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: DomainErrorDetails = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static badInput(violations: FieldViolation[]): DomainError {
    const all = [...violations];
    // An empty list is a caller bug, but the error must still read as a sentence.
    const message = all.length > 0 ? all.map((v) => v.message).join('; ') : 'The input is not valid';
    return new DomainError(ErrorCode.BAD_USER_INPUT, message, { field: all[0]?.field, violations: all });
  }

  /**
   * `field` names the input that held the id, where there was one. An id too long to be one is
   * cut short in the message and left out of the details: the answer does not echo a megabyte.
   */
  static notFound(what: string, id: string, field?: string): DomainError {
    const long = id.length > MAX_ECHOED_ID;
    const shown = long ? `${Array.from(id.slice(0, MAX_ECHOED_ID)).slice(0, 36).join('')}…` : id;
    const details: DomainErrorDetails = long ? {} : { id };
    return new DomainError(ErrorCode.NOT_FOUND, `${what} ${shown} was not found`, field ? { field, ...details } : details);
  }

  static conflict(message: string, details: DomainErrorDetails = {}): DomainError {
    return new DomainError(ErrorCode.CONFLICT, message, details);
  }
}
