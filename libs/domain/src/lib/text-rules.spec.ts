import {
  characterCount,
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
