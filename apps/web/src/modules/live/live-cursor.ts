/**
 * Activity ids increase with every change of a workspace (a bigint, sent as a string). The client
 * remembers the last one it saw and resumes after it; anything at or before it is a replay.
 */
export function isAfter(id: string, cursor: string | null): boolean {
  if (cursor === null) return true;
  if (!/^\d+$/.test(id) || !/^\d+$/.test(cursor)) return id !== cursor;
  return BigInt(id) > BigInt(cursor);
}

/** The later of two cursors. */
export function laterCursor(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return isAfter(a, b) ? a : b;
}
