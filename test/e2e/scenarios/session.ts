import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO } from '../support/browser.ts';
import { pageChecks } from '../support/axe.ts';
import type { E2eEnv } from '../support/e2e-env.ts';

export function sessionScenarios(env: () => E2eEnv): void {
  test('a person in two workspaces switches between them, then signs out', async () => {
    const { page } = await env().session(DEMO.owner);
    // A second workspace of the owner's, made over the API as another client would.
    const created = await page.evaluate(async () => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'mutation { createWorkspace(input: { name: "Canada–Mexico talks" }) { workspace { id } } }' }),
      });
      return response.json();
    });
    assert.ok(created.data?.createWorkspace?.workspace?.id, JSON.stringify(created));
    await page.reload();

    const workspace = page.getByRole('combobox', { name: 'Workspace' });
    await workspace.selectOption({ label: 'Canada–Mexico talks' });
    await page.getByText('0 commitments tracked').waitFor();
    const checks = pageChecks();
    await checks.check(page, 'empty-workspace-dashboard');
    await workspace.selectOption({ label: 'US–Mexico migration talks' });
    await page.getByText(/^\d+ commitments tracked$/).filter({ hasNotText: /^0 / }).waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 2, name: 'Sign in' }).waitFor();
    // The session is gone on the server too: a reload stays signed out.
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Sign in' }).waitFor();
    await checks.check(page, 'signed-out');
    checks.assertNone();
  });
}
