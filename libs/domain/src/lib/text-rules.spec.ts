import {
  characterCount,
  checkStorableText,
  checkText,
  DESCRIPTION_MAX_LENGTH,
  NAME_MAX_LENGTH,
  QUOTE_MAX_LENGTH,
  TITLE_MAX_LENGTH,
} from './text-rules';

describe('text limits', () => {
  it('has the agreed values', () => {
    expect(TITLE_MAX_LENGTH).toBe(300);
    expect(DESCRIPTION_MAX_LENGTH).toBe(20000);
    expect(QUOTE_MAX_LENGTH).toBe(5000);
    expect(NAME_MAX_LENGTH).toBe(200);
  });
});

describe('characterCount', () => {
  it('counts an emoji or astral character once', () => {
    expect(characterCount('abc')).toBe(3);
    expect(characterCount('🇲🇽')).toBe(2); // two regional-indicator code points
    expect(characterCount('𝒜')).toBe(1);
    expect(characterCount('')).toBe(0);
  });
});

describe('checkText', () => {
  const title = { required: true, max: TITLE_MAX_LENGTH };

  it('accepts exactly the limit and refuses one more', () => {
    expect(checkText('title', 'a'.repeat(300), title)).toBeNull();
    expect(checkText('title', 'a'.repeat(301), title)).toEqual({
      field: 'title',
      message: 'title must be at most 300 characters',
    });
  });

  it('counts characters, not UTF-16 units, against the limit', () => {
    expect(checkText('title', '😀'.repeat(300), title)).toBeNull();
    expect(checkText('title', '😀'.repeat(301), title)).not.toBeNull();
  });

  it('measures the text as given, spaces included', () => {
    expect(checkText('title', ` ${'a'.repeat(299)} `, title)).not.toBeNull();
  });

  it.each([null, undefined, '', '   ', '\t\n'])('refuses %j when required', (value) => {
    expect(checkText('title', value, title)).toEqual({ field: 'title', message: 'title is required' });
  });

  it.each([null, undefined, '', '   '])('accepts %j when optional', (value) => {
    expect(checkText('description', value, { max: DESCRIPTION_MAX_LENGTH })).toBeNull();
    expect(checkText('description', value, { required: false, max: DESCRIPTION_MAX_LENGTH })).toBeNull();
  });

  it('still applies the limit to optional text', () => {
    expect(checkText('quote', 'q'.repeat(5000), { max: QUOTE_MAX_LENGTH })).toBeNull();
    expect(checkText('quote', 'q'.repeat(5001), { max: QUOTE_MAX_LENGTH })).toEqual({
      field: 'quote',
      message: 'quote must be at most 5000 characters',
    });
  });

  it('accepts ordinary required text', () => {
    expect(checkText('name', 'Secretaría de Relaciones Exteriores', { required: true, max: NAME_MAX_LENGTH })).toBeNull();
  });

  it('refuses a non-string from a JS caller', () => {
    expect(checkText('name', 42 as unknown as string, { max: NAME_MAX_LENGTH })).toEqual({
      field: 'name',
      message: 'name must be text',
    });
  });
});

describe('checkStorableText', () => {
  it.each([
    ['a NUL character', 'Mexico\u0000to register', /must not contain the NUL character/],
    ['a lone high surrogate', '\ud800', /lone UTF-16 surrogate/],
    ['a lone low surrogate inside text', 'title \udfff end', /lone UTF-16 surrogate/],
    ['two halves in the wrong order', 'a\udc00\ud800b', /lone UTF-16 surrogate/],
    ['an emoji cut in half', '🌎\ud83c', /lone UTF-16 surrogate/],
  ])('refuses %s, naming the field', (_what, value, message) => {
    const violation = checkStorableText('title', value);
    expect(violation?.field).toBe('title');
    expect(violation?.message).toMatch(message);
  });

  it.each(['', 'plain', '🌎 astral characters, paired', '\u202eRTL marks\u200f', '\u0001 other control characters', '\uffff'])('accepts %j', (value) => {
    expect(checkStorableText('title', value)).toBeNull();
  });

  it('is part of checkText', () => {
    expect(checkText('title', 'a\ud800', { required: true, max: TITLE_MAX_LENGTH })?.message).toMatch(/lone UTF-16 surrogate/);
  });
});
