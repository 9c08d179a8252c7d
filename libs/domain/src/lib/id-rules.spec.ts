import { isUuid } from './id-rules';

describe('isUuid', () => {
  it.each(['00000000-0000-4000-8000-000000000701', 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF', '0190a3c1-7b5e-7c3a-9f1e-3b2d4c5e6f70'])('accepts %s', (value) => {
    expect(isUuid(value)).toBe(true);
  });

  it.each([
    '',
    'not-a-uuid',
    '00000000-0000-4000-8000-00000000070g',
    '00000000-0000-4000-8000-0000000007011',
    ' 00000000-0000-4000-8000-000000000701',
    '00000000-0000-4000-8000-000000000701\n',
    '{00000000-0000-4000-8000-000000000701}',
    '00000000000040008000000000000701',
    '\ud800',
    '12345',
  ])('refuses %j', (value) => expect(isUuid(value)).toBe(false));

  it('refuses non-strings', () => {
    expect(isUuid(12345)).toBe(false);
    expect(isUuid(null)).toBe(false);
  });
});
