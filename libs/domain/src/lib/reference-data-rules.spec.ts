import { checkLabel, checkPartyCode, checkThemeSlug, foldForSearch, normalizePartyCode } from './reference-data-rules';

describe('checkLabel', () => {
  it('accepts a one-line name and refuses empty, oversized, multi-line and broken text, naming the field', () => {
    expect(checkLabel('name', 'Secretaría de Relaciones Exteriores', { required: true })).toBeNull();
    expect(checkLabel('name', '   ', { required: true })).toEqual({ field: 'name', message: 'name is required' });
    expect(checkLabel('title', null)).toBeNull();
    expect(checkLabel('name', 'x'.repeat(201))?.message).toBe('name must be at most 200 characters');
    expect(checkLabel('name', 'two\nlines')?.message).toMatch(/one line/);
    expect(checkLabel('name', 'bell\u0007')?.message).toMatch(/control characters/);
    expect(checkLabel('name', 'half \ud800 pair')?.message).toMatch(/incomplete character/);
    expect(checkLabel('name', 42)?.message).toBe('name must be text');
  });
});

describe('party codes', () => {
  it('takes 2 to 10 letters or digits starting with a letter, in any case, and normalizes them', () => {
    expect(checkPartyCode('code', 'unhcr')).toBeNull();
    expect(checkPartyCode('code', ' EU ')).toBeNull();
    expect(normalizePartyCode(' unhcr ')).toBe('UNHCR');
    expect(checkPartyCode('code', 'E')?.field).toBe('code');
    expect(checkPartyCode('code', '1EU')).not.toBeNull();
    expect(checkPartyCode('code', 'E-U')).not.toBeNull();
    expect(checkPartyCode('code', 'ABCDEFGHIJK')).not.toBeNull();
    expect(checkPartyCode('code', '')?.message).toBe('code is required');
  });
});

describe('theme slugs', () => {
  it('takes lower-case words joined by single hyphens', () => {
    expect(checkThemeSlug('slug', 'anti-smuggling')).toBeNull();
    expect(checkThemeSlug('slug', 'quotas2024')).toBeNull();
    for (const bad of ['Anti', 'anti--smuggling', '-anti', 'anti smuggling', 'ñu', '']) expect(checkThemeSlug('slug', bad)).not.toBeNull();
    expect(checkThemeSlug('slug', 'a'.repeat(61))?.message).toBe('slug must be at most 60 characters');
  });
});

describe('foldForSearch', () => {
  it('drops accents and case', () => {
    expect(foldForSearch(' México ')).toBe('mexico');
    expect(foldForSearch('Perú')).toBe(foldForSearch('peru'));
  });
});
