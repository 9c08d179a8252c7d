import { stringify } from 'csv-stringify/sync';
import { SEED_IDS } from '../src/database/seeds/us-mexico-migration-talks.seed-data';
import { signUpAndConfirm } from './support/accounts';
import { rowCounts } from './support/expectations';
import { startTestApp, TestApp } from './support/test-app';

/*
 * Import of commitments from CSV over real HTTP: a dry run checks every row and writes nothing,
 * a real run writes all rows or none, references make a second import update, bad files are refused.
 */

const A = SEED_IDS.workspace;
const HEADER = ['reference', 'agreement', 'title', 'description', 'priority', 'dueOn', 'parties', 'themes', 'ownerOrganization'];

type Report = {
  dryRun: boolean; applied: boolean; rows: number; created: number; updated: number; unchanged: number; agreementsCreated: number;
  errors: { row: number; column: string | null; message: string }[];
};

describe('import of commitments from CSV', () => {
  let app: TestApp;
  let agreement: string;
  let theme: string;
  let org: string;
  beforeAll(async () => {
    app = await startTestApp();
    [{ title: agreement }] = await app.sql('SELECT title FROM agreements WHERE id = $1', [SEED_IDS.agreements.migrationTalks]);
    [{ slug: theme }] = await app.sql('SELECT slug FROM themes WHERE workspace_id = $1 AND archived_at IS NULL ORDER BY slug LIMIT 1', [A]);
    [{ acronym: org }] = await app.sql(
      `SELECT o.acronym FROM organizations o JOIN parties p ON p.id = o.party_id WHERE o.workspace_id = $1 AND p.code = 'MX' AND o.archived_at IS NULL ORDER BY o.acronym LIMIT 1`,
      [A],
    );
  });
  afterAll(() => app?.close());

  const post = (body: string | Buffer, { dryRun, token = app.tokens.analyst, type = 'text/csv' }: { dryRun?: boolean; token?: string | null; type?: string } = {}) =>
    fetch(`${app.url}/import/commitments.csv${dryRun === undefined ? '' : `?dryRun=${dryRun}`}`, {
      method: 'POST',
      headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body,
    });
  const csv = (rows: string[][], header = HEADER) => stringify([header, ...rows]);
  /** Everything an import could write: row counts, and what updates change. */
  const state = async () => ({
    counts: await rowCounts(app),
    commitments: await app.sql('SELECT sum(version)::int AS versions, max(updated_at) AS updated FROM commitments WHERE workspace_id = $1', [A]),
  });
  const report = async (res: Response) => (await res.json()) as Report;
  const fileRefusal = async (res: Response) => {
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string; field: string } }[] };
    expect(body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'file' });
    return body.errors[0].message;
  };

  it('takes the export back: a dry run of the workspace’s own export is clean and changes nothing', async () => {
    const exported = Buffer.from(await (await fetch(`${app.url}/export/commitments.csv`, { headers: { authorization: `Bearer ${app.tokens.readKey}` } })).arrayBuffer());
    expect([...exported.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // with its byte order mark
    const before = await state();
    const res = await post(exported, { dryRun: true });
    expect(res.status).toBe(200);
    const r = await report(res);
    const [{ n }] = await app.sql('SELECT count(*)::int AS n FROM commitments c JOIN agreements a ON a.id = c.agreement_id WHERE c.workspace_id = $1 AND c.archived_at IS NULL AND a.archived_at IS NULL', [A]);
    expect(r).toMatchObject({ dryRun: true, applied: false, rows: n, created: 0, updated: 0, unchanged: n, errors: [] });
    expect(await state()).toEqual(before);
    // Applied, it changes nothing either: every row matches its commitment as it is.
    const applied = await report(await post(exported));
    expect(applied).toMatchObject({ applied: true, unchanged: n, updated: 0, created: 0 });
    expect(await state()).toEqual(before);
  });

  it('imports one workspace’s export into a new workspace that has the same parties, themes and organizations; again, it updates nothing', async () => {
    const owner = await signUpAndConfirm(app, { email: 'importer@example.test', password: 'importer-password-1', name: 'Ines Importer', workspaceName: 'Copy of the talks' });
    const B = owner.workspace.id;
    // B's reference data, copied from A (the import does not create parties, themes or organizations).
    const columns = async (table: string, skip: string[]) =>
      (await app.sql<{ c: string }>(`SELECT column_name AS c FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`, [table]))
        .map((r) => r.c).filter((c) => !['id', 'workspace_id', ...skip].includes(c)).map((c) => `"${c}"`).join(', ');
    for (const table of ['parties', 'themes']) {
      const cols = await columns(table, []);
      await app.sql(`INSERT INTO ${table} (id, workspace_id, ${cols}) SELECT gen_random_uuid(), $2, ${cols} FROM ${table} WHERE workspace_id = $1`, [A, B]);
    }
    const orgCols = await columns('organizations', ['party_id']);
    await app.sql(
      `INSERT INTO organizations (id, workspace_id, party_id, ${orgCols})
       SELECT gen_random_uuid(), $2, pb.id, ${orgCols.split(', ').map((c) => `o.${c}`).join(', ')}
       FROM organizations o JOIN parties pa ON pa.id = o.party_id JOIN parties pb ON pb.workspace_id = $2 AND pb.code = pa.code WHERE o.workspace_id = $1`,
      [A, B],
    );
    const exported = Buffer.from(await (await fetch(`${app.url}/export/commitments.csv`, { headers: { authorization: `Bearer ${app.tokens.readKey}` } })).arrayBuffer());
    const [{ n, agreements }] = await app.sql(
      `SELECT count(*)::int AS n, count(DISTINCT a.title)::int AS agreements FROM commitments c JOIN agreements a ON a.id = c.agreement_id
       WHERE c.workspace_id = $1 AND c.archived_at IS NULL AND a.archived_at IS NULL`,
      [A],
    );
    const aBefore = await state();
    const aActivity = async () => (await app.sql<{ n: number }>('SELECT count(*)::int AS n FROM activity WHERE workspace_id = $1', [A]))[0].n;
    const aActivityBefore = await aActivity();
    const dry = await report(await post(exported, { dryRun: true, token: owner.token }));
    expect(dry).toMatchObject({ rows: n, created: n, updated: 0, agreementsCreated: agreements, errors: [] });
    expect(await report(await post(exported, { token: owner.token }))).toMatchObject({ applied: true, created: n, errors: [] });
    const [{ inB }] = await app.sql('SELECT count(*)::int AS "inB" FROM commitments WHERE workspace_id = $1', [B]);
    expect(inB).toBe(n);
    expect(await report(await post(exported, { token: owner.token }))).toMatchObject({ applied: true, created: 0, updated: 0, unchanged: n });
    // A is as it was: the ids in the file name nothing of B's, and B's import touched nothing of A.
    expect((await state()).commitments).toEqual(aBefore.commitments);
    expect(await aActivity()).toBe(aActivityBefore);
  });

  it('dry-runs new commitments without writing, then applies them with activity, and a second import updates rather than duplicates', async () => {
    const rows = [
      ['ext-1', agreement, 'Mexico to open two new migrant shelters', 'In Tapachula\nand in Ciudad Juárez', 'HIGH', '2026-06-30', 'MX', theme, org],
      ['ext-2', agreement, 'The US to fund shelter capacity', '', '', '', 'US', '', ''],
      ['ext-3', 'Follow-up meeting on shelters', 'Both to report monthly', '', 'LOW', '', 'MX US', '', ''],
    ];
    const file = csv(rows);
    const before = await state();
    const dry = await report(await post(file, { dryRun: true }));
    expect(dry).toMatchObject({ dryRun: true, applied: false, rows: 3, created: 3, updated: 0, agreementsCreated: 1, errors: [] });
    expect(await state()).toEqual(before);

    const [{ last }] = await app.sql<{ last: string }>('SELECT max(id)::text AS last FROM activity');
    const res = await post(file);
    expect(res.status).toBe(200);
    expect(await report(res)).toMatchObject({ applied: true, created: 3, agreementsCreated: 1, errors: [] });
    const made = await app.sql(
      `SELECT c.external_reference AS ref, c.title, c.description, c.priority, c.due_on::text AS due, c.status, c.version, a.title AS agreement,
              (SELECT string_agg(p.code, ' ' ORDER BY p.code) FROM commitment_parties cp JOIN parties p ON p.id = cp.party_id WHERE cp.commitment_id = c.id) AS parties
       FROM commitments c JOIN agreements a ON a.id = c.agreement_id WHERE c.workspace_id = $1 AND c.external_reference LIKE 'ext-%' ORDER BY c.external_reference`,
      [A],
    );
    expect(made).toEqual([
      { ref: 'ext-1', title: rows[0][2], description: 'In Tapachula\nand in Ciudad Juárez', priority: 'HIGH', due: '2026-06-30', status: 'ANNOUNCED', version: 1, agreement, parties: 'MX' },
      { ref: 'ext-2', title: rows[1][2], description: '', priority: 'MEDIUM', due: null, status: 'ANNOUNCED', version: 1, agreement, parties: 'US' },
      { ref: 'ext-3', title: rows[2][2], description: '', priority: 'LOW', due: null, status: 'ANNOUNCED', version: 1, agreement: 'Follow-up meeting on shelters', parties: 'MX US' },
    ]);
    const verbs = (await app.sql<{ verb: string }>('SELECT verb FROM activity WHERE id > $1::bigint AND workspace_id = $2 ORDER BY id', [last, A])).map((r) => r.verb);
    expect(verbs).toEqual(['agreement.created', 'commitment.created', 'commitment.created', 'commitment.created']);

    // The same file again: nothing new. One title changed: that commitment is updated, once.
    const again = await report(await post(file));
    expect(again).toMatchObject({ applied: true, created: 0, updated: 0, unchanged: 3, agreementsCreated: 0 });
    const changed = csv([[...rows[0].slice(0, 2), 'Mexico to open three new migrant shelters', ...rows[0].slice(3)], rows[1], rows[2]]);
    expect(await report(await post(changed))).toMatchObject({ applied: true, created: 0, updated: 1, unchanged: 2 });
    const [{ count, title, version }] = await app.sql(
      `SELECT count(*) OVER ()::int AS count, title, version FROM commitments WHERE workspace_id = $1 AND external_reference = 'ext-1'`,
      [A],
    );
    expect({ count, title, version }).toEqual({ count: 1, title: 'Mexico to open three new migrant shelters', version: 2 });
    const [{ verb }] = await app.sql('SELECT verb FROM activity WHERE workspace_id = $1 ORDER BY id DESC LIMIT 1', [A]);
    expect(verb).toBe('commitment.updated');
  });

  it('reports every bad row by line and column in a dry run, and a real run of the same file writes nothing', async () => {
    const file = csv([
      ['bad-1', agreement, 'A fine commitment', 'spans\ntwo lines', '', '', 'MX', '', ''], // lines 2–3
      ['bad-2', agreement, 'Guatemala is no party here', '', '', '', 'GT', '', ''], // line 4
      ['bad-1', agreement, 'The same reference again', '', '', '', 'MX', '', ''], // line 5
      ['bad-4', agreement, '=HYPERLINK("https://evil.example")', '', 'URGENT', '2024-02-30', 'MX', 'no-such-theme', 'NOPE'], // line 6
      ['bad-5', agreement, '', '', '', '', '', '', ''], // line 7
    ]);
    const before = await state();
    const dry = await report(await post(file, { dryRun: true }));
    expect(dry.errors.map((e) => [e.row, e.column])).toEqual([
      [4, 'parties'],
      [5, 'reference'],
      [6, 'title'],
      [6, 'priority'],
      [6, 'dueOn'],
      [6, 'themes'],
      [6, 'ownerOrganization'],
      [7, 'title'],
      [7, 'parties'],
    ]);
    expect(dry.errors.find((e) => e.row === 4)?.message).toMatch(/Unknown party GT/);
    expect(dry.errors.find((e) => e.row === 5)?.message).toMatch(/line 2/);
    expect(dry.errors.find((e) => e.row === 6 && e.column === 'title')?.message).toMatch(/formula/);
    const res = await post(file);
    expect(res.status).toBe(400);
    expect(await report(res)).toMatchObject({ applied: false, errors: dry.errors });
    expect(await state()).toEqual(before);
  });

  describe('refuses bad files as a whole, writing nothing', () => {
    let before: Awaited<ReturnType<typeof state>>;
    beforeEach(async () => {
      before = await state();
    });
    afterEach(async () => {
      expect(await state()).toEqual(before);
    });

    it('not UTF-8 (Latin-1)', async () => {
      const latin1 = Buffer.from(csv([['l1', agreement, 'Acción en la frontera', '', '', '', 'MX', '', '']]), 'latin1');
      expect(await fileRefusal(await post(latin1))).toMatch(/not UTF-8/);
    });

    it('larger than 5 MB', async () => {
      const big = csv([['big', agreement, 'Big', 'x'.repeat(6 * 1024 * 1024), '', '', 'MX', '', '']]);
      expect(await fileRefusal(await post(big))).toMatch(/larger than 5 MB/);
    });

    it('more than 20,000 rows', async () => {
      const many = csv(Array.from({ length: 20_001 }, (_, i) => [`many-${i}`, agreement, `Row ${i}`, '', '', '', 'MX', '', '']));
      expect(await fileRefusal(await post(many, { dryRun: true }))).toMatch(/more than 20000 rows/);
    });

    it('a quote never closed', async () => {
      const broken = `${HEADER.join(',')}\nq1,"${agreement}","Never closed,,,,MX,,\n`;
      expect(await fileRefusal(await post(broken))).toMatch(/not valid CSV/);
    });

    it('an unknown column', async () => {
      expect(await fileRefusal(await post(csv([['u1', agreement, 'x', 'red', 'MX']], ['reference', 'agreement', 'title', 'colour', 'parties'])))).toMatch(/Unknown column “colour”/);
    });

    it('without a header it can read (no title column)', async () => {
      expect(await fileRefusal(await post(csv([['x', 'MX', agreement]], ['reference', 'parties', 'agreement'])))).toMatch(/column title is missing/);
    });

    it('sent as something else than text/csv', async () => {
      expect(await fileRefusal(await post(csv([]), { type: 'application/octet-stream' }))).toMatch(/text\/csv/);
    });
  });

  it('needs WRITE: the viewer and a read-only key are refused, and no credentials are UNAUTHENTICATED', async () => {
    const file = csv([['w1', agreement, 'Not allowed', '', '', '', 'MX', '', '']]);
    const before = await state();
    for (const token of [app.tokens.viewer, app.tokens.readKey]) {
      const res = await post(file, { token });
      expect(res.status).toBe(403);
      expect(((await res.json()) as any).errors[0].extensions.code).toBe('FORBIDDEN');
    }
    const anonymous = await post(file, { token: null });
    expect(anonymous.status).toBe(401);
    expect(await state()).toEqual(before);
  });
});
