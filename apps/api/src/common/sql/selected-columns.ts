/**
 * The columns for the fields a selection shows, from a map of field name → column (`'e.published_on
 * AS "publishedOn"'`): those of the selected fields and of `always`, in the map's order; all of
 * them when the selection is not known. `key` names the choice, for a DataLoader key; `names` are
 * the fields read.
 */
export function selectedColumns<K extends string>(
  columns: Record<K, string>,
  fields: ReadonlySet<string> | null | undefined,
  always: readonly K[],
): { select: string; names: K[] | undefined; key: string } {
  if (!fields) return { select: allColumns(columns), names: undefined, key: '*' };
  const names = (Object.keys(columns) as K[]).filter((name) => always.includes(name) || fields.has(name));
  return { select: names.map((name) => columns[name]).join(', '), names, key: names.join(',') };
}

/** Every column of such a map, for a SELECT list. */
export function allColumns(columns: Record<string, string>): string {
  return Object.values(columns).join(', ');
}
