import { simpleParser } from 'mailparser';
import { DEMO_USERS } from '../src/database/seeds/demo-accounts';
import { SEED_IDS } from '../src/database/seeds/us-mexico-migration-talks.seed-data';
import { ReminderRunnerService } from '../src/modules/reminders/reminder-runner.service';
import { untilTheMinuteEnds } from './support/digests';
import { expectError } from './support/expectations';
import { GqlResponse, startTestApp, TestApp } from './support/test-app';

/*
 * Reminders before a commitment's due date (the workspace's days before, 7 and 1 by default) and
 * the overdue flag: whom they notify (assignees and watchers), that each comes once however many
 * runs there are, what they skip, a changed due date, the setting and its refusals, and the line
 * in a recipient's digest. Days are UTC days; each run is given the instant it runs at.
 */

const W = SEED_IDS.workspace;
const C = SEED_IDS.commitments;
const Q = {
  settings: 'query { reminderSettings { daysBefore } }',
  update: 'mutation($input: UpdateReminderSettingsInput!) { updateReminderSettings(input: $input) { reminderSettings { daysBefore } } }',
  assign: 'mutation($input: AssignCommitmentInput!) { assignCommitment(input: $input) { changed } }',
  watch: 'mutation($input: WatchInput!) { watch(input: $input) { watch { id } } }',
  notifications: 'query { notifications(first: 50) { edges { node { kind actorLabel subjectTitle dueOn comment { id } commitment { id } } } } }',
  version: 'query($id: ID!) { commitment(id: $id) { version } }',
  updateCommitment: 'mutation($input: UpdateCommitmentInput!) { updateCommitment(input: $input) { commitment { dueOn } } }',
  preview: 'query { digestPreview { subject text itemCount } }',
  updateMine: 'mutation($input: DigestScheduleInput!) { updateMyDigestSubscription(input: $input) { subscription { cadence } } }',
  runDigests: 'mutation { runDigests { failed } }',
};

const at = (day: string) => new Date(`${day}T12:00:00Z`);

describe('reminders before a due date, and the overdue flag', () => {
  let app: TestApp;
  let runner: ReminderRunnerService;

  const as = (token: string, query: string, variables?: Record<string, unknown>): Promise<GqlResponse<any>> => app.request({ query, variables, token });
  const ok = async (token: string, query: string, variables?: Record<string, unknown>) => {
    const res = await as(token, query, variables);
    expect(res.errors).toBeUndefined();
    return res.data as Record<string, any>;
  };
  /** The caller's reminder notifications, oldest first. */
  const reminders = async (token: string) =>
    (await ok(token, Q.notifications)).notifications.edges
      .map((e: any) => e.node)
      .filter((n: any) => n.kind === 'DUE_SOON' || n.kind === 'OVERDUE')
      .reverse();
  const recorded = () =>
    app.sql<{ commitment_id: string; kind: string; due_on: string; days_before: number | null }>(
      "SELECT commitment_id, kind, due_on::text, days_before FROM commitment_reminders ORDER BY created_at, days_before DESC",
    );
  const due = (id: string, dueOn: string | null, status = 'IN_PROGRESS') => app.sql('UPDATE commitments SET due_on = $2, status = $3 WHERE id = $1', [id, dueOn, status]);
  const run = (day: string) => runner.runOnce(at(day), W);

  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_PER_MINUTE: '100000', DIGEST_POLL_SECONDS: '0', DIGEST_GRACE_SECONDS: '0' });
    runner = app.running.app.get(ReminderRunnerService);
    // The analyst is assigned the Mexican anti-smuggling commitment, the viewer watches it; the owner does neither.
    await ok(app.tokens.owner, Q.assign, { input: { commitmentId: C.mxSmuggling, userId: DEMO_USERS.analyst.id } });
    await ok(app.tokens.viewer, Q.watch, { input: { subjectType: 'COMMITMENT', subjectId: C.mxSmuggling } });
  });
  beforeEach(async () => {
    await app.sql("DELETE FROM notifications WHERE kind IN ('DUE_SOON', 'OVERDUE')");
    await app.sql('DELETE FROM commitment_reminders');
    await app.sql('UPDATE commitments SET due_on = NULL WHERE workspace_id = $1', [W]);
  });
  afterAll(() => app?.close());

  it('the check is off in tests unless asked for (REMINDER_POLL_SECONDS=0)', () => {
    expect(runner.active).toBe(false);
  });

  it('reminds the assignees and watchers 7 days and 1 day before, each once, and nobody else', async () => {
    await due(C.mxSmuggling, '2030-06-17');
    expect(await run('2030-06-10')).toEqual({ reminders: 1, notifications: 2 });
    expect(await run('2030-06-10')).toEqual({ reminders: 0, notifications: 0 });
    expect(await run('2030-06-13')).toEqual({ reminders: 0, notifications: 0 });

    const [title] = await app.sql<{ title: string }>('SELECT title FROM commitments WHERE id = $1', [C.mxSmuggling]);
    for (const token of [app.tokens.analyst, app.tokens.viewer]) {
      expect(await reminders(token)).toEqual([
        { kind: 'DUE_SOON', actorLabel: 'system', subjectTitle: title.title, dueOn: '2030-06-17', comment: null, commitment: { id: C.mxSmuggling } },
      ]);
    }
    expect(await reminders(app.tokens.owner)).toEqual([]);

    expect(await run('2030-06-16')).toEqual({ reminders: 1, notifications: 2 });
    expect(await run('2030-06-17')).toEqual({ reminders: 0, notifications: 0 });
    expect((await reminders(app.tokens.analyst)).map((n: any) => n.kind)).toEqual(['DUE_SOON', 'DUE_SOON']);
    expect(await recorded()).toEqual([
      { commitment_id: C.mxSmuggling, kind: 'DUE_SOON', due_on: '2030-06-17', days_before: 7 },
      { commitment_id: C.mxSmuggling, kind: 'DUE_SOON', due_on: '2030-06-17', days_before: 1 },
    ]);
  });

  it('a commitment first seen within a day of its due date gets only the 1-day reminder', async () => {
    await due(C.mxSmuggling, '2030-06-10');
    expect(await run('2030-06-10')).toEqual({ reminders: 1, notifications: 2 });
    expect((await recorded()).map((r) => r.days_before)).toEqual([1]);
  });

  it('flags an overdue commitment once, across repeated runs and runs at the same time', async () => {
    await due(C.mxSmuggling, '2030-06-01');
    const together = await Promise.all([run('2030-06-05'), run('2030-06-05'), run('2030-06-05'), run('2030-06-05')]);
    expect(together.reduce((n, r) => n + r.reminders, 0)).toBe(1);
    expect(together.reduce((n, r) => n + r.notifications, 0)).toBe(2);
    for (const day of ['2030-06-05', '2030-06-06', '2030-07-01']) expect(await run(day)).toEqual({ reminders: 0, notifications: 0 });
    expect(await recorded()).toEqual([{ commitment_id: C.mxSmuggling, kind: 'OVERDUE', due_on: '2030-06-01', days_before: null }]);
    for (const token of [app.tokens.analyst, app.tokens.viewer]) expect((await reminders(token)).map((n: any) => [n.kind, n.dueOn])).toEqual([['OVERDUE', '2030-06-01']]);
  });

  it('skips fulfilled and broken commitments, archived ones, and those with no due date', async () => {
    await due(C.mxSmuggling, '2030-06-01', 'FULFILLED');
    await due(C.mxHumaneBorder, '2030-06-11', 'BROKEN');
    await due(C.usCbpCrackdown, '2030-06-01', 'STALLED');
    await app.sql('UPDATE commitments SET archived_at = now() WHERE id = $1', [C.usCbpCrackdown]);
    try {
      expect(await run('2030-06-10')).toEqual({ reminders: 0, notifications: 0 });
      // Settled is final here, but a partly fulfilled commitment still owes something.
      await due(C.mxSmuggling, '2030-06-01', 'PARTIALLY_FULFILLED');
      expect(await run('2030-06-10')).toEqual({ reminders: 1, notifications: 2 });
    } finally {
      await app.sql('UPDATE commitments SET archived_at = NULL WHERE id = $1', [C.usCbpCrackdown]);
      await app.sql("UPDATE commitments SET status = 'IN_PROGRESS' WHERE id = ANY($1::uuid[])", [[C.mxSmuggling, C.mxHumaneBorder, C.usCbpCrackdown]]);
    }
  });

  it('a changed due date gets reminders of its own', async () => {
    await due(C.mxSmuggling, '2030-06-11');
    expect(await run('2030-06-10')).toEqual({ reminders: 1, notifications: 2 });
    const { version } = (await ok(app.tokens.analyst, Q.version, { id: C.mxSmuggling })).commitment;
    await ok(app.tokens.analyst, Q.updateCommitment, { input: { id: C.mxSmuggling, expectedVersion: version, dueOn: '2030-06-20' } });
    expect(await run('2030-06-12')).toEqual({ reminders: 0, notifications: 0 });
    expect(await run('2030-06-13')).toEqual({ reminders: 1, notifications: 2 });
    expect(await run('2030-06-19')).toEqual({ reminders: 1, notifications: 2 });
    expect(await run('2030-06-21')).toEqual({ reminders: 1, notifications: 2 });
    expect((await recorded()).map((r) => [r.kind, r.due_on, r.days_before])).toEqual([
      ['DUE_SOON', '2030-06-11', 1],
      ['DUE_SOON', '2030-06-20', 7],
      ['DUE_SOON', '2030-06-20', 1],
      ['OVERDUE', '2030-06-20', null],
    ]);
  });

  it("owners read and change the workspace's days before; analysts and viewers may not; bad values are refused naming daysBefore and write nothing", async () => {
    expect((await ok(app.tokens.owner, Q.settings)).reminderSettings).toEqual({ daysBefore: [7, 1] });
    for (const token of [app.tokens.analyst, app.tokens.viewer, app.tokens.readKey]) {
      expectError(await as(token, Q.settings), 'FORBIDDEN');
      expectError(await as(token, Q.update, { input: { daysBefore: [3] } }), 'FORBIDDEN');
    }
    const state = () => app.sql('SELECT reminder_days_before AS days, (SELECT count(*)::int FROM activity) AS activity FROM workspaces WHERE id = $1', [W]);
    const before = await state();
    for (const daysBefore of [[366], [-1], [3, 3], [1, 2, 3, 4, 5, 6]]) {
      expectError(await as(app.tokens.owner, Q.update, { input: { daysBefore } }), 'BAD_USER_INPUT', 'daysBefore');
    }
    expect(await state()).toEqual(before);

    const changed = await ok(app.tokens.owner, Q.update, { input: { daysBefore: [0, 14, 3] } });
    expect(changed.updateReminderSettings.reminderSettings).toEqual({ daysBefore: [14, 3, 0] });
    const [activity] = await app.sql("SELECT before, after FROM activity WHERE verb = 'workspace.reminders_changed' ORDER BY id DESC LIMIT 1");
    expect(activity).toEqual({ before: { daysBefore: [7, 1] }, after: { daysBefore: [14, 3, 0] } });
    try {
      await due(C.mxSmuggling, '2030-06-20');
      expect(await run('2030-06-10')).toEqual({ reminders: 1, notifications: 2 });
      expect(await run('2030-06-18')).toEqual({ reminders: 1, notifications: 2 });
      expect(await run('2030-06-20')).toEqual({ reminders: 1, notifications: 2 });
      expect((await recorded()).map((r) => r.days_before)).toEqual([14, 3, 0]);
    } finally {
      await ok(app.tokens.owner, Q.update, { input: { daysBefore: [7, 1] } });
    }
  });

  it("a reminder is a line in its recipients' digest, and not in anyone else's", async () => {
    await due(C.mxSmuggling, '2030-06-17');
    await run('2030-06-10');
    const [title] = await app.sql<{ title: string }>('SELECT title FROM commitments WHERE id = $1', [C.mxSmuggling]);
    for (const token of [app.tokens.analyst, app.tokens.viewer]) {
      const preview = (await ok(token, Q.preview)).digestPreview;
      expect(preview.subject).toContain('1 reminder');
      expect(preview.text).toContain(title.title);
      expect(preview.text).toContain('Reminder: due on Jun 17, 2030');
    }
    const owner = (await ok(app.tokens.owner, Q.preview)).digestPreview;
    expect(owner.text).not.toContain('Reminder: due on');
    expect(owner.subject).not.toContain('reminder');
  });

  it('an INSTANT digest subscriber gets the reminder by email with the next minute\'s digest', async () => {
    await ok(app.tokens.viewer, Q.updateMine, { input: { cadence: 'INSTANT', locale: 'en' } });
    await due(C.mxSmuggling, '2030-06-17');
    await run('2030-06-10');
    await untilTheMinuteEnds();
    expect((await ok(app.tokens.owner, Q.runDigests)).runDigests.failed).toBe(0);
    const mails = await Promise.all(app.outbox().map((raw) => simpleParser(raw)));
    const toViewer = mails.filter((m) => m.messageId?.startsWith('<digest.') && JSON.stringify(m.to).includes(DEMO_USERS.viewer.email));
    expect(toViewer).toHaveLength(1);
    expect(toViewer[0].subject).toContain('1 reminder');
    expect(toViewer[0].text).toContain('Reminder: due on Jun 17, 2030');
  }, 120_000);
});

describe('the reminder check on its own (REMINDER_POLL_SECONDS)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ REMINDER_POLL_SECONDS: '1', DIGEST_POLL_SECONDS: '0' });
  });
  afterAll(() => app?.close());

  it('runs every REMINDER_POLL_SECONDS on each instance and flags what is due, once', async () => {
    expect(app.running.app.get(ReminderRunnerService).active).toBe(true);
    await app.sql('UPDATE commitments SET due_on = NULL WHERE workspace_id = $1', [W]);
    await app.sql("UPDATE commitments SET due_on = (now() AT TIME ZONE 'UTC')::date - 1, status = 'IN_PROGRESS' WHERE id = $1", [C.mxSmuggling]);
    // The first check may have run before the due date was set (on the seed's own dates): only the new one's flags count.
    const flags = () =>
      app.sql<{ kind: string }>("SELECT kind FROM commitment_reminders WHERE commitment_id = $1 AND due_on = (now() AT TIME ZONE 'UTC')::date - 1", [C.mxSmuggling]);
    const deadline = Date.now() + 15_000;
    while (!(await flags()).length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    await new Promise((r) => setTimeout(r, 2500));
    expect(await flags()).toEqual([{ kind: 'OVERDUE' }]);
  }, 30_000);
});
