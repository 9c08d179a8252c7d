import { randomBytes } from 'node:crypto';
import { Client, Query } from 'pg';
import { DataSource, QueryFailedError } from 'typeorm';
import { createDataSource, queryCounter } from '../../database/data-source';
import '../../create-app'; // the API's pg type parsers (timestamptz, date), as the server has them
import { checkReadRows, readRows, readRowsThroughPg, readsThroughPg } from './read-rows';

async function admin(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// Columns of every kind the API reads: uuid, text, int, bigint, numeric, boolean, timestamptz,
// date, null, an alias that appears twice (the later wins) and awkward aliases.
const STATEMENT = `
  SELECT v.id, v.title, v.n, v.n::bigint AS big, (v.n::numeric / 4)::numeric(6, 2) AS ratio, v.n > 1 AS many,
         v.at, v.at::date AS "day", NULL::text AS nothing, v.title AS "title", 'x' AS "__proto__",
         'q' AS "quote""d", v.n AS "parentId"
  FROM (VALUES
    ('00000000-0000-4000-8000-000000000001'::uuid, 'first', 1, '2026-11-28T10:00:00.123Z'::timestamptz),
    ('00000000-0000-4000-8000-000000000002'::uuid, 'second', 2, '2026-01-01T00:00:00Z'::timestamptz)
  ) AS v(id, title, n, at)
  WHERE v.n <= $1
  ORDER BY v.n`;

describe('readRows', () => {
  const name = `pactwatch_rows_${randomBytes(6).toString('hex')}`;
  const adminUrl = process.env.TEST_ADMIN_DATABASE_URL!;
  let ds: DataSource;
  let url: string;

  beforeAll(async () => {
    await admin(adminUrl, `CREATE DATABASE ${name}`);
    const u = new URL(adminUrl);
    u.pathname = `/${name}`;
    url = u.toString();
    ds = createDataSource(url, 2);
    await ds.initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    await admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it('returns the same rows as manager.query, value for value and key for key', async () => {
    const expected = await ds.manager.query(STATEMENT, [5]);
    const rows = await readRows<Record<string, unknown>>(ds.manager, STATEMENT, [5]);
    expect(rows).toEqual(expected);
    expect(rows.map((r) => Object.keys(r))).toEqual(expected.map((r: object) => Object.keys(r)));
    expect(rows[0]).toMatchObject({ id: '00000000-0000-4000-8000-000000000001', n: 1, big: '1', ratio: '0.25', many: false, nothing: null, 'quote"d': 'q' });
    expect(rows[0].at).toEqual(new Date('2026-11-28T10:00:00.123Z'));
    // `__proto__` is a column like any other, not the row's prototype.
    expect(Object.getPrototypeOf(rows[0])).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(rows[0], '__proto__')?.value).toBe('x');
  });

  it('passes the parameters: no rows, one row', async () => {
    expect(await readRows(ds.manager, STATEMENT, [0])).toEqual([]);
    expect((await readRows<{ title: string }>(ds.manager, STATEMENT, [1])).map((r) => r.title)).toEqual(['first']);
  });

  it('passes a list of uuids as the same array, whatever its case, and leaves other lists to pg', async () => {
    const ids = ['00000000-0000-4000-8000-00000000000B', '00000000-0000-4000-8000-00000000000a'];
    const LIST = 'SELECT k.id, k.ord::int AS ord FROM unnest($1::uuid[]) WITH ORDINALITY AS k(id, ord) ORDER BY k.ord';
    expect(await readRows(ds.manager, LIST, [ids])).toEqual([
      { id: '00000000-0000-4000-8000-00000000000b', ord: 1 },
      { id: '00000000-0000-4000-8000-00000000000a', ord: 2 },
    ]);
    expect(await readRows(ds.manager, LIST, [[]])).toEqual([]);
    // Text that is not a uuid is quoted by pg, element by element: commas and braces stay inside it.
    const texts = ['a,b}', 'say "hi"', '{c}'];
    expect(await readRows(ds.manager, 'SELECT unnest($1::text[]) AS t', [texts])).toEqual(texts.map((t) => ({ t })));
    // NULL is text, not a null element; words of a uuid's characters are no uuids, and stay text.
    for (const list of [['NULL', 'cafe'], ['cafe', 'BEEF-1'], [ids[0], 'cafe']]) {
      expect(await readRows(ds.manager, 'SELECT unnest($1::text[]) AS t', [list])).toEqual(list.map((t) => ({ t })));
    }
    await expect(readRows(ds.manager, LIST, [[ids[0], `${ids[1]},${ids[0]}`]])).rejects.toThrow('invalid input syntax for type uuid');
  });

  it('is counted as a statement, as manager.query is', async () => {
    const counter = queryCounter(ds);
    const before = counter.count;
    await readRows(ds.manager, STATEMENT, [5]);
    expect(counter.count - before).toBe(1);
  });

  it('fails as manager.query does: a QueryFailedError naming the statement, the connection released', async () => {
    const failing = readRows(ds.manager, 'SELECT no_such_column FROM (VALUES (1)) AS v(n)', []);
    await expect(failing).rejects.toBeInstanceOf(QueryFailedError);
    await expect(failing).rejects.toThrow('column "no_such_column" does not exist');
    // The pool has two connections: more reads than that still run if each released its own.
    for (let i = 0; i < 3; i++) await expect(readRows(ds.manager, 'SELECT no_such_column', [])).rejects.toBeInstanceOf(QueryFailedError);
    expect(await readRows(ds.manager, STATEMENT, [1])).toHaveLength(1);
  });

  it("fails with a type parser's error as pg does, and the connection stays usable", async () => {
    // The pg the pool was made with (TypeORM loads its own), with a parser that fails for circles only.
    const { types } = (ds.driver as unknown as { postgres: typeof import('pg') }).postgres;
    const CIRCLE = types.builtins.CIRCLE;
    const original = types.getTypeParser(CIRCLE);
    types.setTypeParser(CIRCLE, () => {
      throw new Error('no circles here');
    });
    try {
      const failing = readRows(ds.manager, 'SELECT 1 AS n, circle(point(1, 2), 3) AS c', []);
      await expect(failing).rejects.toBeInstanceOf(QueryFailedError);
      await expect(failing).rejects.toThrow('no circles here');
    } finally {
      types.setTypeParser(CIRCLE, original);
    }
    for (let i = 0; i < 3; i++) expect(await readRows(ds.manager, STATEMENT, [1])).toHaveLength(1);
    expect(await readRows(ds.manager, 'SELECT circle(point(1, 2), 3) AS c', [])).toEqual([{ c: { x: 1, y: 2, radius: 3 } }]);
  });

  it('reads inside a transaction on its connection: rows not yet committed are seen', async () => {
    await ds.transaction(async (m) => {
      await m.query('CREATE TEMPORARY TABLE pending (id int) ON COMMIT DROP');
      await m.query('INSERT INTO pending VALUES (7)');
      expect(await readRows(m, 'SELECT id FROM pending', [])).toEqual([{ id: 7 }]);
    });
  });

  describe("the start-up self-check (the fast path's read-rows piece)", () => {
    it("passes on pg's Query as installed: the probe read gives what manager.query gives", async () => {
      expect(await checkReadRows(ds.manager)).toBeNull();
    });

    it("fails when pg's Query lacks a hook or a private field read-rows uses", async () => {
      class NoDataRowHook {
        _canceledDueToError = false;
        _result = { fields: [], _parsers: undefined };
        handleRowDescription(): void {
          // Present, unlike handleDataRow.
        }
      }
      expect(await checkReadRows(ds.manager, { queryClass: NoDataRowHook })).toBe("pg's Query has no handleDataRow");
      class NoCancelField extends Query {
        constructor(config: { text: string }) {
          super(config);
          delete (this as unknown as Record<string, unknown>)._canceledDueToError;
        }
      }
      expect(await checkReadRows(ds.manager, { queryClass: NoCancelField })).toBe("pg's Query has no _canceledDueToError");
      class NoParsers extends Query {
        constructor(config: { text: string }) {
          super(config);
          (this as unknown as Record<string, unknown>)._result = { fields: [] };
        }
      }
      expect(await checkReadRows(ds.manager, { queryClass: NoParsers })).toBe("pg's Query has no _result with fields and _parsers");
    });

    it('fails when the probe read differs from pg, or fails', async () => {
      const differing = (async (manager, text, params) => {
        const rows = await readRows<Record<string, unknown>>(manager, text, params);
        return rows.map((r) => ({ ...r, n: String(r.n) }));
      }) as typeof readRows;
      expect(await checkReadRows(ds.manager, { read: differing })).toMatch(/^a probe read gave .* where pg gives /);
      const failing = (async () => {
        throw new Error('A data row came before the description of its columns');
      }) as typeof readRows;
      expect(await checkReadRows(ds.manager, { read: failing })).toBe('a probe read failed: A data row came before the description of its columns');
    });

    it("reads through manager.query on a data source turned to pg's path, with the same rows and errors", async () => {
      const other = createDataSource(url, 1);
      await other.initialize();
      try {
        expect(readsThroughPg(other)).toBe(false);
        readRowsThroughPg(other);
        expect(readsThroughPg(other)).toBe(true);
        expect(readsThroughPg(ds)).toBe(false);
        expect(await readRows(other.manager, STATEMENT, [5])).toEqual(await ds.manager.query(STATEMENT, [5]));
        await expect(readRows(other.manager, 'SELECT no_such_column', [])).rejects.toBeInstanceOf(QueryFailedError);
      } finally {
        await other.destroy();
      }
    });
  });
});
