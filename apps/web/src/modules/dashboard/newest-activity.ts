import { isAfter } from '../live/live-cursor';

/** The `limit` newest entries of two lists of activity, each once, newest first (ids grow with time). */
export function newestActivity<T extends { id: string }>(a: readonly T[], b: readonly T[], limit: number): T[] {
  const byId = new Map<string, T>();
  for (const entry of [...a, ...b]) if (!byId.has(entry.id)) byId.set(entry.id, entry);
  return [...byId.values()].sort((x, y) => (x.id === y.id ? 0 : isAfter(x.id, y.id) ? -1 : 1)).slice(0, limit);
}
