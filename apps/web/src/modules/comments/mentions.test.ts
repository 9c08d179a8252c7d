import { describe, expect, it } from 'vitest';
import { insertMention, mentionAt, mentionedIds } from './mentions';

describe('mentionAt', () => {
  it('finds the name being typed after @ at the caret', () => {
    expect(mentionAt('Ask @ol', 7)).toEqual({ start: 4, end: 7, query: 'ol' });
    expect(mentionAt('@', 1)).toEqual({ start: 0, end: 1, query: '' });
    expect(mentionAt('(@ana', 5)).toEqual({ start: 1, end: 5, query: 'ana' });
    expect(mentionAt('line one\n@ana', 13)).toEqual({ start: 9, end: 13, query: 'ana' });
  });

  it('looks only at what is before the caret', () => {
    expect(mentionAt('Ask @olga today', 7)).toEqual({ start: 4, end: 7, query: 'ol' });
    expect(mentionAt('Ask @olga today', 15)).toBeNull();
  });

  it('ignores an @ inside a word or an email address, and a finished mention', () => {
    expect(mentionAt('mail analyst@pactwatch.test', 27)).toBeNull();
    expect(mentionAt('@Ana Analyst ', 13)).toBeNull();
    expect(mentionAt('no at sign', 10)).toBeNull();
    expect(mentionAt('@ana@b', 6)).toBeNull();
    expect(mentionAt(`@${'x'.repeat(51)}`, 52)).toBeNull();
  });
});

describe('insertMention', () => {
  it('replaces the typed part with the full name and a space, caret after it', () => {
    expect(insertMention('Ask @ol about it', { start: 4, end: 7, query: 'ol' }, 'Olga Owner')).toEqual({ text: 'Ask @Olga Owner about it', caret: 16 });
    expect(insertMention('@an', { start: 0, end: 3, query: 'an' }, 'Ana Analyst')).toEqual({ text: '@Ana Analyst ', caret: 13 });
  });
});

describe('mentionedIds', () => {
  const ana = { id: 'u1', name: 'Ana Analyst' };
  const olga = { id: 'u2', name: 'Olga Owner' };

  it('keeps the picked members whose @Name is still in the text, once each', () => {
    expect(mentionedIds('@Ana Analyst and @Olga Owner, see this. @Ana Analyst?', [ana, olga, ana])).toEqual(['u1', 'u2']);
  });

  it('drops a member whose mention was deleted or changed', () => {
    expect(mentionedIds('@Ana Analyst and Olga Owner', [ana, olga])).toEqual(['u1']);
    expect(mentionedIds('@Ana Analysts are busy', [ana])).toEqual([]);
    expect(mentionedIds('mail x@Ana Analyst', [ana])).toEqual([]);
  });

  it('treats names literally, not as patterns', () => {
    expect(mentionedIds('@J. (Jr) Doe+ hi', [{ id: 'u3', name: 'J. (Jr) Doe+' }])).toEqual(['u3']);
    expect(mentionedIds('@JX (Jr) Doe hi', [{ id: 'u3', name: 'J. (Jr) Doe+' }])).toEqual([]);
  });
});
