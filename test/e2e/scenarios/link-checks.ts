import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import pg from 'pg';
import { DEMO, openPath } from '../support/browser.ts';
import { pageChecks } from '../support/axe.ts';
import type { E2eEnv } from '../support/e2e-env.ts';
import { SEED, TITLES } from '../support/seed.ts';

const TITLE = 'Smuggling crackdown report (withdrawn)';
const COPY = 'https://web.archive.org/web/2026/https://example.org/smuggling-report';

export function linkCheckScenarios(env: () => E2eEnv): void {
  test('a source the link check found broken is flagged on the commitment page; the analyst adds an archived copy; the list finds it by its broken source', async () => {
    const base = env().api.url;
    // What a link check records (the checker itself is tested against local servers in apps/api/test/link-checks.spec.ts).
    const db = new pg.Client({ connectionString: env().api.databaseUrl });
    await db.connect();
    try {
      const id = randomUUID();
      await db.query(
        `INSERT INTO evidence (id, workspace_id, url, title, kind, stance, added_by, link_state, link_status_code, link_checked_at)
         SELECT $1, c.workspace_id, 'https://example.org/smuggling-report', $2, 'NEWS', 'SUPPORTS', 'Ana Analyst', 'BROKEN', 404, '2026-11-30T09:00:00Z' FROM commitments c WHERE c.id = $3`,
        [id, TITLE, SEED.mxSmuggling],
      );
      await db.query(`INSERT INTO commitment_evidence (commitment_id, evidence_id, workspace_id) SELECT id, $1, workspace_id FROM commitments WHERE id = $2`, [id, SEED.mxSmuggling]);
    } finally {
      await db.end();
    }

    const { page } = await env().session(DEMO.analyst);
    await openPath(page, base, `/commitments/${SEED.mxSmuggling}`);
    const source = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: TITLE }) });
    await source.getByText('Broken link (404)').waitFor();
    await source.getByText('checked Nov 30, 2026').waitFor();
    assert.equal(await source.getByRole('link', { name: 'Archived copy' }).count(), 0);
    const checks = pageChecks();
    await checks.check(page, 'commitment-with-broken-source');

    await source.getByRole('button', { name: `Edit “${TITLE}”` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Archived copy (URL)').fill(COPY);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await source.getByRole('link', { name: 'Archived copy' }).waitFor();
    assert.equal(await source.getByRole('link', { name: 'Archived copy' }).getAttribute('href'), COPY);

    await openPath(page, base, '/commitments');
    await page.getByRole('combobox', { name: 'Sources' }).selectOption({ label: 'With a broken source' });
    await page.waitForURL(/brokenSources=true/);
    await page.getByRole('link', { name: TITLES.mxSmuggling }).waitFor();
    await checks.check(page, 'list-filtered-by-broken-sources');
    checks.assertNone();
  });
}
