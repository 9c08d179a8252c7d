import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO, networkSettled, openPath, screenshot, waitForDashboard } from '../support/browser.ts';
import { pageChecks } from '../support/axe.ts';
import type { E2eEnv } from '../support/e2e-env.ts';
import { SEED, TITLES } from '../support/seed.ts';

export function analystScenarios(env: () => E2eEnv): void {
  test('an analyst finds the human-smuggling commitment, moves it to IN_PROGRESS with a note, adds evidence, and sees both on the timeline', async () => {
    const { page } = await env().session(DEMO.analyst);
    const checks = pageChecks();
    // The charts and the recent changes come after the page itself: the screenshot waits for them.
    await waitForDashboard(page);
    await screenshot(page, 'dashboard');
    await checks.check(page, 'dashboard');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Commitments' }).click();
    await page.getByRole('searchbox', { name: 'Search' }).fill('human smuggling');
    await page.waitForURL(/q=human\+smuggling/);
    const link = page.getByRole('link', { name: TITLES.mxSmuggling });
    await link.waitFor();
    await networkSettled(page);
    await screenshot(page, 'commitment-list');
    await checks.check(page, 'commitment-list');
    await link.click();
    await page.getByRole('heading', { level: 1, name: TITLES.mxSmuggling }).waitFor();

    // FULFILLED without evidence is refused in the dialog, before anything is sent.
    await page.getByRole('button', { name: 'Change status' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'New status' }).selectOption('FULFILLED');
    await dialog.getByRole('textbox', { name: 'Note' }).fill('All smuggling networks dismantled');
    await dialog.getByRole('button', { name: 'Save status' }).click();
    await dialog.getByText('A move to Fulfilled needs at least one source: tick one above or add a link.').waitFor();
    await screenshot(page, 'status-dialog-refused');
    await checks.check(page, 'status-dialog-refused');

    // IN_PROGRESS with a note goes through.
    await dialog.getByRole('combobox', { name: 'New status' }).selectOption('IN_PROGRESS');
    await dialog.getByRole('textbox', { name: 'Note' }).fill('INM operations against smuggling networks under way');
    await dialog.getByRole('button', { name: 'Save status' }).click();
    await dialog.waitFor({ state: 'detached' });

    // A source added on its own.
    await page.getByRole('button', { name: 'Add evidence' }).click();
    const form = page.getByRole('form', { name: 'Add evidence' });
    await form.getByRole('textbox', { name: 'Address (URL)' }).fill('https://example.org/inm-operations');
    await form.getByRole('textbox', { name: 'Title' }).fill('INM operations report');
    await form.getByRole('textbox', { name: 'Publisher' }).fill('Instituto Nacional de Migración');
    await form.getByRole('combobox', { name: 'Kind' }).selectOption('OFFICIAL_STATEMENT');
    await form.getByRole('button', { name: 'Add source' }).click();
    await form.waitFor({ state: 'detached' });

    const timeline = page.getByTestId('timeline');
    await timeline.getByText('INM operations against smuggling networks under way').waitFor();
    await timeline.getByRole('link', { name: 'INM operations report' }).waitFor();
    assert.equal(await timeline.getByText('In progress').count(), 1);
    assert.equal(await timeline.getByRole('link', { name: 'INM operations report' }).getAttribute('href'), 'https://example.org/inm-operations');
    await page.getByText('Version 2').waitFor();
    await networkSettled(page);
    await screenshot(page, 'commitment');
    await checks.check(page, 'commitment');
    checks.assertNone();
  });

  test('an analyst records a newer figure, which becomes the latest value', async () => {
    const { page } = await env().session(DEMO.analyst);
    await openPath(page, env().api.url, `/commitments/${SEED.usRepatriationFlights}`);
    await page.getByRole('button', { name: 'Record a figure' }).click();
    const form = page.getByRole('form', { name: 'Record a figure' });
    await form.getByRole('combobox', { name: 'Figure' }).selectOption({ label: 'Migrants deported since 2023-05-12 (people)' });
    await form.getByLabel('As of').fill('2024-01-15');
    await form.getByRole('textbox', { name: 'Value' }).fill('470000');
    await form.getByRole('combobox', { name: 'Source' }).selectOption({ index: 1 });
    await form.getByRole('button', { name: 'Record' }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByText('470,000 people as of Jan 15, 2024').waitFor();
  });
}
