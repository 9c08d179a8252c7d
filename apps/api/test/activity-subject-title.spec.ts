import { SEED_IDS } from '../src/database/seeds/us-mexico-migration-talks.seed-data';
import { lastActivityId } from './support/expectations';
import { subscribe } from './support/live';
import { startTestApp, TestApp } from './support/test-app';

/*
 * Every activity entry can say what it concerns: subjectTitle names the commitment, agreement or
 * source as it is now, and for a comment what it is on, also where the row's own before/after
 * carries no title (an edit that left the title alone, a link, a comment).
 */
const FEED = `query($first: Int!) { activity(first: $first) { edges { node { id verb subjectType subjectTitle } } } }`;
const Q = {
  one: 'query($id: ID!) { commitment(id: $id) { version title agreement { id title } } }',
  source: 'mutation($input: AddEvidenceInput!) { addEvidence(input: $input) { evidence { id } } }',
  update: 'mutation($input: UpdateCommitmentInput!) { updateCommitment(input: $input) { commitment { id } } }',
  link: 'mutation($input: LinkCommitmentsInput!) { linkCommitments(input: $input) { link { id } } }',
  comment: 'mutation($input: AddCommentInput!) { addComment(input: $input) { comment { id } } }',
};

describe('activity subject titles', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.close());

  const ok = async (query: string, variables: Record<string, unknown>) => {
    const res = await app.gql(query, variables);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data as any;
  };

  it('names the commitment, the agreement a comment is on, and the source, for a viewer, an analyst and a READ key', async () => {
    const since = await lastActivityId(app);
    const id = SEED_IDS.commitments.mxSmuggling;
    const { commitment } = await ok(Q.one, { id });
    const agreement = commitment.agreement;
    await ok(Q.source, { input: { commitmentId: id, url: 'https://www.gob.mx/inm/prensa/42', title: 'INM bulletin 42' } });
    await ok(Q.update, { input: { id, expectedVersion: commitment.version, description: 'Arrests began in Chiapas' } });
    await ok(Q.link, { input: { fromCommitmentId: id, toCommitmentId: SEED_IDS.commitments.usCbpCrackdown, kind: 'DEPENDS_ON' } });
    await ok(Q.comment, { input: { subjectType: 'AGREEMENT', subjectId: agreement.id, body: 'Minutes are out' } });

    for (const token of [app.tokens.viewer, app.tokens.analyst, app.tokens.readKey]) {
      const res = await app.request<any>({ query: FEED, variables: { first: 50 }, token });
      expect(res.errors).toBeUndefined();
      const mine = res.data.activity.edges.map((e: any) => e.node).filter((n: any) => BigInt(n.id) > BigInt(since));
      expect(mine.map((n: any) => [n.verb, n.subjectTitle])).toEqual([
        ['comment.added', agreement.title],
        ['commitment.linked', commitment.title],
        ['commitment.updated', commitment.title],
        ['evidence.added', 'INM bulletin 42'],
      ]);
    }
  });

  it('is null for a subject it does not name (a theme: its after names it)', async () => {
    await ok('mutation($input: CreateThemeInput!) { createTheme(input: $input) { theme { slug } } }', { input: { slug: 'remittances', name: 'Remittances', nameEs: 'Remesas' } });
    const res = await app.gql<any>(FEED, { first: 100 });
    const others = res.data!.activity.edges.map((e: any) => e.node).filter((n: any) => !['Commitment', 'Agreement', 'Evidence', 'Indicator', 'Comment'].includes(n.subjectType));
    expect(others.map((n: any) => n.verb)).toContain('theme.created');
    for (const n of others) expect(n.subjectTitle).toBeNull();
  });

  it('comes with live entries too (activityAdded), as the dashboard receives them', async () => {
    const since = await lastActivityId(app);
    const id = SEED_IDS.commitments.mxHumaneBorder;
    const { commitment } = await ok(Q.one, { id });
    await ok(Q.update, { input: { id, expectedVersion: commitment.version, description: 'Shelters opened in Tapachula' } });
    const live = subscribe<{ activityAdded: { verb: string; subjectTitle: string | null } }>(
      app.url, { token: app.tokens.viewer }, 'subscription($since: ID) { activityAdded(since: $since) { verb subjectTitle } }', { since },
    );
    try {
      await live.until((v) => v.length > 0, 10_000, 'the edit');
      expect(live.values[0].activityAdded).toEqual({ verb: 'commitment.updated', subjectTitle: commitment.title });
    } finally {
      await live.close();
    }
  });
});
