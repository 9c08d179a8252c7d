/**
 * Of what is shown and what just arrived (a query answer or a live update), the one to show: the
 * arrival, unless it is an older version than what is shown. Changes that leave the version alone
 * (a comment, a source, a figure) arrive with the same version and replace it.
 */
export function newerCommitment<T extends { id: string; version: number }>(shown: T | null, arrived: T): T {
  if (!shown || shown.id !== arrived.id) return arrived;
  return arrived.version >= shown.version ? arrived : shown;
}
