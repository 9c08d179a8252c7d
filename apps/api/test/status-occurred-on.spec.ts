import { latestOccurredOn, todayIso } from '@pactwatch/domain';
import { DEMO_USERS } from '../src/database/seeds/demo-accounts';
import { SEED_IDS } from '../src/database/seeds/us-mexico-migration-talks.seed-data';
import { expectError, rowCounts } from './support/expectations';
import { startTestApp, TestApp } from './support/test-app';

const CREATE = `mutation($input: CreateCommitmentInput!) { createCommitment(input: $input) { commitment { id version } } }`;
const CHANGE = `
  mutation($input: ChangeCommitmentStatusInput!) {
    changeCommitmentStatus(input: $input) {
      commitment { status version }
      statusChange { from to occurredOn createdAt }
    }
  }`;
const READ = `
  query($id: ID!) {
    commitment(id: $id) {
      status version
      latestStatusChange { from to occurredOn }
      statusHistory(first: 10) { edges { node { from to note occurredOn createdAt } } }
    }
  }`;
const HISTORY_PAGE = `
  query($id: ID!, $after: String) {
    commitment(id: $id) { statusHistory(first: 2, after: $after) { pageInfo { hasNextPage endCursor } edges { node { note } } } }
  }`;

type History = { from: string | null; to: string; note: string; occurredOn: string; createdAt: string }[];

describe('when a status change happened, not only when it was typed', () => {
  let app: TestApp;
  let id: string;
  let version = 1;

  beforeAll(async () => {
    app = await startTestApp();
    const res = await app.gql(CREATE, {
      input: { agreementId: SEED_IDS.agreements.migrationTalks, partyCodes: ['MX'], title: 'Shelters along the southern border' },
    });
    expect(res.errors).toBeUndefined();
    id = res.data!.createCommitment.commitment.id;
  });
  afterAll(() => app.close());

  const change = async (input: Record<string, unknown>) => {
    const res = await app.gql(CHANGE, { input: { commitmentId: id, expectedVersion: version, ...input } });
    if (!res.errors) version = res.data!.changeCommitmentStatus.commitment.version;
    return res;
  };
  const read = async (): Promise<{ status: string; version: number; latestStatusChange: Record<string, unknown>; history: History }> => {
    const res = await app.gql(READ, { id });
    expect(res.errors).toBeUndefined();
    const c = res.data!.commitment;
    return { ...c, history: c.statusHistory.edges.map((e: { node: History[number] }) => e.node) };
  };

  it('dates a change today (UTC) when no day is given', async () => {
    const res = await change({ status: 'IN_PROGRESS', note: 'Two shelters opened.' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.changeCommitmentStatus.statusChange).toMatchObject({ from: 'ANNOUNCED', to: 'IN_PROGRESS', occurredOn: todayIso() });
    expect(res.data!.changeCommitmentStatus.commitment.status).toBe('IN_PROGRESS');
  });

  it('back-fills a change older than the current one: in history at its day, the current status left as it is', async () => {
    const res = await change({ status: 'STALLED', reasonCode: 'NO_FUNDING', note: 'Funding was held up for a month.', occurredOn: '2024-03-01' });
    expect(res.errors).toBeUndefined();
    const { commitment, statusChange } = res.data!.changeCommitmentStatus;
    // It moved from the status in force on its day (the one the commitment was created with).
    expect(statusChange).toMatchObject({ from: 'ANNOUNCED', to: 'STALLED', occurredOn: '2024-03-01' });
    expect(commitment).toEqual({ status: 'IN_PROGRESS', version: 3 });

    const c = await read();
    expect(c.status).toBe('IN_PROGRESS');
    expect(c.latestStatusChange).toEqual({ from: 'ANNOUNCED', to: 'IN_PROGRESS', occurredOn: todayIso() });
    // Newest first in the order things happened; the entry it was created with is where history starts.
    expect(c.history.map((h) => [h.to, h.occurredOn])).toEqual([
      ['IN_PROGRESS', todayIso()],
      ['STALLED', '2024-03-01'],
      ['ANNOUNCED', todayIso()],
    ]);
    // The time it was recorded stays beside the day it happened.
    expect(new Date(c.history[1].createdAt).getTime()).toBeGreaterThan(new Date(c.history[0].createdAt).getTime());
  });

  it('makes a back-filled change on the day of the latest one current, ties going to the one recorded last', async () => {
    const res = await change({ status: 'PARTIALLY_FULFILLED', note: 'Half of the shelters are open.', occurredOn: todayIso(), newEvidence: [{ url: 'https://example.org/shelters', title: 'Shelter census' }] });
    expect(res.errors).toBeUndefined();
    expect(res.data!.changeCommitmentStatus.statusChange.from).toBe('IN_PROGRESS');
    const c = await read();
    expect(c.status).toBe('PARTIALLY_FULFILLED');
    expect(c.latestStatusChange).toMatchObject({ to: 'PARTIALLY_FULFILLED' });
    expect(c.history.map((h) => h.to)).toEqual(['PARTIALLY_FULFILLED', 'IN_PROGRESS', 'STALLED', 'ANNOUNCED']);
  });

  it('pages through the history in that order with cursors', async () => {
    const first = await app.gql(HISTORY_PAGE, { id });
    expect(first.errors).toBeUndefined();
    const page1 = first.data!.commitment.statusHistory;
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await app.gql(HISTORY_PAGE, { id, after: page1.pageInfo.endCursor });
    expect(second.errors).toBeUndefined();
    const notes = [...page1.edges, ...second.data!.commitment.statusHistory.edges].map((e: { node: { note: string } }) => e.node.note);
    expect(notes).toEqual(['Half of the shelters are open.', 'Two shelters opened.', 'Funding was held up for a month.', 'Recorded']);
  });

  it('refuses a day in the future or before 1900, naming occurredOn, and writes nothing', async () => {
    const counts = await rowCounts(app);
    const tomorrowEverywhere = new Date(Date.parse(`${latestOccurredOn()}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const future = await change({ status: 'IN_PROGRESS', note: 'Not yet', occurredOn: tomorrowEverywhere });
    expect(expectError(future, 'BAD_USER_INPUT', 'occurredOn').message).toBe('occurredOn cannot be in the future');
    expectError(await change({ status: 'IN_PROGRESS', occurredOn: '1899-12-31' }), 'BAD_USER_INPUT', 'occurredOn');
    expect(await rowCounts(app)).toEqual(counts);
    expect((await read()).version).toBe(version);
  });

  it('puts the day it happened in the digest, beside the time it was recorded', async () => {
    const watch = await app.gql('mutation($input: WatchInput!) { watch(input: $input) { watch { id } } }', { input: { subjectType: 'COMMITMENT', subjectId: id } });
    expect(watch.errors).toBeUndefined();
    // Watching starts the analyst's digests from now; this one reports the last hour.
    await app.sql("UPDATE digest_subscriptions SET covered_until = now() - interval '1 hour' WHERE user_id = $1", [DEMO_USERS.analyst.id]);
    const preview = await app.gql('query { digestPreview { text html } }');
    expect(preview.errors).toBeUndefined();
    const { text, html } = preview.data!.digestPreview;
    expect(text).toMatch(/^ {2}Announced → Stalled on Mar 1, 2024 \(changed by [^,]+, .+\)$/m);
    expect(html).toContain('Stalled</strong> on Mar 1, 2024');
    // Within the commitment, in the order things happened: the back-filled change first.
    expect(text.indexOf('Stalled on Mar 1, 2024')).toBeLessThan(text.indexOf('Announced → In progress'));
  });
});
