import { randomUUID } from 'node:crypto';
import { parse as parseSync } from 'csv-parse/sync';
import { SEED_IDS } from '../src/database/seeds/us-mexico-migration-talks.seed-data';
import { queryCounter } from '../src/database/data-source';
import { EXPORT_PAGE } from '../src/modules/exports/exports.service';
import { startTestApp, TestApp } from './support/test-app';

/*
 * The export over real HTTP: commitments and their status history as CSV and JSON, for the
 * workspace or a list filter, with an API key or a session; formulas neutralised; streamed.
 */

const A = SEED_IDS.workspace;
const MX_COMMITMENT = '00000000-0000-4000-8000-000000000701';

describe('export of commitments and status history', () => {
  let app: TestApp;
  let readKey: string;
  beforeAll(async () => {
    app = await startTestApp();
    readKey = app.tokens.readKey;
  });
  afterAll(() => app?.close());

  const get = (path: string, token: string | null = readKey, headers: Record<string, string> = {}) =>
    fetch(`${app.url}${path}`, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });
  const csv = async (path: string, token?: string | null) => {
    const res = await get(path, token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8's byte order mark, for spreadsheets
    return parseSync(bytes, { bom: true, columns: true }) as Record<string, string>[];
  };
  const json = async (path: string, token?: string | null) => {
    const res = await get(path, token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    return (await res.json()) as Record<string, any>[];
  };
  const inUseIds = async () =>
    (
      await app.sql<{ id: string }>(
        `SELECT c.id FROM commitments c JOIN agreements a ON a.id = c.agreement_id
         WHERE c.workspace_id = $1 AND c.archived_at IS NULL AND a.archived_at IS NULL ORDER BY c.created_at, c.id`,
        [A],
      )
    ).map((r) => r.id);

  it('exports every commitment in use as CSV with an API key: parties, owner, themes, status, due date, latest change, evidence URLs', async () => {
    // Two sources on the Mexican commitment, through the API.
    for (const n of [1, 2]) {
      const added = await app.gql('mutation($input: AddEvidenceInput!) { addEvidence(input: $input) { evidence { id } } }', {
        input: { commitmentId: MX_COMMITMENT, url: `https://example.org/inm-report-${n}`, title: `INM report ${n}` },
      });
      expect(added.errors).toBeUndefined();
    }
    const withSources = MX_COMMITMENT;
    const rows = await csv('/export/commitments.csv');
    expect(rows.map((r) => r.id)).toEqual(await inUseIds());
    const mx = rows.find((r) => r.id === withSources)!;
    const [truth] = await app.sql(
      `SELECT c.title, c.status, c.due_on::text AS due, o.acronym,
              (SELECT string_agg(p.code, ' ' ORDER BY p.code) FROM commitment_parties cp JOIN parties p ON p.id = cp.party_id WHERE cp.commitment_id = c.id) AS parties,
              (SELECT string_agg(t.slug, ' ' ORDER BY t.slug) FROM commitment_themes ct JOIN themes t ON t.id = ct.theme_id WHERE ct.commitment_id = c.id) AS themes,
              (SELECT count(*)::int FROM commitment_evidence ce JOIN evidence e ON e.id = ce.evidence_id WHERE ce.commitment_id = c.id AND e.url IS NOT NULL AND e.archived_at IS NULL) AS urls
       FROM commitments c LEFT JOIN organizations o ON o.id = c.owner_organization_id WHERE c.id = $1`,
      [withSources],
    );
    expect(mx).toMatchObject({ title: truth.title, status: truth.status, dueOn: truth.due ?? '', ownerOrganization: truth.acronym ?? '', parties: truth.parties, themes: truth.themes ?? '' });
    expect(mx.evidenceUrls.split(' ')).toEqual(expect.arrayContaining(['https://example.org/inm-report-1', 'https://example.org/inm-report-2']));
    expect(mx.evidenceUrls.split(' ')).toHaveLength(truth.urls);
    const { data } = await app.gql(`{ commitment(id: "${withSources}") { latestStatusChange { from to note occurredOn } } }`);
    const latest = data!.commitment.latestStatusChange;
    expect(mx).toMatchObject({ latestChangeFrom: latest.from ?? '', latestChangeTo: latest.to, latestChangeNote: latest.note, latestChangeOn: latest.occurredOn });
  });

  it('exports the same commitments as JSON, lists as arrays', async () => {
    const rows = await json('/export/commitments.json');
    const fromCsv = await csv('/export/commitments.csv');
    expect(rows.map((r) => r.id)).toEqual(fromCsv.map((r) => r.id));
    const mx = rows.find((r) => r.id === MX_COMMITMENT)!;
    const mxCsv = fromCsv.find((r) => r.id === MX_COMMITMENT)!;
    expect(mx.parties.join(' ')).toBe(mxCsv.parties);
    expect(mx.evidenceUrls.join(' ')).toBe(mxCsv.evidenceUrls);
    expect(typeof mx.overdue).toBe('boolean');
    expect(typeof mx.version).toBe('number');
  });

  it('exports the status history of the same commitments, each in the order things happened', async () => {
    const rows = await csv('/export/status-history.csv');
    const truth = await app.sql<{ id: string }>(
      `SELECT s.id FROM status_changes s JOIN commitments c ON c.id = s.commitment_id JOIN agreements a ON a.id = c.agreement_id
       WHERE c.workspace_id = $1 AND c.archived_at IS NULL AND a.archived_at IS NULL
       ORDER BY c.created_at, c.id, s.history_on, s.created_at, s.id`,
      [A],
    );
    expect(rows.map((r) => r.id)).toEqual(truth.map((r) => r.id));
    expect(Object.keys(rows[0])).toEqual(['commitmentId', 'commitment', 'id', 'from', 'to', 'occurredOn', 'note', 'reasonCode', 'actor', 'evidenceUrls', 'createdAt']);
    const history = await json('/export/status-history.json');
    expect(history.map((r) => r.id)).toEqual(truth.map((r) => r.id));
  });

  it('exports the list filter: the same commitments the `commitments` query lists with it', async () => {
    const filter = { partyCodes: ['MX'], status: ['ANNOUNCED', 'IN_PROGRESS'] };
    const listed: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: any = await app.gql('query($f: CommitmentFilter, $after: String) { commitments(first: 100, after: $after, filter: $f) { edges { node { id } } pageInfo { hasNextPage endCursor } } }', { f: filter, after });
      listed.push(...res.data.commitments.edges.map((e: any) => e.node.id));
      if (!res.data.commitments.pageInfo.hasNextPage) break;
      after = res.data.commitments.pageInfo.endCursor;
    }
    const rows = await csv(`/export/commitments.csv?filter=${encodeURIComponent(JSON.stringify(filter))}`);
    expect(rows.map((r) => r.id).sort()).toEqual(listed.sort());
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.length).toBeLessThan((await inUseIds()).length);
  });

  it('neutralises cells that a spreadsheet would read as formulas (CSV only), and the JSON keeps the text', async () => {
    const title = '=HYPERLINK("https://evil.example","click")';
    const created = await app.gql('mutation($input: CreateCommitmentInput!) { createCommitment(input: $input) { commitment { id } } }', {
      input: { agreementId: SEED_IDS.agreements.migrationTalks, title, description: '+1 cmd|calc', partyCodes: ['MX'] },
    });
    const id = created.data!.createCommitment.commitment.id;
    const row = (await csv('/export/commitments.csv')).find((r) => r.id === id)!;
    expect(row.title).toBe(`'${title}`);
    expect(row.description).toBe("'+1 cmd|calc");
    const fromJson = (await json('/export/commitments.json')).find((r) => r.id === id)!;
    expect(fromJson.title).toBe(title);
  });

  it('serves a signed-in person by the session cookie of the web client, and refuses callers without credentials', async () => {
    const viaCookie = await get('/export/commitments.csv', null, { cookie: `pw_session=${app.tokens.viewer}`, accept: 'text/html' });
    expect(viaCookie.status).toBe(200);
    expect(viaCookie.headers.get('content-disposition')).toMatch(/^attachment; filename="pactwatch-commitments-\d{4}-\d{2}-\d{2}\.csv"$/);
    await viaCookie.text();
    const anonymous = await get('/export/commitments.json', null);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    const forged = await get('/export/commitments.json', 'pw_nope_nope');
    expect(forged.status).toBe(401);
  });

  it("exports only the caller's workspace", async () => {
    const other = randomUUID();
    const agreement = randomUUID();
    const commitment = randomUUID();
    await app.sql(`INSERT INTO workspaces (id, slug, name) VALUES ($1, $2, 'Elsewhere')`, [other, `elsewhere-${other.slice(0, 8)}`]);
    await app.sql(`INSERT INTO agreements (id, workspace_id, title, kind) VALUES ($1, $2, 'Other talks', 'MEETING')`, [agreement, other]);
    await app.sql(`INSERT INTO commitments (id, workspace_id, agreement_id, title) VALUES ($1, $2, $3, 'Not yours')`, [commitment, other, agreement]);
    const rows = await csv('/export/commitments.csv');
    expect(rows.some((r) => r.id === commitment || r.title === 'Not yours')).toBe(false);
  });

  it.each([
    ['not JSON', 'filter=%7Bnope', 'filter'],
    ['an unknown status', `filter=${encodeURIComponent('{"status":["DONE"]}')}`, 'filter.status[0]'],
    ['a date that is no day', `filter=${encodeURIComponent('{"dueBefore":"2024-02-30"}')}`, 'filter.dueBefore'],
    ['an unknown field', `filter=${encodeURIComponent('{"colour":"red"}')}`, 'filter'],
    ['an agreement id that is not an id', `filter=${encodeURIComponent('{"agreementId":"x"}')}`, 'filter.agreementId'],
    ['given twice', 'filter=%7B%7D&filter=%7B%7D', 'filter'],
  ])('refuses a bad filter (%s) with BAD_USER_INPUT naming the field, and sends no file', async (_what, query, field) => {
    const res = await get(`/export/commitments.csv?${query}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-disposition')).toBeNull();
    const body = (await res.json()) as any;
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('answers NOT_FOUND for a file it does not make', async () => {
    const res = await get('/export/secrets.csv');
    expect(res.status).toBe(404);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('streams a large workspace: the first bytes arrive while most pages are still unread', async () => {
    // 50,000 commitments with a 1 kB description each (about 60 MB of CSV), written straight to
    // the database (triggers off: the search document is not what this is about).
    const N = 50_000;
    await app.sql('SET session_replication_role = replica');
    await app.sql(
      `INSERT INTO commitments (id, workspace_id, agreement_id, title, description)
       SELECT gen_random_uuid(), $1, $2, 'Bulk commitment ' || g, repeat('x', 1000) FROM generate_series(1, $3::int) g`,
      [A, SEED_IDS.agreements.migrationTalks, N],
    );
    await app.sql('RESET session_replication_role');
    // What autovacuum does within a minute of a bulk write. Before it, with statistics that still
    // say a few hundred rows, the planner may read each page's whole remainder and sort it (about
    // 10 times slower here), which costs time but not memory.
    await app.sql('ANALYZE commitments');
    const total = (await inUseIds()).length;
    const pages = Math.ceil(total / EXPORT_PAGE);

    const counter = queryCounter(app.running.dataSource);
    const before = counter.count;
    const res = await get('/export/commitments.csv');
    const reader = res.body!.getReader();
    const first = await reader.read();
    // Read nothing more for now: the server can only go as far as the socket's buffers let it.
    const statementsAtFirstBytes = counter.count - before;
    expect(first.done).toBe(false);
    expect(statementsAtFirstBytes).toBeLessThan(pages / 2);

    // The rest as it arrives, counting records: lines that begin with a commitment's id (no cell
    // here holds a line break followed by an id). The test holds no more than a chunk either.
    const RECORD = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12},/;
    const decoder = new TextDecoder();
    let records = 0;
    let tail = '';
    const count = (text: string) => {
      const lines = (tail + text).split('\n');
      tail = lines.pop()!;
      for (const line of lines) if (RECORD.test(line)) records++;
    };
    count(decoder.decode(first.value, { stream: true }));
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      count(decoder.decode(value, { stream: true }));
    }
    count(`${decoder.decode()}\n`);
    expect(records).toBe(total);
    expect(counter.count - before).toBeGreaterThanOrEqual(pages);
  }, 120_000);
});
