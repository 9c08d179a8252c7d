import { randomUUID } from 'node:crypto';
import { SEED_IDS } from '../../src/database/seeds/us-mexico-migration-talks.seed-data';
import { DEMO_USERS } from '../../src/database/seeds/demo-accounts';
import { TestApp } from './test-app';

export const WORKSPACE = SEED_IDS.workspace;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the minute that is running now has ended (and a little more): the INSTANT period
 * holding a change made before the call has then ended, so a digest run takes it.
 */
export async function untilTheMinuteEnds(): Promise<void> {
  const end = Math.floor(Date.now() / 60_000) * 60_000 + 60_000;
  await sleep(end - Date.now() + 1500);
}

export interface Member {
  id: string;
  email: string;
  name: string;
  /** A session token; only for members made with `signIn`. */
  token: string;
}

/**
 * A member of the seeded workspace made in SQL (with the demo password, so that it can sign in
 * when `signIn` is set).
 */
export async function addMember(
  app: TestApp,
  email: string,
  opts: { name?: string; role?: string; locale?: string; signIn?: boolean } = {},
): Promise<Member> {
  const id = randomUUID();
  const name = opts.name ?? email.split('@')[0];
  await app.sql(
    `INSERT INTO users (id, email, name, password_hash, locale) SELECT $1, $2, $3, password_hash, $4 FROM users WHERE id = $5`,
    [id, email, name, opts.locale ?? 'en', DEMO_USERS.owner.id],
  );
  await app.sql('INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, $3)', [WORKSPACE, id, opts.role ?? 'VIEWER']);
  return { id, email, name, token: opts.signIn ? await app.signIn(email) : '' };
}

/** A watch and a digest subscription written in SQL, for members who never sign in. */
export async function subscribe(
  app: TestApp,
  member: Member,
  opts: { commitmentId: string; cadence?: string; hour?: number; timeZone?: string; locale?: string; coveredUntil: Date },
): Promise<string> {
  await app.sql(`INSERT INTO watches (id, workspace_id, user_id, subject_type, subject_id) VALUES ($1, $2, $3, 'COMMITMENT', $4)`, [
    randomUUID(),
    WORKSPACE,
    member.id,
    opts.commitmentId,
  ]);
  const id = randomUUID();
  await app.sql(
    `INSERT INTO digest_subscriptions (id, workspace_id, user_id, cadence, hour, time_zone, locale, covered_until) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [id, WORKSPACE, member.id, opts.cadence ?? 'INSTANT', opts.hour ?? 8, opts.timeZone ?? 'UTC', opts.locale ?? 'en', opts.coveredUntil],
  );
  return id;
}

/** A status change as the activity log holds it, placed at an exact instant (the log is append-only: INSERT only). */
export async function insertStatusChange(
  app: TestApp,
  change: { commitmentId: string; from: string; to: string; note: string; at: Date; actor?: string },
): Promise<void> {
  await app.sql(
    `INSERT INTO activity (workspace_id, actor_type, actor_id, actor_label, verb, subject_type, subject_id, before, after, created_at, commitment_id, agreement_id)
     VALUES ($1, 'USER', $2, $3, 'commitment.status_changed', 'Commitment', $4, $5, $6, $7, $4, (SELECT agreement_id FROM commitments WHERE id = $4))`,
    [
      WORKSPACE,
      DEMO_USERS.analyst.id,
      change.actor ?? DEMO_USERS.analyst.name,
      change.commitmentId,
      { status: change.from },
      { status: change.to, note: change.note, reasonCode: null, evidenceIds: [] },
      change.at,
    ],
  );
}

/**
 * The plain-text part read back into its grouping: agreement title → the commitment titles
 * under it, in order.
 */
export function outline(text: string): Record<string, string[]> {
  const groups: Record<string, string[]> = {};
  let current: string[] | null = null;
  for (const line of text.split('\n')) {
    const heading = /^== (.+) ==$/.exec(line);
    if (heading) groups[heading[1]] = current = [];
    const item = /^\* (.+) \[[^\]]+\]$/.exec(line);
    if (item && current) current.push(item[1]);
  }
  return groups;
}
