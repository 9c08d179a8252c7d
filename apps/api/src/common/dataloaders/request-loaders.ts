import DataLoader from 'dataloader';

/**
 * The DataLoaders of one request, made on first use. A key names the relation and its arguments
 * (`commitment.evidence:5:`), so every parent asking for the same page shares one batch and one
 * SQL statement, whatever the page size.
 */
export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(key: string, batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
    let loader = this.loaders.get(key) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>((keys) => batch(keys), { maxBatchSize: 1000 });
      this.loaders.set(key, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }

  /** Loads many rows of a table by id, keyed by id: returns them in key order, null where missing. */
  static byId<V extends { id: string }>(rows: V[], keys: readonly string[]): (V | null)[] {
    const map = new Map(rows.map((r) => [r.id, r]));
    return keys.map((k) => map.get(k) ?? null);
  }

  /**
   * Groups child rows by the position of their parent among the batch's keys (1-based, as
   * `unnest($n::uuid[]) WITH ORDINALITY` numbers them): no parent id per row to read, keep and hash.
   */
  static byOrdinal<V extends { parentOrd: number }>(rows: V[], count: number): V[][] {
    const groups: V[][] = [];
    for (let i = 0; i < count; i++) groups.push([]);
    for (const row of rows) groups[row.parentOrd - 1].push(row);
    return groups;
  }

  /** Groups child rows by their parent key, in key order. */
  static grouped<V>(rows: V[], keys: readonly string[], parentOf: (row: V) => string): V[][] {
    const map = new Map<string, V[]>();
    for (const row of rows) {
      const parent = parentOf(row);
      const group = map.get(parent);
      if (group) group.push(row);
      else map.set(parent, [row]);
    }
    return keys.map((k) => map.get(k) ?? []);
  }
}
