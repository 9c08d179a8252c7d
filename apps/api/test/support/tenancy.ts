import { IdKind, RefKind } from './schema-walk';
import { TestApp } from './test-app';

/*
 * What a workspace holds, read straight from the database: the ids and codes an operation can be
 * pointed at, the ids and texts that must not show up anywhere else, and a fingerprint of every
 * row that proves nothing of it changed.
 */

/** The table behind each kind of id (users and workspaces are read through memberships). */
const TABLE_OF: Record<Exclude<IdKind, 'user' | 'workspace'>, string> = {
  agreement: 'agreements',
  commitment: 'commitments',
  evidence: 'evidence',
  indicator: 'indicators',
  observation: 'observations',
  link: 'commitment_links',
  statusChange: 'status_changes',
  party: 'parties',
  organization: 'organizations',
  person: 'people',
  theme: 'themes',
  apiKey: 'api_keys',
  invitation: 'invitations',
  watch: 'watches',
  subscription: 'digest_subscriptions',
  comment: 'comments',
  notification: 'notifications',
  view: 'saved_views',
  webhookEndpoint: 'webhook_endpoints',
  webhookDelivery: 'webhook_deliveries',
};

export type WorkspaceRefs = Record<RefKind, string[]>;

/** The ids (by kind), party codes and theme slugs of one workspace, each list in a stable order. */
export async function refsOf(app: TestApp, workspaceId: string): Promise<WorkspaceRefs> {
  const refs = {} as WorkspaceRefs;
  for (const [kind, table] of Object.entries(TABLE_OF)) {
    refs[kind as IdKind] = [];
    if (!(await hasTable(app, table))) continue;
    const order = (await hasColumn(app, table, 'created_at')) ? 'created_at, id' : 'id';
    const rows = await app.sql<{ id: string }>(`SELECT id::text FROM ${table} WHERE workspace_id = $1 ORDER BY ${order}`, [workspaceId]);
    refs[kind as IdKind] = rows.map((r) => r.id);
  }
  refs.user = (await app.sql<{ id: string }>('SELECT user_id::text AS id FROM memberships WHERE workspace_id = $1 ORDER BY created_at, user_id', [workspaceId])).map((r) => r.id);
  refs.workspace = [workspaceId];
  refs.partyCode = (await app.sql<{ code: string }>('SELECT code FROM parties WHERE workspace_id = $1 ORDER BY code', [workspaceId])).map((r) => r.code);
  refs.themeSlug = (await app.sql<{ slug: string }>('SELECT slug FROM themes WHERE workspace_id = $1 ORDER BY slug', [workspaceId])).map((r) => r.slug);
  return refs;
}

async function hasTable(app: TestApp, table: string): Promise<boolean> {
  const [row] = await app.sql<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [`public.${table}`]);
  return row.t !== null;
}

async function hasColumn(app: TestApp, table: string, column: string): Promise<boolean> {
  const rows = await app.sql(`SELECT 1 FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND column_name = $2`, [table, column]);
  return rows.length > 0;
}

/** Every table with a workspace_id column: the rows a workspace owns. */
export async function workspaceTables(app: TestApp): Promise<string[]> {
  const rows = await app.sql<{ table_name: string }>(
    `SELECT c.table_name FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
     WHERE c.table_schema = 'public' AND c.column_name = 'workspace_id' AND t.table_type = 'BASE TABLE' ORDER BY c.table_name`,
  );
  return rows.map((r) => r.table_name);
}

/** Every uuid held in a row of the workspace (its own ids and those it points at), its members' ids, its own id. */
export async function idsOf(app: TestApp, workspaceId: string): Promise<Set<string>> {
  const ids = new Set<string>([workspaceId]);
  for (const table of await workspaceTables(app)) {
    const columns = await app.sql<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND data_type = 'uuid'`,
      [table],
    );
    for (const { column_name } of columns) {
      const rows = await app.sql<{ v: string }>(`SELECT DISTINCT ${column_name}::text AS v FROM ${table} WHERE workspace_id = $1 AND ${column_name} IS NOT NULL`, [workspaceId]);
      for (const r of rows) ids.add(r.v);
    }
  }
  return ids;
}

/**
 * The texts that identify the workspace's data: titles, names, summaries, quotes, addresses,
 * its members' names and emails. Short ones (and any also found in `other`) are left out, so a
 * search for them finds leaks, not coincidences.
 */
export async function textsOf(app: TestApp, workspaceId: string, other?: string): Promise<string[]> {
  // [table, column]: the rows of the workspace; users through its memberships; the workspace itself.
  const columns: [string, string][] = [
    ['agreements', 'title'], ['agreements', 'summary'], ['agreements', 'place'],
    ['commitments', 'title'], ['commitments', 'description'], ['commitments', 'source_quote'],
    ['evidence', 'title'], ['evidence', 'url'], ['indicators', 'name'], ['organizations', 'name'], ['people', 'name'],
    ['parties', 'name'], ['themes', 'name'], ['status_changes', 'note'], ['api_keys', 'name'], ['api_keys', 'prefix'],
    ['invitations', 'email'], ['digest_subscriptions', 'email'], ['comments', 'body'], ['saved_views', 'name'],
  ];
  const sources: string[] = [];
  for (const [table, column] of columns) if (await hasTable(app, table)) sources.push(`SELECT ${column} FROM ${table} WHERE workspace_id = $1`);
  sources.push(
    'SELECT name FROM workspaces WHERE id = $1',
    'SELECT slug FROM workspaces WHERE id = $1',
    'SELECT u.email FROM users u JOIN memberships m ON m.user_id = u.id WHERE m.workspace_id = $1',
    'SELECT u.name FROM users u JOIN memberships m ON m.user_id = u.id WHERE m.workspace_id = $1',
  );
  const collect = async (id: string) => {
    const found = new Set<string>();
    for (const sql of sources) for (const row of await app.sql<Record<string, string | null>>(sql, [id])) {
      const value = Object.values(row)[0];
      if (value && value.trim().length >= 8) found.add(value);
    }
    return found;
  };
  const mine = await collect(workspaceId);
  const theirs = other ? await collect(other) : new Set<string>();
  return [...mine].filter((t) => !theirs.has(t));
}

/**
 * An md5 of every row of the workspace, table by table (rows in a fixed order), with row counts;
 * the workspace row; its members' accounts, sessions and password resets.
 */
export async function fingerprint(app: TestApp, workspaceId: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const digest = async (name: string, from: string) => {
    const [row] = await app.sql<{ n: number; h: string }>(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(r::text, E'\\n' ORDER BY r::text), '')) AS h FROM (${from}) r`,
      [workspaceId],
    );
    out[name] = `${row.n} rows, md5 ${row.h}`;
  };
  for (const table of await workspaceTables(app)) await digest(table, `SELECT * FROM ${table} WHERE workspace_id = $1`);
  await digest('workspaces', 'SELECT * FROM workspaces WHERE id = $1');
  const members = 'SELECT user_id FROM memberships WHERE workspace_id = $1';
  await digest('users of the workspace', `SELECT * FROM users WHERE id IN (${members})`);
  await digest('sessions of its users', `SELECT * FROM sessions WHERE user_id IN (${members})`);
  await digest('password resets of its users', `SELECT * FROM password_resets WHERE user_id IN (${members})`);
  return out;
}

/**
 * Rows that point at a row of another workspace, over every foreign key between two tables with
 * a workspace_id: each finding as "child.column → parent: n rows".
 */
export async function crossWorkspaceReferences(app: TestApp): Promise<string[]> {
  const keys = await app.sql<{ child: string; column: string; parent: string; parent_column: string }>(
    `SELECT c.conrelid::regclass::text AS child, a.attname AS column, c.confrelid::regclass::text AS parent, pa.attname AS parent_column
     FROM pg_constraint c
     JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
     JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
     WHERE c.contype = 'f' AND array_length(c.conkey, 1) = 1 AND c.connamespace = 'public'::regnamespace`,
  );
  const scoped = new Set(await workspaceTables(app));
  const findings: string[] = [];
  for (const k of keys) {
    if (!scoped.has(k.child) || !scoped.has(k.parent) || k.column === 'workspace_id') continue;
    const [{ n }] = await app.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${k.child} c JOIN ${k.parent} p ON p.${k.parent_column} = c.${k.column} WHERE p.workspace_id <> c.workspace_id`,
    );
    if (n > 0) findings.push(`${k.child}.${k.column} → ${k.parent}: ${n} rows`);
  }
  return findings;
}
