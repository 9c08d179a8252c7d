import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO, openPath, screenshot } from '../support/browser.ts';
import { pageProblems } from '../support/axe.ts';
import type { E2eEnv } from '../support/e2e-env.ts';
import { SEED } from '../support/seed.ts';

export function accessibilityScenarios(env: () => E2eEnv): void {
  test('axe finds no serious or critical violations on the main pages, at desktop size and at 390×844, where none scrolls sideways', async () => {
    const { page } = await env().session();
    await page.goto(`${env().api.url}/`);
    await page.getByRole('heading', { name: 'Sign in', level: 2 }).waitFor();
    await screenshot(page, 'sign-in');
    const found: Record<string, string[]> = { 'sign-in': await pageProblems(page) };

    const owner = await env().session(DEMO.owner);
    const pages: [string, string, string][] = [
      ['dashboard', '/', 'Dashboard'],
      ['commitments', '/commitments', 'Commitments'],
      ['commitment', `/commitments/${SEED.usRepatriationFlights}`, 'DHS/ICE repatriation flights to Central America and Venezuela'],
      ['agreements', '/agreements', 'Agreements'],
      ['agreement', `/agreements/${SEED.migrationTalks}`, 'US–Mexico migration talks (Mayorkas and Blinken with Mexican counterparts)'],
      ['members', '/admin/members', 'Members and invitations'],
      ['api-keys', '/admin/api-keys', 'API keys'],
      ['digest', '/settings/digest', 'Your digest'],
      ['digest-admin', '/admin/digests', 'Digest administration'],
      ['notifications', '/notifications', 'Notifications'],
      ['my-work', '/my-work', 'My work'],
      ['board', '/board', 'Board'],
      ['reference-data', '/reference-data', 'Reference data'],
      ['profile', '/profile', 'Your profile'],
    ];
    for (const [name, path, heading] of pages) {
      await openPath(owner.page, env().api.url, path);
      await owner.page.getByRole('heading', { level: 1, name: heading }).waitFor();
      found[name] = await pageProblems(owner.page);
      if (['agreement', 'members', 'api-keys'].includes(name)) await screenshot(owner.page, name);
    }

    // The status dialog, open.
    await openPath(owner.page, env().api.url, `/commitments/${SEED.mxHumaneBorder}`);
    await owner.page.getByRole('button', { name: 'Change status' }).click();
    await owner.page.getByRole('dialog').getByRole('combobox', { name: 'New status' }).selectOption('BROKEN');
    await owner.page.getByRole('dialog').getByRole('button', { name: 'Add a source link' }).click();
    found['status-dialog'] = await pageProblems(owner.page);

    const failing = Object.entries(found).filter(([, v]) => v.length > 0);
    assert.deepEqual(failing, [], failing.map(([page, v]) => `${page}:\n  ${v.join('\n  ')}`).join('\n'));
  });
}
