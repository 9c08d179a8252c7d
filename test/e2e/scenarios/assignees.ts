import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO, LIVE_MS, networkSettled, openPath } from '../support/browser.ts';
import type { E2eEnv } from '../support/e2e-env.ts';
import { SEED, TITLES } from '../support/seed.ts';

export function assigneesScenarios(env: () => E2eEnv): void {
  test('an analyst assigns the viewer on a commitment page; the viewer is told, and finds it under My work from the Menu at 390 px', async () => {
    const base = env().api.url;
    const viewer = await env().session(DEMO.viewer);
    const analyst = await env().session(DEMO.analyst);

    await openPath(analyst.page, base, `/commitments/${SEED.mxSmuggling}`);
    const panel = analyst.page.getByRole('heading', { level: 2, name: 'Assignees' }).locator('xpath=..');
    await panel.getByText('Nobody is assigned yet.').waitFor();
    await panel.getByRole('combobox', { name: 'Assign a member' }).selectOption({ label: 'Victor Viewer' });
    await panel.getByRole('button', { name: 'Assign' }).click();
    await panel.getByRole('listitem').filter({ hasText: 'Victor Viewer' }).waitFor();

    // The viewer's bell counts it; the notifications page says who assigned what.
    await viewer.page.getByRole('link', { name: /Notifications, 1 unread/ }).waitFor({ timeout: LIVE_MS });
    await openPath(viewer.page, base, '/notifications');
    await viewer.page.getByRole('link', { name: `Ana Analyst assigned you “${TITLES.mxSmuggling}”` }).waitFor();

    // On a phone, the Menu holds My work; the page fits the width.
    await viewer.page.setViewportSize({ width: 390, height: 844 });
    await viewer.page.getByRole('button', { name: 'Menu' }).click();
    await viewer.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My work' }).click();
    await viewer.page.getByRole('heading', { level: 1, name: 'My work' }).waitFor();
    await viewer.page.getByRole('link', { name: TITLES.mxSmuggling }).waitFor();
    await networkSettled(viewer.page);
    const sideways = await viewer.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(sideways <= 0, `My work scrolls sideways by ${sideways} px at 390 px wide`);
    const groups = await viewer.page.locator('section[aria-labelledby^="my-work-"]').evaluateAll((sections) =>
      sections.map((s) => [s.querySelector('h2')?.textContent, [...s.querySelectorAll('li a')].map((a) => a.textContent)]),
    );
    assert.equal(groups.flatMap(([, titles]) => titles as string[]).filter((t) => t === TITLES.mxSmuggling).length, 1);
  });
}
