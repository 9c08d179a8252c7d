import { hash } from '@node-rs/argon2';
import { ApiKeyScope, Role } from '@pactwatch/domain';
import { DataSource } from 'typeorm';
import { createKey } from '../../modules/api-keys/api-keys.service';
import { SEED_IDS } from './us-mexico-migration-talks.seed-data';

/** For trying the product on the embedded default only: never created on a real database unless asked. */
export const DEMO_PASSWORD = 'pactwatch-demo';

export const DEMO_USERS = {
  owner: { id: '00000000-0000-4000-8000-000000001201', email: 'owner@pactwatch.test', name: 'Olivia Owner', role: Role.OWNER },
  analyst: { id: '00000000-0000-4000-8000-000000001202', email: 'analyst@pactwatch.test', name: 'Ana Analyst', role: Role.ANALYST },
  viewer: { id: '00000000-0000-4000-8000-000000001203', email: 'viewer@pactwatch.test', name: 'Victor Viewer', role: Role.VIEWER },
} as const;

/**
 * Adds the demo owner, analyst and viewer to the seeded workspace, and a read-only API key whose
 * secret is returned this once. Does nothing (returns null) when they exist already.
 */
export async function loadDemoAccounts(dataSource: DataSource): Promise<{ apiKey: string } | null> {
  const passwordHash = await hash(DEMO_PASSWORD);
  return dataSource.transaction(async (m) => {
    const exists = await m.query('SELECT 1 FROM users WHERE id = $1', [DEMO_USERS.owner.id]);
    if (exists.length) return null;
    for (const user of Object.values(DEMO_USERS)) {
      await m.query('INSERT INTO users (id, email, name, password_hash) VALUES ($1, $2, $3, $4)', [user.id, user.email, user.name, passwordHash]);
      await m.query('INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, $3)', [SEED_IDS.workspace, user.id, user.role]);
    }
    const { token } = await createKey(m, SEED_IDS.workspace, 'Demo read-only key', ApiKeyScope.READ, DEMO_USERS.owner.id);
    return { apiKey: token };
  });
}
