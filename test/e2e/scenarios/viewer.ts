import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO, openPath } from '../support/browser.ts';
import { pageChecks } from '../support/axe.ts';
import type { E2eEnv } from '../support/e2e-env.ts';
import { SEED } from '../support/seed.ts';

export function viewerScenarios(env: () => E2eEnv): void {
  test('a viewer sees no edit controls', async () => {
    const { page } = await env().session(DEMO.viewer);
    const nav = page.getByRole('navigation', { name: 'Main' });
    assert.equal(await nav.getByRole('link', { name: 'Members' }).count(), 0);
    assert.equal(await nav.getByRole('link', { name: 'API keys' }).count(), 0);

    await openPath(page, env().api.url, `/commitments/${SEED.usRepatriationFlights}`);
    await page.getByRole('heading', { level: 2, name: 'Figures' }).waitFor();
    await page.getByText('Migrants deported since 2023-05-12').first().waitFor();
    for (const name of ['Change status', 'Add evidence', 'Record a figure', 'Track a new figure']) {
      assert.equal(await page.getByRole('button', { name }).count(), 0, `${name} is shown to a viewer`);
    }
    const checks = pageChecks();
    await checks.check(page, 'commitment-as-viewer');
    checks.assertNone();
  });
}

export function exportScenarios(env: () => E2eEnv): void {
  test('a viewer downloads the commitment list as CSV from the list page, and is offered no import', async () => {
    const { page } = await env().session(DEMO.viewer);
    await openPath(page, env().api.url, '/commitments');
    await page.getByTestId('result-count').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Import…' }).count(), 0);
    await page.getByRole('button', { name: 'Export all' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Commitments (CSV)' }).click()]);
    assert.match(download.suggestedFilename(), /^pactwatch-commitments-\d{4}-\d{2}-\d{2}\.csv$/);
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '');
    assert.match(text.split('\n')[0], /^id,reference,agreementId,agreement,title,/);
    assert.ok(text.includes(SEED.usRepatriationFlights), 'the seeded commitment is in the file');
  });
}
