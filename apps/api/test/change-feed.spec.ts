import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { SEED_IDS } from '../src/database/seeds/us-mexico-migration-talks.seed-data';
import { expectError } from './support/expectations';
import { startTestApp, TestApp } from './support/test-app';

/*
 * The change feed for sync (`changes(after, first)`): oldest first after a cursor, each change
 * once, none skipped when transactions commit out of the order they started in.
 */

const A = SEED_IDS.workspace;
const CHANGES = `query($first: Int!, $after: ID) {
  changes(first: $first, after: $after) { edges { cursor node { id verb subjectId } } pageInfo { hasNextPage endCursor } } }`;

type Page = { edges: { cursor: string; node: { id: string; verb: string; subjectId: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

describe('changes: the change feed for sync', () => {
  let app: TestApp;
  beforeAll(async () => {
    // The out-of-order test's reader polls as fast as the server answers for as long as the writers
    // run; on a loaded machine that passes the default 600 a minute, which is not what it tests.
    app = await startTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
  });
  afterAll(() => app?.close());

  const page = async (token: string, first: number, after: string | null): Promise<Page> => {
    const res = await app.request<{ changes: Page }>({ query: CHANGES, variables: { first, after }, token });
    if (!res.data?.changes) throw new Error(`changes failed: ${JSON.stringify(res.errors)}`);
    return res.data.changes;
  };

  /** What a sync client does: pages of `first` until hasNextPage is false, keeping endCursor for the next poll. */
  const drain = async (token: string, cursor: string | null, seen: string[], first = 100): Promise<string | null> => {
    for (;;) {
      const p = await page(token, first, cursor);
      for (const e of p.edges) {
        expect(e.cursor).toBe(e.node.id);
        seen.push(e.node.id);
      }
      cursor = p.pageInfo.endCursor;
      if (!p.pageInfo.hasNextPage) return cursor;
    }
  };

  const logIds = async (verbs?: string[]) =>
    (
      await app.sql<{ id: string }>(
        `SELECT a.id::text AS id FROM activity a WHERE a.workspace_id = $1 AND ($2::text[] IS NULL OR a.verb <> ALL($2)) ORDER BY a.id`,
        [A, verbs ?? null],
      )
    ).map((r) => r.id);

  it('pages the whole log oldest first, and an empty page keeps the cursor', async () => {
    const seen: string[] = [];
    const end = await drain(app.tokens.owner, null, seen, 7);
    expect(seen).toEqual(await logIds());
    expect(end).toBe(seen.at(-1));
    const empty = await page(app.tokens.owner, 5, end);
    expect(empty).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: end } });
  });

  it('misses nothing and repeats nothing while several connections write and commit out of the order they took their ids', async () => {
    const url = (app.running.dataSource.options as PostgresDataSourceOptions).url!;
    const [{ start }] = await app.sql<{ start: string }>('SELECT max(id)::text AS start FROM activity WHERE workspace_id = $1', [A]);
    const WRITERS = 6;
    const PER_WRITER = 40;
    let writing = true;

    // Each writer opens a transaction, writes its activity row, then holds the transaction open a
    // random moment before committing (one in five rolls back): the pattern that commits a smaller
    // id after a larger one is already visible, were ids not taken in commit order.
    const writer = async (n: number) => {
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        for (let i = 0; i < PER_WRITER; i++) {
          await client.query('BEGIN');
          await client.query(
            `INSERT INTO activity (workspace_id, actor_type, actor_id, actor_label, verb, subject_type, subject_id, after)
             VALUES ($1, 'SYSTEM', NULL, $2, 'commitment.updated', 'commitment', $3, '{}')`,
            [A, `writer ${n}`, randomUUID()],
          );
          await client.query('SELECT pg_sleep($1)', [Math.random() * 0.02]);
          await client.query(i % 5 === 4 ? 'ROLLBACK' : 'COMMIT');
        }
      } finally {
        await client.end();
      }
    };
    // Writes through the API too, on the pool's connections.
    const apiWriter = async () => {
      for (let i = 0; i < 15; i++) {
        const res = await app.gql('mutation($input: CreateThemeInput!) { createTheme(input: $input) { theme { id } } }', {
          input: { slug: `feed-theme-${i}`, name: `Feed theme ${i}`, nameEs: `Tema ${i}` },
        });
        if (res.errors) throw new Error(JSON.stringify(res.errors));
      }
    };

    const seen: string[] = [];
    let polls = 0;
    const reader = async () => {
      let cursor: string | null = start;
      while (writing) {
        cursor = await drain(app.tokens.viewer, cursor, seen);
        polls++;
      }
      await drain(app.tokens.viewer, cursor, seen); // once more after the last commit
    };

    const readerDone = reader();
    await Promise.all([...Array.from({ length: WRITERS }, (_, n) => writer(n)), apiWriter()]);
    writing = false;
    await readerDone;

    const expected = (await logIds()).filter((id) => BigInt(id) > BigInt(start));
    expect(expected.length).toBe(WRITERS * PER_WRITER * 0.8 + 15);
    expect(polls).toBeGreaterThan(1);
    expect(new Set(seen).size).toBe(seen.length); // nothing repeated
    expect(seen).toEqual(expected); // nothing missed, oldest first
  });

  it('shows each caller what `activity` shows it: invitations and keys only to those who manage them', async () => {
    const [{ start }] = await app.sql<{ start: string }>('SELECT max(id)::text AS start FROM activity WHERE workspace_id = $1', [A]);
    for (const verb of ['member.invited', 'api_key.created', 'commitment.updated']) {
      await app.sql(
        `INSERT INTO activity (workspace_id, actor_type, actor_label, verb, subject_type, subject_id) VALUES ($1, 'SYSTEM', 'test', $2, 'x', $3)`,
        [A, verb, randomUUID()],
      );
    }
    const verbsFor = async (token: string) => {
      const seen: string[] = [];
      await drain(token, start, seen);
      const rows = await app.sql<{ verb: string }>('SELECT verb FROM activity a WHERE a.id::text = ANY($1) ORDER BY a.id', [seen]);
      return rows.map((r) => r.verb);
    };
    expect(await verbsFor(app.tokens.viewer)).toEqual(['commitment.updated']);
    expect(await verbsFor(app.tokens.readKey)).toEqual(['commitment.updated']);
    expect(await verbsFor(app.tokens.owner)).toEqual(['member.invited', 'api_key.created', 'commitment.updated']);
    const anonymous = await app.request({ query: CHANGES, variables: { first: 1 } });
    expectError(anonymous, 'UNAUTHENTICATED');
  });

  it.each([
    ['not digits', { first: 10, after: 'abc' }, 'after'],
    ['negative', { first: 10, after: '-1' }, 'after'],
    ['beyond bigint', { first: 10, after: '9999999999999999999' }, 'after'],
    ['an opaque cursor of another list', { first: 10, after: Buffer.from('["activity","5"]').toString('base64url') }, 'after'],
    ['first 0', { first: 0 }, 'first'],
    ['first 101', { first: 101 }, 'first'],
    ['first negative', { first: -3 }, 'first'],
  ])('refuses a bad argument (%s) with BAD_USER_INPUT naming it', async (_what, variables, field) => {
    const res = await app.request({ query: CHANGES, variables, token: app.tokens.viewer });
    expectError(res, 'BAD_USER_INPUT', field);
  });
});
