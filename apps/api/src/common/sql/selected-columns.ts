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
): SelectedColumns<K> {
  if (!fields) return { select: allColumns(columns), names: undefined, key: '*' };
  // A selection's field set is one object per request and field (selectedNames keeps it), asked for
  // once per parent row: the choice is made once per set, not for each of 400 commitments.
  let byFields = CHOSEN.get(columns);
  if (!byFields) CHOSEN.set(columns, (byFields = new WeakMap()));
  let byAlways = byFields.get(fields);
  if (!byAlways) byFields.set(fields, (byAlways = new Map()));
  const alwaysKey = always.join(',');
  const kept = byAlways.get(alwaysKey) as SelectedColumns<K> | undefined;
  if (kept) return kept;
  const names = (Object.keys(columns) as K[]).filter((name) => always.includes(name) || fields.has(name));
  const chosen = { select: names.map((name) => columns[name]).join(', '), names, key: names.join(',') };
  byAlways.set(alwaysKey, chosen);
  return chosen;
}

export interface SelectedColumns<K extends string> {
  select: string;
  names: K[] | undefined;
  key: string;
}

const CHOSEN = new WeakMap<object, WeakMap<ReadonlySet<string>, Map<string, SelectedColumns<string>>>>();

/** Every column of such a map, for a SELECT list. */
export function allColumns(columns: Record<string, string>): string {
  return Object.values(columns).join(', ');
}
