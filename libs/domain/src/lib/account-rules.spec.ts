import { checkEmail, checkLocale, checkPassword, isLocale, normalizeEmail, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './account-rules';

describe('account rules', () => {
  it('takes passwords from 10 to 256 characters', () => {
    expect(checkPassword('x'.repeat(PASSWORD_MIN_LENGTH))).toBeNull();
    expect(checkPassword('x'.repeat(PASSWORD_MAX_LENGTH))).toBeNull();
    expect(checkPassword('x'.repeat(PASSWORD_MIN_LENGTH - 1))?.message).toBe('password must be at least 10 characters');
    expect(checkPassword('x'.repeat(PASSWORD_MAX_LENGTH + 1), 'newPassword')).toEqual({
      field: 'newPassword',
      message: 'newPassword must be at most 256 characters',
    });
    expect(checkPassword(undefined)?.field).toBe('password');
  });

  it('takes plain email addresses and compares them without case', () => {
    expect(checkEmail('analyst@pactwatch.test')).toBeNull();
    for (const bad of ['analyst', 'a@b', 'a b@c.d', '', `${'a'.repeat(250)}@b.cd`, 42]) {
      expect(checkEmail(bad)).toEqual({ field: 'email', message: 'email must be an email address' });
    }
    expect(normalizeEmail('  Analyst@PactWatch.TEST ')).toBe('analyst@pactwatch.test');
  });

  it("refuses what validator's isEmail refuses: display names, angle brackets, two @, a domain without a dot", () => {
    for (const bad of ['evil<victim@evil.example>', 'Evil <victim@evil.example>', '<victim@evil.example>', 'a@b@c.example', 'a@localhost', 'a@-b.example', 'a..b@c.example']) {
      expect({ bad, violation: checkEmail(bad) }).toEqual({ bad, violation: { field: 'email', message: 'email must be an email address' } });
    }
    for (const good of ['analyst@pactwatch.test', ' Ines.Invited@Example.org ', 'first+tag@sub.example.co.uk', 'josé@example.es']) {
      expect({ good, violation: checkEmail(good) }).toEqual({ good, violation: null });
    }
    expect(checkEmail('evil<victim@evil.example>', 'address')?.field).toBe('address');
  });

  it('takes en and es as a language, or none, and names the field otherwise', () => {
    expect(checkLocale('en')).toBeNull();
    expect(checkLocale('es')).toBeNull();
    expect(checkLocale(undefined)).toBeNull();
    expect(checkLocale(null)).toBeNull();
    for (const bad of ['', 'EN', 'fr', 'es-MX', ' es', 3]) {
      expect({ bad, violation: checkLocale(bad, 'locale') }).toEqual({ bad, violation: { field: 'locale', message: 'locale must be one of en, es' } });
    }
    expect(isLocale('es')).toBe(true);
    expect(isLocale('fr')).toBe(false);
  });
});
