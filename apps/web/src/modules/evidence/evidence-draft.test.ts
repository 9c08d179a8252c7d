import { describe, expect, it } from 'vitest';
import { checkDraft, draftOf, toEvidenceChanges } from './evidence-draft';

const saved = { url: 'https://example.org/a', title: 'A', kind: 'NEWS', stance: 'SUPPORTS', archiveUrl: null };

describe('the archived copy in the source form', () => {
  it('sends archiveUrl only when it changed: trimmed, and null when emptied', () => {
    const base = draftOf(saved);
    expect(toEvidenceChanges(base, { ...base })).toEqual({});
    expect(toEvidenceChanges(base, { ...base, archiveUrl: ' https://web.archive.org/a ' })).toEqual({ archiveUrl: 'https://web.archive.org/a' });
    const withCopy = draftOf({ ...saved, archiveUrl: 'https://web.archive.org/a' });
    expect(toEvidenceChanges(withCopy, { ...withCopy, archiveUrl: '' })).toEqual({ archiveUrl: null });
  });

  it('refuses an archived copy that is not an http(s) address, and accepts none', () => {
    const base = draftOf(saved);
    expect(checkDraft({ ...base, archiveUrl: 'ftp://example.org/a' }).archiveUrl).toBe('evidence.errors.urlScheme');
    expect(checkDraft({ ...base, archiveUrl: '' }).archiveUrl).toBeUndefined();
  });
});
