import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO, networkSettled, openPath, screenshot } from '../support/browser.ts';
import { pageChecks } from '../support/axe.ts';
import type { E2eEnv } from '../support/e2e-env.ts';
import { SEED, TITLES } from '../support/seed.ts';

export function digestScenarios(env: () => E2eEnv): void {
  test('an analyst watches a commitment, changes the digest settings and sees the preview follow; then stops watching', async () => {
    const { page } = await env().session(DEMO.analyst);
    await openPath(page, env().api.url, `/commitments/${SEED.mxHumaneBorder}`);
    await page.getByRole('heading', { level: 1, name: TITLES.mxHumaneBorder }).waitFor();

    const watch = page.getByRole('button', { name: 'Watch', exact: true });
    assert.equal(await watch.getAttribute('aria-pressed'), 'false');
    await watch.click();
    await page.getByRole('button', { name: 'Watch', exact: true, pressed: true }).waitFor();
    // Kept on the server: a reload still shows it watched.
    await page.reload();
    await page.getByRole('button', { name: 'Watch', exact: true, pressed: true }).waitFor();

    // Something to report on what is watched.
    await page.getByRole('button', { name: 'Change status' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'New status' }).selectOption('IN_PROGRESS');
    await dialog.getByRole('textbox', { name: 'Note' }).fill('Repatriation protocol agreed with Guatemala');
    await dialog.getByRole('button', { name: 'Save status' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Digest' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your digest' }).waitFor();
    await page.getByTestId('following').getByText('You watch 1 commitment.').waitFor();
    await page.getByTestId('digest-subject').getByText('1 status change').waitFor();
    await page.getByTestId('digest-item-count').getByText('1 item').waitFor();
    // The email's HTML is in a sandboxed frame, never in the page.
    const frame = page.locator('iframe[title="Digest email preview"]');
    assert.equal(await frame.getAttribute('sandbox'), '');
    assert.equal(await page.locator('main').getByText('Repatriation protocol agreed with Guatemala').count(), 0);
    await page.frameLocator('iframe[title="Digest email preview"]').getByText(TITLES.mxHumaneBorder).first().waitFor();

    const form = page.getByRole('form', { name: 'Digest settings' });
    await form.getByRole('combobox', { name: 'How often' }).selectOption('WEEKLY');
    await form.getByRole('combobox', { name: 'Day' }).selectOption({ label: 'Friday' });
    await form.getByRole('combobox', { name: 'Hour' }).selectOption('7');
    await form.getByRole('combobox', { name: 'Language' }).selectOption('es');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await form.getByText('Saved.').waitFor();
    // The preview follows the new language at once.
    await page.getByTestId('digest-subject').getByText('1 cambio de estado').waitFor();
    await page.frameLocator('iframe[title="Digest email preview"]').getByText('En curso').first().waitFor();
    await page.getByRole('tab', { name: 'Plain text' }).click();
    await page.locator('pre').getByText(TITLES.mxHumaneBorder).waitFor();
    await page.getByRole('tab', { name: 'As the email shows it' }).click();
    await networkSettled(page);
    await screenshot(page, 'digest-settings');
    const settingsChecks = pageChecks();
    await settingsChecks.check(page, 'digest-settings');
    settingsChecks.assertNone();

    // Settings are kept: a reload shows them.
    await page.reload();
    const again = page.getByRole('form', { name: 'Digest settings' });
    assert.equal(await again.getByRole('combobox', { name: 'How often' }).inputValue(), 'WEEKLY');
    assert.equal(await again.getByRole('combobox', { name: 'Day' }).inputValue(), '5');
    assert.equal(await again.getByRole('combobox', { name: 'Hour' }).inputValue(), '7');
    assert.equal(await again.getByRole('combobox', { name: 'Language' }).inputValue(), 'es');

    await openPath(page, env().api.url, `/commitments/${SEED.mxHumaneBorder}`);
    await page.getByRole('button', { name: 'Watch', exact: true, pressed: true }).click();
    await page.getByRole('button', { name: 'Watch', exact: true, pressed: false }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Digest' }).click();
    await page.getByTestId('following').getByText('You watch nothing yet', { exact: false }).waitFor();
  });

  test('an admin adds an outside recipient, runs the digests, and reads the delivery log and the outbox', async () => {
    const { page } = await env().session(DEMO.owner);
    await openPath(page, env().api.url, '/admin/digests');
    await page.getByRole('heading', { level: 1, name: 'Digest administration' }).waitFor();

    const form = page.getByRole('form', { name: 'Add an outside recipient' });
    await form.getByRole('textbox', { name: 'Email' }).fill('liaison@example.org');
    await form.getByRole('button', { name: 'Add recipient' }).click();
    const recipients = page.getByTestId('digest-recipients');
    await recipients.getByRole('row', { name: /liaison@example\.org/ }).getByText('Waiting for confirmation').waitFor();

    // Its confirmation email is in the local outbox; the message whole, as text.
    const mail = page.getByTestId('outbox-message').filter({ hasText: 'liaison@example.org' }).first();
    await mail.getByText('Confirm your Pactwatch digest', { exact: false }).waitFor();
    await mail.getByText('Show the whole message').click();
    await mail.locator('pre').getByText('Subject:', { exact: false }).first().waitFor();

    await page.getByRole('button', { name: 'Run digests now' }).click();
    await page.getByText(/^Run finished: \d+ scheduled, \d+ sent, \d+ with nothing to report, \d+ failed\.$/).waitFor();
    await networkSettled(page);
    await screenshot(page, 'digest-admin');
    const adminChecks = pageChecks();
    await adminChecks.check(page, 'digest-admin');
    adminChecks.assertNone();

    await page.getByRole('button', { name: 'Remove liaison@example.org' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
    await recipients.getByRole('row', { name: /liaison@example\.org/ }).waitFor({ state: 'detached' });
  });
}
