import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { writeSeed } from './seed-loader';
import { SeedData, US_MEXICO_SEED } from './us-mexico-migration-talks.seed-data';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The US–Mexico seed for another workspace: every id new, except the parties, organizations and
 * themes the workspace already has under the same code, acronym or slug, which the example uses.
 */
export async function exampleFor(m: EntityManager, workspaceId: string, seed: SeedData = US_MEXICO_SEED): Promise<SeedData> {
  const ids = new Map<string, string>([[seed.workspace.id, workspaceId]]);
  /** Existing rows of the workspace with the same key take the place of the seed's rows. */
  const reuse = async <T extends { id: string }>(sql: string, rows: T[], keyOf: (row: T) => string) => {
    const found: { id: string; key: string }[] = await m.query(sql, [workspaceId, rows.map(keyOf)]);
    for (const f of found) {
      const seedRow = rows.find((r) => keyOf(r) === f.key);
      if (seedRow) ids.set(seedRow.id, f.id);
    }
  };
  await reuse('SELECT id, code AS key FROM parties WHERE workspace_id = $1 AND code = ANY($2::text[])', seed.parties, (p) => p.code);
  await reuse('SELECT id, acronym AS key FROM organizations WHERE workspace_id = $1 AND acronym = ANY($2::text[])', seed.organizations, (o) => o.acronym);
  await reuse('SELECT id, slug AS key FROM themes WHERE workspace_id = $1 AND slug = ANY($2::text[])', seed.themes, (t) => t.slug);
  const swap = (x: unknown): unknown => {
    if (typeof x === 'string' && UUID.test(x)) {
      if (!ids.has(x)) ids.set(x, randomUUID());
      return ids.get(x);
    }
    if (Array.isArray(x)) return x.map(swap);
    if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, swap(v)]));
    return x;
  };
  return swap(seed) as SeedData;
}

/** Writes the example into the workspace (inside the caller's transaction); what it wrote, counted. */
export async function loadExampleInto(m: EntityManager, workspaceId: string): Promise<{ agreementCount: number; commitmentCount: number }> {
  const seed = await exampleFor(m, workspaceId);
  await writeSeed(m, seed, { history: 'always' });
  return { agreementCount: seed.agreements.length, commitmentCount: seed.commitments.length };
}
