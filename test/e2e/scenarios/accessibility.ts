import assert from 'node:assert/strict';
import { test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { DEMO, networkSettled, openPath, screenshot } from '../support/browser.ts';
import type { E2eEnv } from '../support/e2e-env.ts';
import { SEED } from '../support/seed.ts';

async function seriousViolations(page: Page): Promise<string[]> {
  await networkSettled(page);
  // The digest preview's sandboxed frame (an email, shown as it is sent) runs no script, axe's
  // included: axe would wait on it for ever. It is left out; it has a title, and the page around it is checked.
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).exclude('iframe[sandbox=""]').analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

export function accessibilityScenarios(env: () => E2eEnv): void {
  test('axe finds no serious or critical violations on the main pages', async () => {
    const { page } = await env().session();
    await page.goto(`${env().api.url}/`);
    await page.getByRole('heading', { name: 'Sign in', level: 2 }).waitFor();
    await screenshot(page, 'sign-in');
    const found: Record<string, string[]> = { 'sign-in': await seriousViolations(page) };

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
    ];
    for (const [name, path, heading] of pages) {
      await openPath(owner.page, env().api.url, path);
      await owner.page.getByRole('heading', { level: 1, name: heading }).waitFor();
      found[name] = await seriousViolations(owner.page);
      if (['agreement', 'members', 'api-keys'].includes(name)) await screenshot(owner.page, name);
    }

    // The status dialog, open.
    await openPath(owner.page, env().api.url, `/commitments/${SEED.mxHumaneBorder}`);
    await owner.page.getByRole('button', { name: 'Change status' }).click();
    await owner.page.getByRole('dialog').getByRole('combobox', { name: 'New status' }).selectOption('BROKEN');
    await owner.page.getByRole('dialog').getByRole('button', { name: 'Add a source link' }).click();
    found['status-dialog'] = await seriousViolations(owner.page);

    const failing = Object.entries(found).filter(([, v]) => v.length > 0);
    assert.deepEqual(failing, [], failing.map(([page, v]) => `${page}:\n  ${v.join('\n  ')}`).join('\n'));
  });
}
