import { SEED_IDS } from '../src/database/seeds/us-mexico-migration-talks.seed-data';
import { expectError, expectNoLeak, rowCounts } from './support/expectations';
import { GqlResponse, startTestApp, TestApp } from './support/test-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-999999999999';
const GUATEMALA_ID = '00000000-0000-4000-8000-000000000199';

const CREATE_COMMITMENT = `
  mutation Create($input: CreateCommitmentInput!) { createCommitment(input: $input) { commitment { id title } } }`;
const CREATE_AGREEMENT = `
  mutation Create($input: CreateAgreementInput!) { createAgreement(input: $input) { agreement { id } } }`;
const LIST = `
  query List($first: Int!, $after: String, $filter: CommitmentFilter, $orderBy: CommitmentOrder) {
    commitments(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { id } }
    }
  }`;

/** A cursor as the API makes them (base64url of a JSON array), for forging ones it never made. */
const cursor = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');

describe('bad input: a clear error with a code, naming the field, and nothing written', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    // A third government of the workspace that is not a party of the US–Mexico talks.
    await app.sql(`INSERT INTO parties (id, workspace_id, code, name) VALUES ($1, $2, 'GT', 'Guatemala')`, [GUATEMALA_ID, SEED_IDS.workspace]);
  });
  afterAll(() => app.close());

  const commitmentInput = (overrides: Record<string, unknown>) => ({
    agreementId: SEED_IDS.agreements.migrationTalks,
    title: 'Mexico to register migrants at the southern border',
    partyCodes: ['MX'],
    ...overrides,
  });

  /** Runs the request and checks that no table gained, lost or changed a row count. */
  const refusedWithoutWriting = async (request: () => Promise<GqlResponse>, code: string, field?: string) => {
    const before = await rowCounts(app);
    const res = await request();
    const error = expectError(res, code, field);
    expect(await rowCounts(app)).toEqual(before);
    return error;
  };

  describe('createCommitment refuses a bad title', () => {
    const titles: [string, string, RegExp][] = [
      ['empty', '', /title is required/],
      ['only whitespace', ' \t\n ', /title is required/],
      ['301 characters', 'x'.repeat(301), /title must be at most 300 characters/],
      ['10 MB', 'x'.repeat(10 * 1024 * 1024), /title must be at most 300 characters/],
      ['with a NUL character', 'Mexico\u0000to register migrants', /title must not contain the NUL character/],
      ['with a lone UTF-16 surrogate', 'Mexico \ud800 to register migrants', /title must not contain a lone UTF-16 surrogate/],
      ['with an emoji cut in half', 'Mexico to register migrants 🌎\ud83c', /title must not contain a lone UTF-16 surrogate/],
    ];

    it.each(titles)('%s', async (_what, title, message) => {
      const error = await refusedWithoutWriting(() => app.gql(CREATE_COMMITMENT, { input: commitmentInput({ title }) }), 'BAD_USER_INPUT', 'title');
      expect(error.message).toMatch(message);
      // The message is about the rule, not an echo of a 10 MB value.
      expect(error.message.length).toBeLessThan(200);
    });

    it('accepts a title of exactly 300 characters, an emoji counted as one', async () => {
      const title = '🌎' + 'x'.repeat(299); // 301 UTF-16 units, 300 characters
      const res = await app.gql(CREATE_COMMITMENT, { input: commitmentInput({ title }) });
      expect(res.errors).toBeUndefined();
      expect(res.data!.createCommitment.commitment.title).toBe(title);
    });
  });

  describe('page size', () => {
    it.each([0, 101, -1])('first: %d is refused, naming first', async (first) => {
      const error = await refusedWithoutWriting(() => app.gql(LIST, { first }), 'BAD_USER_INPUT', 'first');
      expect(error.message).toContain('1 to 100');
    });

    it('first: 100 works', async () => {
      const res = await app.gql(LIST, { first: 100 });
      expect(res.errors).toBeUndefined();
      expect(res.data!.commitments.totalCount).toBe(res.data!.commitments.edges.length);
      expect(res.data!.commitments.pageInfo.hasNextPage).toBe(false);
    });

    it('is checked on nested lists too', async () => {
      const res = await app.gql('query($id: ID!) { commitment(id: $id) { evidence(first: 101) { totalCount } } }', { id: SEED_IDS.commitments.mxSmuggling });
      expectError(res, 'BAD_USER_INPUT', 'first');
    });
  });

  describe('malformed cursors are refused as bad input naming after', () => {
    const agreementCursor = async () => {
      const res = await app.gql('{ agreements(first: 1) { pageInfo { endCursor } } }');
      return res.data!.agreements.pageInfo.endCursor as string;
    };
    const titleCursor = async () => {
      const res = await app.gql(LIST, { first: 1, orderBy: { field: 'TITLE' } });
      return res.data!.commitments.pageInfo.endCursor as string;
    };

    const cases: [string, () => Promise<string>, Record<string, unknown> | undefined][] = [
      ['garbage', async () => 'garbage', undefined],
      ['base64 of {}', async () => Buffer.from('{}').toString('base64'), undefined],
      ['base64url of {}', async () => Buffer.from('{}').toString('base64url'), undefined],
      ['a cursor of the agreements list', agreementCursor, undefined],
      ['a cursor of another order (TITLE used with DUE_ON)', titleCursor, { field: 'DUE_ON' }],
      ['a cursor of the same order in the other direction', titleCursor, { field: 'TITLE', direction: 'DESC' }],
      ['a forged cursor with a day that does not exist', async () => cursor(['commitments:DUE_ON:ASC', '2024-02-30', SEED_IDS.commitments.mxSmuggling]), { field: 'DUE_ON' }],
      ['a forged cursor with a timestamp PostgreSQL cannot read', async () => cursor(['commitments:CREATED_AT:ASC', '1', SEED_IDS.commitments.mxSmuggling]), undefined],
      ['a forged cursor with a NUL character', async () => cursor(['commitments:TITLE:ASC', 'a\u0000b', SEED_IDS.commitments.mxSmuggling]), { field: 'TITLE' }],
      ['a forged cursor with a non-uuid id', async () => cursor(['commitments:CREATED_AT:ASC', '2023-12-27 18:00:00+00', "x' OR 1=1"]), undefined],
    ];

    // Every row has all three cells: jest passes a `done` callback to a test with more parameters than cells.
    it.each(cases)('%s', async (_what, makeCursor, orderBy) => {
      const after = await makeCursor();
      await refusedWithoutWriting(() => app.gql(LIST, { first: 2, after, orderBy }), 'BAD_USER_INPUT', 'after');
    });

    it('a forged activity cursor beyond the bigint range', async () => {
      const after = cursor(['activity', '9999999999999999999']);
      const res = await app.gql('query($after: String) { activity(first: 2, after: $after) { totalCount } }', { after });
      expectError(res, 'BAD_USER_INPUT', 'after');
    });

    it('while a cursor the API made still pages on', async () => {
      const after = await titleCursor();
      const res = await app.gql(LIST, { first: 2, after, orderBy: { field: 'TITLE' } });
      expect(res.errors).toBeUndefined();
      expect(res.data!.commitments.edges.length).toBeGreaterThan(0);
    });
  });

  describe('due dates', () => {
    it.each(['2024-02-30', 'yesterday', '2024-2-3', '2024-01-01T00:00:00Z'])('dueBefore %j in a variable is refused, naming dueBefore', async (dueBefore) => {
      const res = await app.gql(LIST, { first: 5, filter: { dueBefore } });
      const error = expectError(res, 'BAD_USER_INPUT', 'dueBefore');
      expect(error.message).toContain(dueBefore);
      expect(error.message).toContain('YYYY-MM-DD');
    });

    it.each(['2024-02-30', 'yesterday'])('dueBefore %j written in the query is refused', async (dueBefore) => {
      const res = await app.gql(`{ commitments(first: 5, filter: { dueBefore: "${dueBefore}" }) { totalCount } }`);
      const error = expectError(res, 'BAD_USER_INPUT');
      expect(error.message).toContain(dueBefore);
    });

    it.each(['0000-01-01', '0000-12-31'])('a due date %j in the year 0, which the calendar does not have, is refused naming dueOn', async (dueOn) => {
      const error = await refusedWithoutWriting(() => app.gql(CREATE_COMMITMENT, { input: commitmentInput({ dueOn }) }), 'BAD_USER_INPUT', 'dueOn');
      expect(error.message).toContain('YYYY-MM-DD');
    });

    it('the first and the last day the API accepts, 0001-01-01 and 9999-12-31, are due dates like any other', async () => {
      for (const dueOn of ['0001-01-01', '9999-12-31']) {
        const res = await app.gql(CREATE_COMMITMENT, { input: commitmentInput({ dueOn }) });
        expect(res.errors).toBeUndefined();
        const [row] = await app.sql('SELECT due_on::text AS due FROM commitments WHERE id = $1', [res.data!.createCommitment.commitment.id]);
        expect(row.due).toBe(dueOn);
      }
    });

    it('a real leap day is fine', async () => {
      const res = await app.gql(LIST, { first: 5, filter: { dueBefore: '2024-02-29' } });
      expect(res.errors).toBeUndefined();
    });
  });

  describe('createAgreement refuses bad parties', () => {
    const input = (partyCodes: string[]) => ({ title: 'US–Guatemala talks', kind: 'DIALOGUE', partyCodes });

    it.each([
      ['one party', ['US']],
      ['the same party twice', ['US', 'us']],
      ['an unknown party code', ['US', 'ZZ']],
      ['no party at all', []],
    ])('%s', async (_what, partyCodes) => {
      const error = await refusedWithoutWriting(() => app.gql(CREATE_AGREEMENT, { input: input(partyCodes as string[]) }), 'BAD_USER_INPUT', 'partyCodes');
      expect(error.message).toContain('partyCodes');
    });

    it('an unknown participant is NOT_FOUND, naming participantIds', async () => {
      await refusedWithoutWriting(
        () => app.gql(CREATE_AGREEMENT, { input: { ...input(['US', 'GT']), participantIds: [UNKNOWN_ID] } }),
        'NOT_FOUND',
        'participantIds',
      );
    });
  });

  describe('createCommitment refuses references that do not fit', () => {
    it('a party that is not a party of the agreement', async () => {
      const error = await refusedWithoutWriting(() => app.gql(CREATE_COMMITMENT, { input: commitmentInput({ partyCodes: ['MX', 'GT'] }) }), 'BAD_USER_INPUT', 'partyCodes');
      expect(error.message).toContain('GT');
    });

    it('a party code that does not exist', async () => {
      const error = await refusedWithoutWriting(() => app.gql(CREATE_COMMITMENT, { input: commitmentInput({ partyCodes: ['ZZ'] }) }), 'BAD_USER_INPUT', 'partyCodes');
      expect(error.message).toContain('ZZ');
    });

    it('an unknown theme', async () => {
      const error = await refusedWithoutWriting(
        () => app.gql(CREATE_COMMITMENT, { input: commitmentInput({ themes: ['anti-smuggling', 'space-race'] }) }),
        'BAD_USER_INPUT',
        'themes',
      );
      expect(error.message).toContain('space-race');
    });

    it('an unknown owner organization', async () => {
      const error = await refusedWithoutWriting(
        () => app.gql(CREATE_COMMITMENT, { input: commitmentInput({ ownerOrganizationId: UNKNOWN_ID }) }),
        'NOT_FOUND',
        'ownerOrganizationId',
      );
      expect(error.message).toContain(UNKNOWN_ID);
    });

    it('an owner organization id that is not an id', async () => {
      await refusedWithoutWriting(() => app.gql(CREATE_COMMITMENT, { input: commitmentInput({ ownerOrganizationId: 'SRE' }) }), 'BAD_USER_INPUT', 'ownerOrganizationId');
    });

    it('an unknown agreement', async () => {
      await refusedWithoutWriting(() => app.gql(CREATE_COMMITMENT, { input: commitmentInput({ agreementId: UNKNOWN_ID }) }), 'NOT_FOUND', 'agreementId');
    });

    it('a theme slug with a NUL character', async () => {
      await refusedWithoutWriting(() => app.gql(CREATE_COMMITMENT, { input: commitmentInput({ themes: ['anti\u0000smuggling'] }) }), 'BAD_USER_INPUT', 'themes[0]');
    });

    it('a missing required field, named', async () => {
      const { title: _omitted, ...withoutTitle } = commitmentInput({});
      await refusedWithoutWriting(() => app.gql(CREATE_COMMITMENT, { input: withoutTitle }), 'BAD_USER_INPUT', 'title');
    });
  });

  it('a search with a NUL character is bad input naming the field, not a server error', async () => {
    const res = await app.gql(LIST, { first: 5, filter: { search: 'smuggling\u0000' } });
    expectError(res, 'BAD_USER_INPUT', 'filter.search');
  });

  describe('ids that cannot be ids', () => {
    const malformed = ['not-a-uuid', '', '00000000-0000-4000-8000-00000000070g', '{00000000-0000-4000-8000-000000000701}', 'x'.repeat(1024 * 1024)];

    it.each([
      ['commitment(id)', 'query($id: ID!) { commitment(id: $id) { id } }', 'id'],
      ['agreement(id)', 'query($id: ID!) { agreement(id: $id) { id } }', 'id'],
      ['comments(subjectId)', 'query($id: ID!) { comments(subjectId: $id, first: 5) { totalCount } }', 'subjectId'],
    ])('%s answers NOT_FOUND naming the argument, as for an id of another workspace', async (_what, query, field) => {
      expectError(await app.gql(query, { id: UNKNOWN_ID }), 'NOT_FOUND', field);
      for (const id of malformed) {
        const error = expectError(await app.gql(query, { id }), 'NOT_FOUND', field);
        // A megabyte is not echoed back.
        expect(error.message.length).toBeLessThan(200);
      }
      // Text no row could hold is refused as such before any lookup, as in every other argument.
      expect(expectError(await app.gql(query, { id: '\ud800' }), 'BAD_USER_INPUT', field).message).toMatch(/lone UTF-16 surrogate/);
    });
  });

  it('a comment body with a lone UTF-16 surrogate is bad input naming body', async () => {
    const res = await app.gql('mutation($input: AddCommentInput!) { addComment(input: $input) { comment { id } } }', {
      input: { subjectType: 'COMMITMENT', subjectId: SEED_IDS.commitments.mxSmuggling, body: 'Agreed \udc00 with this' },
    });
    expect(expectError(res, 'BAD_USER_INPUT', 'body').message).toMatch(/lone UTF-16 surrogate/);
  });

  describe('request bodies', () => {
    const post = async (body: string) => {
      const res = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const text = await res.text();
      return { status: res.status, contentType: res.headers.get('content-type') ?? '', text };
    };

    it('over 12 MB gets a JSON GraphQL error with BAD_USER_INPUT, not an HTML page', async () => {
      const before = await rowCounts(app);
      const body = JSON.stringify({ query: CREATE_COMMITMENT, variables: { input: commitmentInput({ description: 'x'.repeat(13 * 1024 * 1024) }) } });
      const res = await post(body);
      expect(res.status).toBe(413);
      expect(res.contentType).toContain('application/json');
      expect(res.text).not.toMatch(/<html|<!DOCTYPE/i);
      const json = JSON.parse(res.text);
      expect(json.errors).toHaveLength(1);
      expect(json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(json.errors[0].message).toMatch(/larger than/);
      expectNoLeak(json);
      expect(await rowCounts(app)).toEqual(before);
    });

    it('that is not JSON gets a JSON GraphQL error with BAD_USER_INPUT', async () => {
      const res = await post('{"query": "{ parties { code } }"');
      expect(res.status).toBe(400);
      expect(res.contentType).toContain('application/json');
      const json = JSON.parse(res.text);
      expect(json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expectNoLeak(json);
    });

    it('a query that does not parse is BAD_USER_INPUT without a stack trace', async () => {
      expectError(await app.gql('{ commitments(first: 5 { totalCount } }'), 'BAD_USER_INPUT');
    });

    it('a field that does not exist is BAD_USER_INPUT, naming it', async () => {
      const error = expectError(await app.gql('{ commitments(first: 5) { totalCount secretColumn } }'), 'BAD_USER_INPUT', 'secretColumn');
      expect(error.message).toContain('secretColumn');
    });
  });
});
