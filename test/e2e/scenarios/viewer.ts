import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO, openPath } from '../support/browser.ts';
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
  });
}
