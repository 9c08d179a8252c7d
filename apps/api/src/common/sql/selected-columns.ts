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
  // once per parent row: the choice is made once per set, not for each of 400 commitments. Callers
  // pass module constants for `columns` and `always`, so those key the memo as they are.
  let byAlways = CHOSEN.get(columns);
  if (!byAlways) CHOSEN.set(columns, (byAlways = new WeakMap()));
  let byFields = byAlways.get(always);
  if (!byFields) byAlways.set(always, (byFields = new WeakMap()));
  const kept = byFields.get(fields) as SelectedColumns<K> | undefined;
  if (kept) return kept;
  const names = (Object.keys(columns) as K[]).filter((name) => always.includes(name) || fields.has(name));
  const chosen = { select: names.map((name) => columns[name]).join(', '), names, key: names.join(',') };
  byFields.set(fields, chosen);
  return chosen;
}

export interface SelectedColumns<K extends string> {
  select: string;
  names: K[] | undefined;
  key: string;
}

const CHOSEN = new WeakMap<object, WeakMap<readonly string[], WeakMap<ReadonlySet<string>, SelectedColumns<string>>>>();

/** Every column of such a map, for a SELECT list. */
export function allColumns(columns: Record<string, string>): string {
  return Object.values(columns).join(', ');
}
