/** An @mention being typed: where its "@" is, where the caret is, and the text between them. */
export interface MentionDraft {
  /** Index of the "@". */
  start: number;
  /** Index just after what was typed (the caret). */
  end: number;
  query: string;
}

export interface MentionedMember {
  id: string;
  name: string;
}

/** At most this much after "@" counts as a search; anything longer is just text. */
const MAX_QUERY = 50;

/**
 * The mention the caret is in, if any: an "@" at the start or after a space or an opening bracket
 * or quote (not inside an email address), then up to the caret no space and no second "@".
 */
export function mentionAt(text: string, caret: number): MentionDraft | null {
  const before = text.slice(0, Math.max(0, Math.min(caret, text.length)));
  const at = before.lastIndexOf('@');
  if (at < 0) return null;
  const query = before.slice(at + 1);
  if (query.length > MAX_QUERY || /[\s@]/u.test(query)) return null;
  const previous = at === 0 ? '' : before[at - 1];
  if (previous !== '' && !/[\s([{"'“‘]/u.test(previous)) return null;
  return { start: at, end: before.length, query };
}

/** Replaces what was typed with "@Name " and puts the caret after it. */
export function insertMention(text: string, draft: MentionDraft, name: string): { text: string; caret: number } {
  const inserted = `@${name} `;
  const rest = text.slice(draft.end).replace(/^ /, '');
  return { text: `${text.slice(0, draft.start)}${inserted}${rest}`, caret: draft.start + inserted.length };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The members picked from the suggestions whose "@Name" is still in the text (the writer may have
 * deleted or changed it since), each once, in the order first picked.
 */
export function mentionedIds(text: string, picked: readonly MentionedMember[]): string[] {
  const ids: string[] = [];
  for (const member of picked) {
    if (ids.includes(member.id) || !member.name) continue;
    const mention = new RegExp(`(^|[^\\p{L}\\p{N}_@.])@${escapeRegExp(member.name)}(?![\\p{L}\\p{N}_])`, 'u');
    if (mention.test(text)) ids.push(member.id);
  }
  return ids;
}
