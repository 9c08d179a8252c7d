import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO, LIVE_MS, networkSettled, openPath, scenarioContext, signIn } from '../support/browser.ts';
import { seriousViolations } from '../support/axe.ts';
import type { E2eEnv } from '../support/e2e-env.ts';
import { SEED, TITLES } from '../support/seed.ts';
import { startApi } from '../support/start-api.ts';

async function sideways(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Opens a page of the main navigation from the header's Menu, as on a phone. */
async function fromMenu(page: Page, link: string): Promise<void> {
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();
}

/** A date `days` after today (UTC), as the API and the date inputs write it. */
function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

export function analystDayScenarios(env: () => E2eEnv): void {
  test("an analyst's day on a phone (390×844): my work, a due-date reminder, a progress note with a source, a board move through the dialog; axe finds nothing serious", async () => {
    // An API of its own with the reminder check on (every second): the shared one runs without it.
    const api = await startApi({ REMINDER_POLL_SECONDS: '1' });
    const context = await scenarioContext(env().browser, { width: 390, height: 844 });
    const found: Record<string, string[]> = {};
    const overflow: Record<string, number> = {};
    const check = async (page: Page, name: string) => {
      found[name] = await seriousViolations(page);
      overflow[name] = await sideways(page);
    };
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await signIn(page, api.url, DEMO.analyst);
      const title = TITLES.jointStatement;

      // The morning: the analyst takes on the joint statement.
      await openPath(page, api.url, `/commitments/${SEED.jointStatement}`);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      const panel = page.getByRole('heading', { level: 2, name: 'Assignees' }).locator('xpath=..');
      await panel.getByRole('combobox', { name: 'Assign a member' }).selectOption({ label: 'Ana Analyst' });
      await panel.getByRole('button', { name: 'Assign' }).click();
      await panel.getByRole('listitem').filter({ hasText: 'Ana Analyst' }).waitFor();

      // Its due date is set a week out: the reminder check tells the assignee.
      await page.getByRole('button', { name: 'Edit', exact: true }).first().click();
      const edit = page.getByRole('dialog');
      await edit.getByLabel('Due').fill(inDays(7));
      await check(page, 'commitment-edit-dialog');
      await edit.getByRole('button', { name: 'Save' }).click();
      await edit.waitFor({ state: 'detached' });

      // My work, from the Menu: the commitment is due within 14 days.
      await fromMenu(page, 'My work');
      await page.getByRole('heading', { level: 1, name: 'My work' }).waitFor();
      const soon = page.locator('section[aria-labelledby^="my-work-"]').filter({ has: page.getByRole('heading', { level: 2, name: 'Due in the next 14 days' }) });
      await soon.getByRole('link', { name: title }).waitFor();
      await check(page, 'my-work');

      // The reminder, on the notifications page (reminders are not pushed live: the page is read again
      // until the check, every second, has run).
      const reminder = page.getByRole('link', { name: new RegExp(`^“${title}” is due on `) });
      const deadline = Date.now() + LIVE_MS;
      for (;;) {
        await openPath(page, api.url, '/notifications');
        await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
        await networkSettled(page);
        if ((await reminder.count()) > 0 || Date.now() > deadline) break;
        await page.waitForTimeout(1000);
      }
      await reminder.waitFor({ timeout: 1000 });
      await check(page, 'notifications');

      // A progress note with a new source: the status stays as it is.
      await reminder.click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      const before = await page.getByText(/^Version \d+$/).first().textContent();
      await page.getByRole('button', { name: 'Change status' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('combobox', { name: 'New status' }).selectOption('PROGRESS');
      await dialog.getByRole('textbox', { name: 'Note' }).fill('Drafts of the joint statement exchanged between the foreign ministries.');
      await dialog.getByRole('button', { name: 'Add a source link' }).click();
      await dialog.getByRole('textbox', { name: 'Address (URL)' }).fill('https://example.org/joint-statement-drafts');
      await dialog.getByRole('textbox', { name: 'Title' }).fill('Foreign ministries on the statement drafts');
      await check(page, 'progress-dialog');
      await dialog.getByRole('button', { name: 'Save status' }).click();
      await dialog.waitFor({ state: 'detached' });
      const timeline = page.getByTestId('timeline');
      await timeline.getByText('Drafts of the joint statement exchanged between the foreign ministries.').waitFor();
      await timeline.getByRole('link', { name: 'Foreign ministries on the statement drafts' }).waitFor();
      assert.equal(await page.getByText(/^Version \d+$/).first().textContent(), before, 'a progress note changed the version');
      await check(page, 'commitment-after-progress');

      // The afternoon: the statement moves on the board, through the status dialog and its rules.
      await fromMenu(page, 'Commitments');
      await page.getByRole('heading', { level: 1, name: 'Commitments' }).waitFor();
      await page.getByRole('navigation', { name: 'View' }).getByRole('link', { name: 'Board' }).click();
      await page.getByRole('heading', { level: 1, name: 'Board' }).waitFor();
      const card = page.getByRole('listitem', { name: title, exact: true });
      await card.waitFor();
      const from = await card.locator('xpath=ancestor::section[@data-status]').getAttribute('data-status');
      const to = from === 'IN_PROGRESS' ? 'STALLED' : 'IN_PROGRESS';
      await check(page, 'board');
      await card.getByRole('button', { name: 'Move to…' }).click();
      await page.getByRole('menuitem', { name: to === 'STALLED' ? 'Stalled' : 'In progress', exact: true }).click();
      const move = page.getByRole('dialog');
      assert.equal(await move.getByRole('combobox', { name: 'New status' }).inputValue(), to);
      assert.equal(await move.getAttribute('data-full-screen'), 'true', 'the status dialog is not full-screen on a phone');
      if (to === 'STALLED') await move.getByRole('combobox', { name: 'Reason' }).selectOption('NO_FUNDING');
      await move.getByRole('textbox', { name: 'Note' }).fill('Both sides agreed the text; publication is scheduled.');
      await check(page, 'board-dialog');
      await move.getByRole('button', { name: 'Save status' }).click();
      await move.waitFor({ state: 'detached' });
      await page.locator(`section[data-status="${to}"]`).getByRole('listitem', { name: title, exact: true }).waitFor();
      await check(page, 'board-after-move');

      const failing = Object.entries(found).filter(([, v]) => v.length > 0);
      assert.deepEqual(failing, [], failing.map(([p, v]) => `${p}:\n  ${v.join('\n  ')}`).join('\n'));
      const wide = Object.entries(overflow).filter(([, by]) => by > 0);
      assert.deepEqual(wide, [], `scrolls sideways at 390 px: ${wide.map(([p, by]) => `${p} by ${by} px`).join(', ')}`);
    } finally {
      await context.close();
      await api.stop();
    }
  });
}
