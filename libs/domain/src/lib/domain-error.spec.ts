import { DomainError } from './domain-error';
import { ErrorCode } from './error-code';

describe('DomainError', () => {
  it('is an Error with its own name, code and details', () => {
    const error = new DomainError(ErrorCode.FORBIDDEN, 'No access', { id: '7' });
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.name).toBe('DomainError');
    expect(error.message).toBe('No access');
    expect(error.code).toBe(ErrorCode.FORBIDDEN);
    expect(error.details).toEqual({ id: '7' });
    expect(error.stack).toContain('No access');
  });

  it('defaults details to an empty object', () => {
    expect(new DomainError(ErrorCode.INTERNAL, 'Oops').details).toEqual({});
  });

  describe('badInput', () => {
    it('joins every message and points at the first field', () => {
      const violations = [
        { field: 'title', message: 'title is required' },
        { field: 'url', message: 'url must use http or https' },
      ];
      const error = DomainError.badInput(violations);
      expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
      expect(error.message).toBe('title is required; url must use http or https');
      expect(error.details).toEqual({ field: 'title', violations });
    });

    it('keeps its own copy of the violations', () => {
      const violations = [{ field: 'title', message: 'title is required' }];
      const error = DomainError.badInput(violations);
      violations.push({ field: 'url', message: 'later' });
      expect(error.details.violations).toHaveLength(1);
    });

    it('still reads as a sentence when given no violations', () => {
      const error = DomainError.badInput([]);
      expect(error.message).toBe('The input is not valid');
      expect(error.details.field).toBeUndefined();
      expect(error.details.violations).toEqual([]);
    });
  });

  it('notFound names the thing and its id', () => {
    const error = DomainError.notFound('Commitment', '1234');
    expect(error.code).toBe(ErrorCode.NOT_FOUND);
    expect(error.message).toBe('Commitment 1234 was not found');
    expect(error.details).toEqual({ id: '1234' });
    expect(error.details.field).toBeUndefined();
  });

  it('conflict carries the given message and details', () => {
    const error = DomainError.conflict('The commitment was changed by someone else', { version: 3 });
    expect(error.code).toBe(ErrorCode.CONFLICT);
    expect(error.message).toBe('The commitment was changed by someone else');
    expect(error.details).toEqual({ version: 3 });
    expect(DomainError.conflict('Taken').details).toEqual({});
  });
});

describe('DomainError.notFound with a field', () => {
  it('does not echo an id too long to be one', () => {
    const error = DomainError.notFound('Commitment', 'x'.repeat(1024 * 1024), 'id');
    expect(error.message).toBe(`Commitment ${'x'.repeat(36)}… was not found`);
    expect(error.details).toEqual({ field: 'id' });
  });

  it('names the input that held the id', () => {
    const error = DomainError.notFound('Evidence', 'abc', 'evidenceIds');
    expect(error.message).toBe('Evidence abc was not found');
    expect(error.details).toEqual({ field: 'evidenceIds', id: 'abc' });
  });
});
