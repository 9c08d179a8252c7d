import { randomUUID } from 'node:crypto';
import { simpleParser } from 'mailparser';
import { DEMO_USERS } from '../src/database/seeds/demo-accounts';
import { SEED_IDS } from '../src/database/seeds/us-mexico-migration-talks.seed-data';
import { untilTheMinuteEnds } from './support/digests';
import { signUpAndConfirm } from './support/accounts';
import { expectError, lastActivityId } from './support/expectations';
import { Recording, subscribe } from './support/live';
import { GqlResponse, startTestApp, TestApp } from './support/test-app';

/*
 * Discussion on commitments and agreements: comments in safe Markdown, edited and deleted by
 * their authors only (and kept in the activity log), @mentions of members that notify them in
 * the app, live, and in their next digest.
 */

const C = SEED_IDS.commitments;
const AGREEMENT = SEED_IDS.agreements.migrationTalks;
const COMMENT = 'id subjectType subjectId body bodyHtml author { id name } createdAt editedAt deleted mentions { id name }';
const Q = {
  add: `mutation($input: AddCommentInput!) { addComment(input: $input) { comment { ${COMMENT} } } }`,
  edit: `mutation($input: EditCommentInput!) { editComment(input: $input) { comment { ${COMMENT} } } }`,
  remove: `mutation($input: DeleteCommentInput!) { deleteComment(input: $input) { comment { ${COMMENT} } } }`,
  thread: `query($subjectId: ID!, $first: Int!, $after: String) { comments(subjectId: $subjectId, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${COMMENT} } } } }`,
  notifications: `query($first: Int!, $unreadOnly: Boolean) { notifications(first: $first, unreadOnly: $unreadOnly) {
    totalCount unreadCount pageInfo { hasNextPage endCursor }
    edges { node { id kind actorLabel subjectTitle createdAt readAt read comment { id subjectType subjectId body deleted author { name } } } } } }`,
  markRead: 'mutation($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { markedIds unreadCount } }',
  memberSearch: 'query($query: String!, $first: Int!) { memberSearch(query: $query, first: $first) { id name } }',
  createKey: 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }',
  updateMine: 'mutation($input: DigestScheduleInput!) { updateMyDigestSubscription(input: $input) { subscription { cadence } } }',
  preview: 'query { digestPreview { text html itemCount } }',
  run: 'mutation { runDigests { scheduled sent empty failed } }',
};
const NOTIFICATION_ADDED = 'subscription { notificationAdded { id kind actorLabel subjectTitle read comment { id body } } }';

type Comment = {
  id: string;
  subjectType: string;
  subjectId: string;
  body: string;
  bodyHtml: string;
  author: { id: string; name: string } | null;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  mentions: { id: string; name: string }[];
};

describe('comments, @mentions and notifications', () => {
  let app: TestApp;
  let writeKey: string;
  const open: Recording<any>[] = [];

  const as = async (token: string, query: string, variables?: Record<string, unknown>): Promise<GqlResponse<any>> => app.request({ query, variables, token });
  const ok = async (token: string, query: string, variables?: Record<string, unknown>) => {
    const res = await as(token, query, variables);
    expect(res.errors).toBeUndefined();
    return res.data as Record<string, any>;
  };
  const add = async (input: Record<string, unknown>, token = app.tokens.analyst): Promise<Comment> =>
    (await ok(token, Q.add, { input: { subjectType: 'COMMITMENT', subjectId: C.mxSmuggling, ...input } })).addComment.comment;
  const counts = async () => {
    const [row] = await app.sql(`SELECT (SELECT count(*)::int FROM comments) AS comments, (SELECT count(*)::int FROM comment_mentions) AS mentions,
      (SELECT count(*)::int FROM notifications) AS notifications, (SELECT max(id)::text FROM activity) AS activity`);
    return row;
  };
  const refused = async (res: Promise<GqlResponse>, code: string, field?: string) => {
    const before = await counts();
    const error = expectError(await res, code, field);
    expect(await counts()).toEqual(before);
    return error;
  };
  const activityOf = (subjectId: string) =>
    app.sql<{ verb: string; subject_type: string; actor_label: string; before: any; after: any }>(
      'SELECT verb, subject_type, actor_label, before, after FROM activity WHERE subject_id = $1 ORDER BY id',
      [subjectId],
    );

  beforeAll(async () => {
    app = await startTestApp({ DIGEST_POLL_SECONDS: '0', DIGEST_GRACE_SECONDS: '0', RATE_LIMIT_PER_MINUTE: '100000' });
    writeKey = (await ok(app.tokens.owner, Q.createKey, { input: { name: 'Comment bot', scope: 'READ_WRITE' } })).createApiKey.secret;
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((r) => r.close().catch(() => undefined)));
  });
  afterAll(() => app?.close());

  it('analysts comment on commitments and agreements; threads list oldest first, a page at a time; each comment is in the activity log and the live feed', async () => {
    const since = await lastActivityId(app);
    const onCommitment = subscribe<any>(app.url, { token: app.tokens.viewer }, 'subscription($f: ActivityFilter, $s: ID) { activityAdded(filter: $f, since: $s) { verb subjectId after } }', {
      f: { commitmentId: C.jointStatement },
      s: since,
    });
    const onAgreement = subscribe<any>(app.url, { token: app.tokens.viewer }, 'subscription($f: ActivityFilter, $s: ID) { activityAdded(filter: $f, since: $s) { verb subjectId after } }', {
      f: { agreementId: AGREEMENT },
      s: since,
    });
    open.push(onCommitment, onAgreement);

    const first = await add({ subjectId: C.jointStatement, body: 'First: the joint statement names **no date**.' });
    expect(first).toMatchObject({
      subjectType: 'COMMITMENT',
      subjectId: C.jointStatement,
      body: 'First: the joint statement names **no date**.',
      bodyHtml: '<p>First: the joint statement names <strong>no date</strong>.</p>\n',
      author: { id: DEMO_USERS.analyst.id, name: DEMO_USERS.analyst.name },
      editedAt: null,
      deleted: false,
      mentions: [],
    });
    const second = await add({ subjectId: C.jointStatement, body: 'Second.' }, app.tokens.owner);
    const third = await add({ subjectId: C.jointStatement, body: 'Third.' });
    const onTheAgreement = await add({ subjectType: 'AGREEMENT', subjectId: AGREEMENT, body: 'On the talks as a whole.' });
    expect(onTheAgreement).toMatchObject({ subjectType: 'AGREEMENT', subjectId: AGREEMENT });

    const page1 = (await ok(app.tokens.viewer, Q.thread, { subjectId: C.jointStatement, first: 2 })).comments;
    expect(page1.totalCount).toBe(3);
    expect(page1.edges.map((e: any) => e.node.id)).toEqual([first.id, second.id]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await ok(app.tokens.readKey, Q.thread, { subjectId: C.jointStatement, first: 2, after: page1.pageInfo.endCursor })).comments;
    expect(page2.edges.map((e: any) => e.node.id)).toEqual([third.id]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    expect((await ok(app.tokens.viewer, Q.thread, { subjectId: AGREEMENT, first: 10 })).comments.edges.map((e: any) => e.node.id)).toEqual([onTheAgreement.id]);

    // Unknown subjects and foreign cursors are refused.
    expectError(await as(app.tokens.viewer, Q.thread, { subjectId: randomUUID(), first: 5 }), 'NOT_FOUND', 'subjectId');
    expectError(await as(app.tokens.viewer, Q.thread, { subjectId: C.jointStatement, first: 5, after: 'bm9wZQ' }), 'BAD_USER_INPUT', 'after');
    await refused(as(app.tokens.analyst, Q.add, { input: { subjectType: 'AGREEMENT', subjectId: C.jointStatement, body: 'wrong type' } }), 'NOT_FOUND', 'subjectId');

    expect(await activityOf(first.id)).toEqual([
      {
        verb: 'comment.added',
        subject_type: 'Comment',
        actor_label: DEMO_USERS.analyst.name,
        before: null,
        after: { subjectType: 'COMMITMENT', subjectId: C.jointStatement, body: first.body, mentionedUserIds: [], notifiedUserIds: [] },
      },
    ]);
    await onCommitment.until((v) => v.length >= 3);
    expect(onCommitment.values.map((v) => v.activityAdded.subjectId)).toEqual([first.id, second.id, third.id]);
    await onAgreement.until((v) => v.length >= 4);
    expect(onAgreement.values.map((v) => v.activityAdded.subjectId)).toEqual([first.id, second.id, third.id, onTheAgreement.id]);
  });

  it('renders Markdown without raw HTML and with links to http(s) addresses only', async () => {
    const body = [
      '<script>alert(1)</script>',
      '[x](javascript:alert(1)) and [y](JAVASCRIPT:alert(2)) and [z](data:text/html;base64,PHNjcmlwdD4=) and [w](/relative)',
      '<img src=x onerror=alert(3)> <a href="javascript:alert(4)">a</a> <javascript:alert(5)>',
      '![pixel](https://tracker.example/p.png)',
      '[the statement](https://www.dhs.gov/news "DHS") and https://www.gob.mx/sre and [spaced]( javascript:alert(6) )',
      '',
      '* one',
      '* `<b>code</b>`',
    ].join('\n');
    const comment = await add({ body });
    const html = comment.bodyHtml;
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<[a-z][^>]*\son\w+\s*=/i);
    const hrefs = [...html.matchAll(/\bhref="([^"]*)"/g)].map((m) => m[1]);
    // Images are off: an image is shown as a plain link to its (http) address.
    expect(hrefs).toEqual(['https://tracker.example/p.png', 'https://www.dhs.gov/news', 'https://www.gob.mx/sre']);
    expect(html).not.toMatch(/<[a-z][^>]*\ssrc\s*=/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<a href="https://www.dhs.gov/news" title="DHS" rel="nofollow noopener noreferrer" target="_blank">the statement</a>');
    expect(html).toContain('<code>&lt;b&gt;code&lt;/b&gt;</code>');
    // Refused links stay as the text that was typed.
    expect(html).toContain('[x](javascript:alert(1))');
    // The body itself comes back as written.
    expect(comment.body).toBe(body);
  });

  it('keeps bodies between 1 and 10,000 characters, naming the field', async () => {
    for (const body of ['', '   \n ', 'x'.repeat(10_001), '😀'.repeat(10_001)]) {
      await refused(as(app.tokens.analyst, Q.add, { input: { subjectType: 'COMMITMENT', subjectId: C.mxSmuggling, body } }), 'BAD_USER_INPUT', 'body');
    }
    const longest = await add({ body: '😀'.repeat(10_000) });
    await refused(as(app.tokens.analyst, Q.edit, { input: { commentId: longest.id, body: '' } }), 'BAD_USER_INPUT', 'body');
    await refused(as(app.tokens.analyst, Q.edit, { input: { commentId: longest.id, body: 'y'.repeat(10_001) } }), 'BAD_USER_INPUT', 'body');
  });

  it('edits and deletes your own comments only; both stay in the activity log', async () => {
    const mine = await add({ body: 'Draft: *to check*' });
    const edited = (await ok(app.tokens.analyst, Q.edit, { input: { commentId: mine.id, body: 'Checked: **done**' } })).editComment.comment as Comment;
    expect(edited).toMatchObject({ id: mine.id, body: 'Checked: **done**', bodyHtml: '<p>Checked: <strong>done</strong></p>\n', deleted: false });
    expect(new Date(edited.editedAt!).getTime()).toBeGreaterThanOrEqual(new Date(mine.createdAt).getTime());

    // Someone else's: FORBIDDEN for the owner of the workspace too, and for an unknown id NOT_FOUND.
    await refused(as(app.tokens.owner, Q.edit, { input: { commentId: mine.id, body: 'Rewritten by the owner' } }), 'FORBIDDEN');
    await refused(as(app.tokens.owner, Q.remove, { input: { commentId: mine.id } }), 'FORBIDDEN');
    await refused(as(app.tokens.analyst, Q.edit, { input: { commentId: randomUUID(), body: 'x' } }), 'NOT_FOUND', 'commentId');

    const deleted = (await ok(app.tokens.analyst, Q.remove, { input: { commentId: mine.id } })).deleteComment.comment as Comment;
    expect(deleted).toMatchObject({ id: mine.id, deleted: true, body: '', bodyHtml: '', mentions: [], author: { id: DEMO_USERS.analyst.id } });
    const thread = (await ok(app.tokens.viewer, Q.thread, { subjectId: C.mxSmuggling, first: 100 })).comments.edges.map((e: any) => e.node);
    expect(thread.find((c: Comment) => c.id === mine.id)).toMatchObject({ deleted: true, body: '' });
    // Gone for editing and deleting again.
    await refused(as(app.tokens.analyst, Q.edit, { input: { commentId: mine.id, body: 'back' } }), 'NOT_FOUND', 'commentId');
    await refused(as(app.tokens.analyst, Q.remove, { input: { commentId: mine.id } }), 'NOT_FOUND', 'commentId');

    expect(await activityOf(mine.id)).toEqual([
      expect.objectContaining({ verb: 'comment.added', after: expect.objectContaining({ body: 'Draft: *to check*', subjectType: 'COMMITMENT', subjectId: C.mxSmuggling }) }),
      expect.objectContaining({
        verb: 'comment.edited',
        before: { body: 'Draft: *to check*', mentionedUserIds: [] },
        after: { subjectType: 'COMMITMENT', subjectId: C.mxSmuggling, body: 'Checked: **done**', mentionedUserIds: [], notifiedUserIds: [] },
      }),
      expect.objectContaining({
        verb: 'comment.deleted',
        before: { body: 'Checked: **done**', mentionedUserIds: [] },
        after: { subjectType: 'COMMITMENT', subjectId: C.mxSmuggling, deleted: true },
      }),
    ]);
  });

  it('takes comments from people who may write: viewers and API keys are refused', async () => {
    const input = { subjectType: 'COMMITMENT', subjectId: C.mxSmuggling, body: 'May I?' };
    await refused(as(app.tokens.viewer, Q.add, { input }), 'FORBIDDEN');
    await refused(as(app.tokens.readKey, Q.add, { input }), 'FORBIDDEN');
    await refused(as(writeKey, Q.add, { input }), 'FORBIDDEN');
    const someone = await add({ body: 'Mine.' });
    await refused(as(app.tokens.viewer, Q.edit, { input: { commentId: someone.id, body: 'x' } }), 'FORBIDDEN');
    await refused(as(writeKey, Q.remove, { input: { commentId: someone.id } }), 'FORBIDDEN');
    await refused(app.request({ query: Q.add, variables: { input } }), 'UNAUTHENTICATED');
    // Reading is READ: viewers and keys see the thread.
    expect((await ok(app.tokens.readKey, Q.thread, { subjectId: C.mxSmuggling, first: 1 })).comments.totalCount).toBeGreaterThan(0);
  });

  it('a mention notifies the member mentioned (not yourself); non-members cannot be mentioned; notifications are listed and marked read', async () => {
    const before = (await ok(app.tokens.viewer, Q.notifications, { first: 10 })).notifications;
    expect(before).toMatchObject({ totalCount: 0, unreadCount: 0, edges: [] });

    const comment = await add({
      subjectId: C.usCbpCrackdown,
      body: '@Victor Viewer, @Olivia Owner: see the CBP figures. (Noting it for myself, @Ana Analyst.)',
      mentionedUserIds: [DEMO_USERS.viewer.id, DEMO_USERS.owner.id, DEMO_USERS.analyst.id, DEMO_USERS.viewer.id],
    });
    expect(comment.mentions.map((m) => m.name)).toEqual([DEMO_USERS.analyst.name, DEMO_USERS.owner.name, DEMO_USERS.viewer.name]);
    const rows = await app.sql<{ user_id: string }>('SELECT user_id FROM notifications WHERE comment_id = $1 ORDER BY user_id', [comment.id]);
    expect(rows.map((r) => r.user_id)).toEqual([DEMO_USERS.owner.id, DEMO_USERS.viewer.id].sort());
    const [added] = await activityOf(comment.id);
    expect(added.after.notifiedUserIds.sort()).toEqual([DEMO_USERS.owner.id, DEMO_USERS.viewer.id].sort());
    expect(added.after.mentionedUserIds.sort()).toEqual([DEMO_USERS.analyst.id, DEMO_USERS.owner.id, DEMO_USERS.viewer.id].sort());

    const mine = (await ok(app.tokens.viewer, Q.notifications, { first: 10, unreadOnly: true })).notifications;
    expect(mine).toMatchObject({ totalCount: 1, unreadCount: 1 });
    expect(mine.edges[0].node).toMatchObject({
      kind: 'MENTION',
      actorLabel: DEMO_USERS.analyst.name,
      subjectTitle: 'CBP crackdown on human smugglers and legal consequences for illegal entry',
      read: false,
      readAt: null,
      comment: { id: comment.id, subjectType: 'COMMITMENT', subjectId: C.usCbpCrackdown, deleted: false, author: { name: DEMO_USERS.analyst.name } },
    });
    expect((await ok(app.tokens.analyst, Q.notifications, { first: 10 })).notifications.totalCount).toBe(0);

    // Mentioning someone outside the workspace (an account of another one, or no account) is refused.
    await signUpAndConfirm(app, { email: `outsider-${randomUUID()}@example.org`, password: 'outsider-password-1', name: 'Otto Outsider', workspaceName: 'Elsewhere' });
    const [outsider] = await app.sql<{ id: string }>(`SELECT id FROM users WHERE name = 'Otto Outsider'`);
    for (const id of [outsider.id, randomUUID()]) {
      await refused(as(app.tokens.analyst, Q.add, { input: { subjectType: 'COMMITMENT', subjectId: C.mxSmuggling, body: 'Hi @Otto', mentionedUserIds: [id] } }), 'BAD_USER_INPUT', 'mentionedUserIds');
    }
    await refused(as(app.tokens.analyst, Q.edit, { input: { commentId: comment.id, body: 'Hi @Otto', mentionedUserIds: [outsider.id] } }), 'BAD_USER_INPUT', 'mentionedUserIds');

    // An edit notifies members it newly mentions, once; those mentioned before are not notified again.
    const editor = await add({ body: 'Plain.' }, app.tokens.owner);
    await ok(app.tokens.owner, Q.edit, { input: { commentId: editor.id, body: 'Now @Victor Viewer', mentionedUserIds: [DEMO_USERS.viewer.id] } });
    await ok(app.tokens.owner, Q.edit, { input: { commentId: editor.id, body: 'Without him', mentionedUserIds: [] } });
    await ok(app.tokens.owner, Q.edit, { input: { commentId: editor.id, body: 'And @Victor Viewer again', mentionedUserIds: [DEMO_USERS.viewer.id] } });
    const edits = (await activityOf(editor.id)).filter((a) => a.verb === 'comment.edited').map((a) => a.after.notifiedUserIds);
    expect(edits).toEqual([[DEMO_USERS.viewer.id], [], []]);
    const viewerNotes = (await ok(app.tokens.viewer, Q.notifications, { first: 10 })).notifications;
    expect(viewerNotes).toMatchObject({ totalCount: 2, unreadCount: 2 });
    expect(viewerNotes.edges.map((e: any) => e.node.comment.id)).toEqual([editor.id, comment.id]);

    // Marking read: some, then all; only your own.
    const [newest, older] = viewerNotes.edges.map((e: any) => e.node.id);
    expectError(await as(app.tokens.viewer, Q.markRead, { input: {} }), 'BAD_USER_INPUT', 'notificationIds');
    const ownerNote = (await ok(app.tokens.owner, Q.notifications, { first: 1 })).notifications.edges[0].node.id;
    // Someone else's notification is not yours to mark: NOT_FOUND, and nothing marked.
    expectError(await as(app.tokens.viewer, Q.markRead, { input: { notificationIds: [newest, ownerNote] } }), 'NOT_FOUND', 'notificationIds');
    expect((await ok(app.tokens.viewer, Q.notifications, { first: 10, unreadOnly: true })).notifications.unreadCount).toBe(2);
    expect((await ok(app.tokens.viewer, Q.markRead, { input: { notificationIds: [newest] } })).markNotificationsRead).toEqual({ markedIds: [newest], unreadCount: 1 });
    // Marking a read one again marks nothing.
    expect((await ok(app.tokens.viewer, Q.markRead, { input: { notificationIds: [newest] } })).markNotificationsRead).toEqual({ markedIds: [], unreadCount: 1 });
    expect((await ok(app.tokens.owner, Q.notifications, { first: 1 })).notifications.unreadCount).toBe(1);
    const unread = (await ok(app.tokens.viewer, Q.notifications, { first: 10, unreadOnly: true })).notifications;
    expect(unread).toMatchObject({ totalCount: 1, unreadCount: 1 });
    expect(unread.edges.map((e: any) => e.node.id)).toEqual([older]);
    expect((await ok(app.tokens.viewer, Q.markRead, { input: { all: true } })).markNotificationsRead).toEqual({ markedIds: [older], unreadCount: 0 });
    const all = (await ok(app.tokens.viewer, Q.notifications, { first: 1 })).notifications;
    expect(all).toMatchObject({ totalCount: 2, unreadCount: 0, pageInfo: { hasNextPage: true } });
    expect(all.edges[0].node.read).toBe(true);
    expect(all.edges[0].node.readAt).not.toBeNull();
    // API keys have no notifications.
    expectError(await as(app.tokens.readKey, Q.notifications, { first: 5 }), 'FORBIDDEN');
  });

  it('notificationAdded tells the mentioned member live, and nobody else', async () => {
    const viewer = subscribe<any>(app.url, { token: app.tokens.viewer }, NOTIFICATION_ADDED);
    const owner = subscribe<any>(app.url, { token: app.tokens.owner }, NOTIFICATION_ADDED);
    const key = subscribe<any>(app.url, { token: app.tokens.readKey }, NOTIFICATION_ADDED);
    open.push(viewer, owner, key);
    await Promise.all([viewer.ready(), owner.ready()]);
    await key.ended();
    expect(JSON.stringify(key.errors)).toContain('FORBIDDEN');

    const comment = await add({ subjectId: C.mxHumaneBorder, body: 'Over to you, @Victor Viewer', mentionedUserIds: [DEMO_USERS.viewer.id] });
    await add({ subjectId: C.mxHumaneBorder, body: 'Nobody mentioned here' });
    const [got] = await viewer.until((v) => v.length >= 1);
    expect(got.notificationAdded).toMatchObject({
      kind: 'MENTION',
      actorLabel: DEMO_USERS.analyst.name,
      subjectTitle: 'Mexico to manage the border humanely, including repatriation of migrants',
      read: false,
      comment: { id: comment.id, body: 'Over to you, @Victor Viewer' },
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(viewer.values).toHaveLength(1);
    expect(owner.values).toHaveLength(0);
  });

  it('memberSearch finds members by the start of a name or email, for @mention autocomplete', async () => {
    const names = async (query: string, first = 10) => (await ok(app.tokens.viewer, Q.memberSearch, { query, first })).memberSearch.map((m: any) => m.name);
    expect(await names('vic')).toEqual([DEMO_USERS.viewer.name]);
    expect(await names('ANALYST')).toEqual([DEMO_USERS.analyst.name]);
    expect(await names('owner@')).toEqual([DEMO_USERS.owner.name]);
    expect(await names('%')).toEqual([]);
    expect(await names('Otto')).toEqual([]);
    expect(await names('', 2)).toEqual([DEMO_USERS.analyst.name, DEMO_USERS.owner.name]);
    expectError(await as(app.tokens.viewer, Q.memberSearch, { query: 'x', first: 0 }), 'BAD_USER_INPUT', 'first');
  });

  it("a mention reaches the member's next digest (INSTANT: the next minute), whether or not they watch the commitment", async () => {
    // The viewer follows nothing and gets digests instantly; the owner follows nothing and has none.
    await ok(app.tokens.viewer, Q.updateMine, { input: { cadence: 'INSTANT', locale: 'en' } });
    await app.sql('DELETE FROM watches WHERE user_id = $1', [DEMO_USERS.viewer.id]);
    const text = 'Can you check <b>this</b> & the "annex"?';
    const onCommitment = await add({ subjectId: C.usRepatriationFlights, body: `@Victor Viewer ${text}`, mentionedUserIds: [DEMO_USERS.viewer.id] });
    await add({ subjectType: 'AGREEMENT', subjectId: AGREEMENT, body: '@Victor Viewer on the talks', mentionedUserIds: [DEMO_USERS.viewer.id] });
    const deleted = await add({ subjectId: C.usRepatriationFlights, body: '@Victor Viewer never mind', mentionedUserIds: [DEMO_USERS.viewer.id] });
    await ok(app.tokens.analyst, Q.remove, { input: { commentId: deleted.id } });

    const preview = (await ok(app.tokens.viewer, Q.preview)).digestPreview;
    expect(preview.itemCount).toBe(2);
    expect(preview.text).toContain(`Ana Analyst mentioned you`);
    expect(preview.text).toContain(`> @Victor Viewer ${text}`);
    expect(preview.text).not.toContain('never mind');

    await untilTheMinuteEnds();
    const run = (await ok(app.tokens.owner, Q.run)).runDigests;
    expect(run.failed).toBe(0);
    const mails = await Promise.all(app.outbox().map((raw) => simpleParser(raw)));
    const toViewer = mails.filter((m) => m.messageId?.startsWith('<digest.') && JSON.stringify(m.to).includes(DEMO_USERS.viewer.email));
    expect(toViewer).toHaveLength(1);
    const [mail] = toViewer;
    expect(mail.subject).toContain('2 mentions');
    expect(mail.text).toContain('DHS/ICE repatriation flights to Central America and Venezuela');
    expect(mail.text).toContain(`> @Victor Viewer ${text}`);
    expect(mail.text).toContain('> @Victor Viewer on the talks');
    const html = String(mail.html);
    expect(html).toContain('Ana Analyst mentioned you');
    expect(html).toContain('@Victor Viewer Can you check &lt;b&gt;this&lt;/b&gt; &amp; the &quot;annex&quot;?');
    expect(html).not.toContain('<b>this</b>');
    expect(html).not.toContain('never mind');
    expect(onCommitment.id).toBeTruthy();
    // Members not mentioned (the analyst wrote them; the owner has no digest) got nothing.
    expect(mails.filter((m) => m.messageId?.startsWith('<digest.') && !JSON.stringify(m.to).includes(DEMO_USERS.viewer.email))).toEqual([]);
  }, 120_000);
});
