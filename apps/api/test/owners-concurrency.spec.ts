import { randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/database/seeds/demo-accounts';
import { SEED_IDS } from '../src/database/seeds/us-mexico-migration-talks.seed-data';
import { expectNoLeak } from './support/expectations';
import { GqlResponse, startTestApp, TestApp } from './support/test-app';

const A = SEED_IDS.workspace;
const CHANGE_ROLE = 'mutation($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { membership { role } } }';
const REMOVE = 'mutation($input: RemoveMemberInput!) { removeMember(input: $input) { removedUserId } }';
const ROUNDS = 10;

interface Owner {
  id: string;
  token: string;
}

/*
 * Two owners acting on each other at the same moment. Each transaction locks the members it
 * reads; taken in different orders, two such transactions deadlock and PostgreSQL aborts one
 * (an INTERNAL error). Whatever the timing: one of them wins, the other is refused with a code,
 * and the workspace keeps an owner.
 */
describe('two owners demoting or removing each other at once', () => {
  let app: TestApp;
  const owner: Owner = { id: DEMO_USERS.owner.id, token: '' };
  const other: Owner = { id: randomUUID(), token: '' };

  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
    const email = `second-owner-${other.id}@example.test`;
    await app.sql('INSERT INTO users (id, email, name, password_hash) VALUES ($1, $2, $3, $4)', [other.id, email, 'Second Owner', await hash(DEMO_PASSWORD)]);
    await app.sql(`INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, 'OWNER')`, [A, other.id]);
    owner.token = app.tokens.owner;
    other.token = await app.signIn(email);
  });
  afterAll(() => app?.close());

  /** Both are owners again, and members. */
  const reset = () =>
    app.sql(
      `INSERT INTO memberships (workspace_id, user_id, role) SELECT $1, u, 'OWNER' FROM unnest($2::uuid[]) u
       ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = 'OWNER'`,
      [A, [owner.id, other.id]],
    );

  const owners = async () => (await app.sql<{ user_id: string }>(`SELECT user_id FROM memberships WHERE workspace_id = $1 AND role = 'OWNER'`, [A])).map((r) => r.user_id);

  const codesOf = (res: GqlResponse) => (res.errors ?? []).map((e) => e.extensions?.code as string);

  const each = [
    ['demote each other', (by: Owner, target: Owner) => app.request({ query: CHANGE_ROLE, variables: { input: { userId: target.id, role: 'ADMIN' } }, token: by.token })],
    ['remove each other', (by: Owner, target: Owner) => app.request({ query: REMOVE, variables: { input: { userId: target.id } }, token: by.token })],
    [
      'one demotes while the other removes',
      (by: Owner, target: Owner) =>
        by === owner
          ? app.request({ query: CHANGE_ROLE, variables: { input: { userId: target.id, role: 'VIEWER' } }, token: by.token })
          : app.request({ query: REMOVE, variables: { input: { userId: target.id } }, token: by.token }),
    ],
  ] as const;

  it.each(each)(`%s, ${ROUNDS} times: one wins, the other is refused with a code, an owner remains`, async (_what, act) => {
    for (let round = 0; round < ROUNDS; round++) {
      await reset();
      const answers = await Promise.all([act(owner, other), act(other, owner)]);
      answers.forEach(expectNoLeak);
      const codes = answers.map(codesOf);
      // Never a deadlock (INTERNAL): the one that comes second finds its caller no longer an owner.
      expect(codes.flat()).not.toContain('INTERNAL');
      expect(codes.filter((c) => c.length === 0)).toHaveLength(1);
      expect(codes.flat().every((c) => c === 'FORBIDDEN' || c === 'CONFLICT')).toBe(true);
      const left = await owners();
      expect(left).toHaveLength(1);
    }
  });
});
