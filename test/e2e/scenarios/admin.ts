import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO } from '../support/browser.ts';
import { pageChecks } from '../support/axe.ts';
import type { E2eEnv } from '../support/e2e-env.ts';

export function adminScenarios(env: () => E2eEnv): void {
  test('an owner invites and revokes, and creates an API key whose secret is shown once with a copy button', async () => {
    const { context, page } = await env().session(DEMO.owner);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env().api.url });
    const nav = page.getByRole('navigation', { name: 'Main' });

    await nav.getByRole('link', { name: 'Members' }).click();
    const invite = page.getByRole('form', { name: 'Invite someone' });
    await invite.getByRole('textbox', { name: 'Email' }).fill('new.analyst@pactwatch.test');
    await invite.getByRole('button', { name: 'Send invitation' }).click();
    const row = page.getByRole('row', { name: /new\.analyst@pactwatch\.test/ });
    await row.getByText('Pending').waitFor();
    const checks = pageChecks();
    await checks.check(page, 'members-with-invitation');
    await row.getByRole('button', { name: 'Revoke the invitation to new.analyst@pactwatch.test' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await row.getByText('Revoked').waitFor();

    await nav.getByRole('link', { name: 'API keys' }).click();
    const create = page.getByRole('form', { name: 'Create a key' });
    await create.getByRole('textbox', { name: 'Name' }).fill('Ministry dashboard');
    await create.getByRole('button', { name: 'Create key' }).click();
    const secret = (await page.getByTestId('api-key-secret').textContent())?.trim() ?? '';
    assert.match(secret, /^pw_[0-9a-f]+_\S+$/);
    await checks.check(page, 'api-key-secret-shown');
    await page.getByRole('button', { name: 'Copy key' }).click();
    await page.getByRole('button', { name: 'Copied' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), secret);
    await page.getByRole('button', { name: 'I have stored it' }).click();
    // Shown once: gone from the page, and the list only knows its start.
    assert.equal(await page.getByTestId('api-key-secret').count(), 0);
    const key = page.getByRole('row', { name: /Ministry dashboard/ });
    await key.getByRole('button', { name: 'Revoke key Ministry dashboard' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await key.getByText(/^Revoked /).waitFor();
    checks.assertNone();
  });
}
