import { activitySince, expectError, lastActivityId } from './support/expectations';
import { startTestApp, TestApp } from './support/test-app';

/*
 * Saved views: a named commitment filter and order, private or shared; the one filter model
 * behind the list and digest watches. Who sees which, who may change which, and what each change
 * writes to the activity log.
 */

const VIEW = 'id name filter order shared mine ownerName version';
const Q = {
  save: `mutation($input: SaveViewInput!) { saveView(input: $input) { view { ${VIEW} } } }`,
  update: `mutation($input: UpdateViewInput!) { updateView(input: $input) { view { ${VIEW} } } }`,
  remove: 'mutation($input: DeleteViewInput!) { deleteView(input: $input) { removedViewId } }',
  list: `query { savedViews { ${VIEW} } }`,
  watch: 'mutation($input: WatchInput!) { watch(input: $input) { watch { id subjectType subjectId name filter } } }',
  myWatches: 'query { me { watches { id subjectType subjectId name filter } } }',
  commitments: 'query($filter: CommitmentFilter, $orderBy: CommitmentOrder) { commitments(first: 50, filter: $filter, orderBy: $orderBy) { totalCount } }',
  addRecipient: 'mutation($input: AddDigestRecipientInput!) { addDigestRecipient(input: $input) { subscription { id filter viewId } } }',
  recipients: 'query { digestRecipients { id email filter viewId } }',
};

describe('saved views', () => {
  let app: TestApp;
  const ok = async (token: string, query: string, variables: Record<string, unknown> = {}) => {
    const res = await app.request({ query, variables, token });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data as Record<string, any>;
  };
  const names = async (token: string) => (await ok(token, Q.list)).savedViews.map((v: { name: string }) => v.name);
  const counts = async () => (await app.sql('SELECT (SELECT count(*)::int FROM saved_views) AS views, (SELECT count(*)::int FROM activity) AS activity'))[0];

  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
  });
  afterAll(() => app?.close());

  let privateView: any;
  let sharedView: any;

  it('an analyst saves the list filter and order under a name, privately; the filter gives the list it names', async () => {
    const filter = { status: ['IN_PROGRESS', 'ANNOUNCED'], partyCodes: ['MX'] };
    const order = { field: 'DUE_ON', direction: 'DESC' };
    const since = await lastActivityId(app);
    privateView = (await ok(app.tokens.analyst, Q.save, { input: { name: '  Mexico, open  ', filter, order } })).saveView.view;
    expect(privateView).toMatchObject({ name: 'Mexico, open', filter, order, shared: false, mine: true, ownerName: 'Ana Analyst', version: 1 });
    const [row] = await activitySince(app, since);
    expect(row).toMatchObject({ verb: 'saved_view.created', subject_type: 'SavedView', subject_id: privateView.id, after: { shared: false, version: 1 } });
    expect(JSON.stringify(row.after)).not.toContain('Mexico');
    // What the view holds is what commitments(filter:, orderBy:) takes.
    const listed = await ok(app.tokens.analyst, Q.commitments, { filter: privateView.filter, orderBy: privateView.order });
    expect(listed.commitments.totalCount).toBeGreaterThan(0);
  });

  it('a private view is invisible to everyone else, over the API too (list, watch, update, delete: NOT_FOUND)', async () => {
    expect(await names(app.tokens.analyst)).toContain('Mexico, open');
    for (const token of [app.tokens.owner, app.tokens.viewer, app.tokens.readKey]) expect(await names(token)).not.toContain('Mexico, open');
    const before = await counts();
    expectError(await app.request({ query: Q.watch, variables: { input: { subjectType: 'VIEW', subjectId: privateView.id } }, token: app.tokens.owner }), 'NOT_FOUND', 'subjectId');
    expectError(await app.request({ query: Q.update, variables: { input: { id: privateView.id, expectedVersion: 1, name: 'Mine now' } }, token: app.tokens.owner }), 'NOT_FOUND', 'id');
    expectError(await app.request({ query: Q.remove, variables: { input: { id: privateView.id, expectedVersion: 1 } }, token: app.tokens.owner }), 'NOT_FOUND', 'id');
    expectError(await app.request({ query: Q.addRecipient, variables: { input: { email: 'x@example.org', viewId: privateView.id } }, token: app.tokens.owner }), 'NOT_FOUND', 'viewId');
    expect(await counts()).toEqual(before);
  });

  it('sharing needs an analyst or above: a viewer saves private views only; READ keys write none', async () => {
    const before = await counts();
    expectError(await app.request({ query: Q.save, variables: { input: { name: 'Viewer shared', filter: {}, shared: true } }, token: app.tokens.viewer }), 'FORBIDDEN', 'shared');
    expectError(await app.request({ query: Q.save, variables: { input: { name: 'Key view', filter: {} } }, token: app.tokens.readKey }), 'FORBIDDEN');
    expect(await counts()).toEqual(before);
    const mine = (await ok(app.tokens.viewer, Q.save, { input: { name: 'Viewer private', filter: { overdue: true } } })).saveView.view;
    expectError(await app.request({ query: Q.update, variables: { input: { id: mine.id, expectedVersion: 1, shared: true } }, token: app.tokens.viewer }), 'FORBIDDEN', 'shared');
    // …and watches it for digests.
    const watched = (await ok(app.tokens.viewer, Q.watch, { input: { subjectType: 'VIEW', subjectId: mine.id } })).watch.watch;
    expect(watched).toMatchObject({ subjectType: 'VIEW', subjectId: mine.id, name: 'Viewer private', filter: { overdue: true } });
  });

  it('bad names are refused naming the field, and write nothing', async () => {
    const before = await counts();
    for (const name of ['', '   ', 'x'.repeat(201), 'two\nlines', 'bell\u0007']) {
      expectError(await app.request({ query: Q.save, variables: { input: { name, filter: {} } }, token: app.tokens.analyst }), 'BAD_USER_INPUT', 'name');
    }
    expectError(await app.request({ query: Q.update, variables: { input: { id: privateView.id, expectedVersion: 1, name: '' } }, token: app.tokens.analyst }), 'BAD_USER_INPUT', 'name');
    expectError(await app.request({ query: Q.update, variables: { input: { id: privateView.id, expectedVersion: 1, name: null } }, token: app.tokens.analyst }), 'BAD_USER_INPUT', 'name');
    expectError(await app.request({ query: Q.update, variables: { input: { id: '00000000-0000-4000-8000-00000000dead', expectedVersion: 1, name: 'x' } }, token: app.tokens.analyst }), 'NOT_FOUND', 'id');
    expect(await counts()).toEqual(before);
  });

  it('the owner shares it (analyst): the workspace sees it and may watch it, not change it; a stale version is a CONFLICT', async () => {
    const since = await lastActivityId(app);
    sharedView = (await ok(app.tokens.analyst, Q.update, { input: { id: privateView.id, expectedVersion: 1, shared: true, name: 'Mexico, open (team)' } })).updateView.view;
    expect(sharedView).toMatchObject({ shared: true, version: 2, name: 'Mexico, open (team)' });
    const [row] = await activitySince(app, since);
    expect(row).toMatchObject({ verb: 'saved_view.updated', before: { shared: false, version: 1 }, after: { shared: true, version: 2, name: 'Mexico, open (team)' } });
    for (const token of [app.tokens.owner, app.tokens.viewer, app.tokens.readKey]) expect(await names(token)).toContain('Mexico, open (team)');
    expect((await ok(app.tokens.owner, Q.list)).savedViews.find((v: { id: string }) => v.id === sharedView.id)).toMatchObject({ mine: false, ownerName: 'Ana Analyst' });
    await ok(app.tokens.owner, Q.watch, { input: { subjectType: 'VIEW', subjectId: sharedView.id } });
    expectError(await app.request({ query: Q.update, variables: { input: { id: sharedView.id, expectedVersion: 2, name: 'Taken' } }, token: app.tokens.owner }), 'FORBIDDEN', 'id');
    const stale = expectError(await app.request({ query: Q.update, variables: { input: { id: sharedView.id, expectedVersion: 1, name: 'Late' } }, token: app.tokens.analyst }), 'CONFLICT', 'expectedVersion');
    expect(stale.extensions?.currentVersion).toBe(2);
  });

  it('an outside recipient follows the shared view: they get its filter as it changes', async () => {
    const added = (await ok(app.tokens.owner, Q.addRecipient, { input: { email: 'team-follower@example.org', viewId: sharedView.id } })).addDigestRecipient.subscription;
    expect(added).toMatchObject({ viewId: sharedView.id, filter: sharedView.filter });
    expectError(await app.request({ query: Q.addRecipient, variables: { input: { email: 'both@example.org', viewId: sharedView.id, filter: {} } }, token: app.tokens.owner }), 'BAD_USER_INPUT', 'viewId');
    sharedView = (await ok(app.tokens.analyst, Q.update, { input: { id: sharedView.id, expectedVersion: 2, filter: { partyCodes: ['US'] } } })).updateView.view;
    const [follower] = (await ok(app.tokens.owner, Q.recipients)).digestRecipients.filter((r: { email: string }) => r.email === 'team-follower@example.org');
    expect(follower).toMatchObject({ viewId: sharedView.id, filter: { partyCodes: ['US'] } });
  });

  it('made private again: others lose their watch of it, outside followers keep its filter as their own', async () => {
    const since = await lastActivityId(app);
    await ok(app.tokens.analyst, Q.update, { input: { id: sharedView.id, expectedVersion: 3, shared: false } });
    expect((await ok(app.tokens.owner, Q.myWatches)).me.watches.filter((w: { subjectType: string }) => w.subjectType === 'VIEW')).toEqual([]);
    expect(await names(app.tokens.owner)).not.toContain('Mexico, open (team)');
    const [follower] = (await ok(app.tokens.owner, Q.recipients)).digestRecipients.filter((r: { email: string }) => r.email === 'team-follower@example.org');
    expect(follower).toMatchObject({ viewId: null, filter: { partyCodes: ['US'] } });
    expect((await activitySince(app, since)).map((r) => r.verb).sort()).toEqual(['saved_view.updated', 'watch.removed']);
  });

  it('the owner deletes it: its watches end, one saved_view.deleted row; deleting again is NOT_FOUND', async () => {
    await ok(app.tokens.analyst, Q.watch, { input: { subjectType: 'VIEW', subjectId: sharedView.id } });
    const since = await lastActivityId(app);
    await ok(app.tokens.analyst, Q.remove, { input: { id: sharedView.id, expectedVersion: 4 } });
    expect((await activitySince(app, since)).map((r) => r.verb)).toEqual(['saved_view.deleted']);
    expect((await ok(app.tokens.analyst, Q.myWatches)).me.watches.filter((w: { subjectId: string }) => w.subjectId === sharedView.id)).toEqual([]);
    expect(await names(app.tokens.analyst)).not.toContain('Mexico, open (team)');
    expectError(await app.request({ query: Q.remove, variables: { input: { id: sharedView.id, expectedVersion: 4 } }, token: app.tokens.analyst }), 'NOT_FOUND', 'id');
  });
});
