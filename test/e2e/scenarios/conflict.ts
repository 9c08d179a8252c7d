import { test } from 'node:test';
import { DEMO, openPath, screenshot } from '../support/browser.ts';
import { pageChecks } from '../support/axe.ts';
import type { E2eEnv } from '../support/e2e-env.ts';
import { SEED, TITLES } from '../support/seed.ts';

export function conflictScenarios(env: () => E2eEnv): void {
  test('two sessions edit the same commitment: the second sees the conflict and re-applies its change', async () => {
    const first = await env().session(DEMO.analyst);
    const second = await env().session(DEMO.owner);
    const checks = pageChecks();
    for (const { page } of [first, second]) {
      await openPath(page, env().api.url, `/commitments/${SEED.jointStatement}`);
      await page.getByRole('heading', { level: 1, name: TITLES.jointStatement }).waitFor();
      await page.getByRole('button', { name: 'Change status' }).click();
    }

    const one = first.page.getByRole('dialog');
    await one.getByRole('combobox', { name: 'New status' }).selectOption('IN_PROGRESS');
    await one.getByRole('textbox', { name: 'Note' }).fill('Drafts exchanged between SRE and State');
    await one.getByRole('button', { name: 'Save status' }).click();
    await one.waitFor({ state: 'detached' });

    const two = second.page.getByRole('dialog');
    await two.getByRole('combobox', { name: 'New status' }).selectOption('STALLED');
    await two.getByRole('combobox', { name: 'Reason' }).selectOption('COUNTERPART_INACTION');
    await two.getByRole('textbox', { name: 'Note' }).fill('No date set for the statement');
    await two.getByRole('button', { name: 'Save status' }).click();

    const view = two.getByTestId('conflict-view');
    await view.getByText('Someone else changed this commitment').waitFor();
    await view.getByText('You opened version 1; it is now at version 2.', { exact: false }).waitFor();
    await view.getByRole('row', { name: /Status/ }).getByText('In progress').waitFor();
    await view.getByText('No date set for the statement').waitFor();
    // Once the page has reloaded the newer version, it says who changed it and why.
    await view.getByText(/Ana Analyst moved it to In progress on .*: “Drafts exchanged between SRE and State”/).waitFor();
    await screenshot(second.page, 'conflict');
    await checks.check(second.page, 'conflict');
    checks.assertNone();

    await view.getByRole('button', { name: 'Apply my change to the newer version' }).click();
    await two.waitFor({ state: 'detached' });
    const timeline = second.page.getByTestId('timeline');
    await timeline.getByText('Drafts exchanged between SRE and State').waitFor();
    await timeline.getByText('No date set for the statement').waitFor();
    await second.page.getByText('Version 3').waitFor();
  });
}
