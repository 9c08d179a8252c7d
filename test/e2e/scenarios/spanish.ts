import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO, networkSettled, openPath, screenshot } from '../support/browser.ts';
import { pageChecks } from '../support/axe.ts';
import type { E2eEnv } from '../support/e2e-env.ts';
import { SEED } from '../support/seed.ts';

export function spanishScenarios(env: () => E2eEnv): void {
  test('the page switches to Spanish, dates and numbers included', async () => {
    const { page } = await env().session(DEMO.analyst);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    await page.getByRole('heading', { level: 1, name: 'Panel' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'es');
    await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Compromisos' }).waitFor();
    await page.getByRole('button', { name: 'Cerrar sesión' }).waitFor();

    await openPath(page, env().api.url, `/commitments/${SEED.usRepatriationFlights}`);
    await page.getByRole('heading', { level: 2, name: 'Cifras' }).waitFor();
    // 70,000 in Spanish is "70.000"; 27 Dec 2023 is "27 dic 2023".
    await page.getByText(/^70\.000 people a fecha de 27 dic 2023/).waitFor();
    await page.getByRole('button', { name: 'Cambiar estado' }).waitFor();
    await networkSettled(page);
    await screenshot(page, 'commitment-es');
    const checks = pageChecks();
    await checks.check(page, 'commitment-es');
    checks.assertNone();

    // The choice is remembered on the next visit.
    await page.goto(`${env().api.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Panel' }).waitFor();
  });
}
