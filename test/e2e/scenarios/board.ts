import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { DEMO, networkSettled, openPath } from '../support/browser.ts';
import { seriousViolations } from '../support/axe.ts';
import type { E2eEnv } from '../support/e2e-env.ts';
import { TITLES } from '../support/seed.ts';

const LIFECYCLE = ['Announced', 'In progress', 'Stalled', 'Partially fulfilled', 'Fulfilled', 'Broken'];
const LABELS: Record<string, string> = { IN_PROGRESS: 'In progress', STALLED: 'Stalled' };

const card = (page: Page, title: string): Locator => page.getByRole('listitem', { name: title, exact: true });

/** The status whose column holds the card. */
async function columnOf(page: Page, title: string): Promise<string> {
  const status = await card(page, title).locator('xpath=ancestor::section[@data-status]').getAttribute('data-status');
  assert.ok(status, `no column holds “${title}”`);
  return status;
}

/** Moves the card through the status dialog: STALLED asks for a reason, which the dialog enforces. */
async function moveThroughDialog(page: Page, title: string, to: string, { keyboard }: { keyboard: boolean }): Promise<void> {
  const move = card(page, title).getByRole('button', { name: 'Move to…' });
  if (keyboard) {
    await move.focus();
    await page.keyboard.press('Enter');
    const item = page.getByRole('menuitem', { name: LABELS[to], exact: true });
    await item.waitFor();
    // Arrow down through the menu until the wanted status has focus.
    for (let i = 0; i < 6 && !(await item.evaluate((el) => el === document.activeElement)); i += 1) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
  } else {
    await move.click();
    await page.getByRole('menuitem', { name: LABELS[to], exact: true }).click();
  }
  const dialog = page.getByRole('dialog');
  assert.equal(await dialog.getByRole('combobox', { name: 'New status' }).inputValue(), to);
  if (to === 'STALLED') {
    // Saved without a reason, the dialog refuses and says why.
    await dialog.getByRole('button', { name: 'Save status' }).click();
    await dialog.getByText('A move to Stalled needs a reason.').waitFor();
    await dialog.getByRole('combobox', { name: 'Reason' }).selectOption('NO_FUNDING');
  }
  await dialog.getByRole('textbox', { name: 'Note' }).fill('Moved on the board after the talks.');
  await dialog.getByRole('button', { name: 'Save status' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.locator(`section[data-status="${to}"]`).getByRole('listitem', { name: title, exact: true }).waitFor();
}

export function boardScenarios(env: () => E2eEnv): void {
  test('the board shows the list\'s filter by status; a move goes through the status dialog, at desktop and at 390×844, and axe finds nothing serious', async () => {
    const base = env().api.url;
    const { page } = await env().session(DEMO.analyst);
    const title = TITLES.mxHumaneBorder;
    const found: Record<string, string[]> = {};

    // From the list, filtered to Mexico, to the board: the filter goes along.
    await openPath(page, base, '/commitments?party=MX');
    await page.getByRole('heading', { level: 1, name: 'Commitments' }).waitFor();
    await page.getByRole('navigation', { name: 'View' }).getByRole('link', { name: 'Board' }).click();
    await page.getByRole('heading', { level: 1, name: 'Board' }).waitFor();
    assert.match(page.url(), /\/board\?party=MX$/);
    await card(page, title).waitFor();
    const headings = await page.locator('section[data-status] h2').allTextContents();
    assert.deepEqual(headings.map((h) => h.replace(/ · \d+$/, '')), LIFECYCLE);
    assert.equal(await card(page, TITLES.usCbpCrackdown).count(), 0, 'a US commitment shows on a board filtered to Mexico');
    found.board = await seriousViolations(page);

    // Cancelling the dialog leaves the card where it was, and focus on its button.
    const from = await columnOf(page, title);
    const to = from === 'STALLED' ? 'IN_PROGRESS' : 'STALLED';
    await card(page, title).getByRole('button', { name: 'Move to…' }).click();
    await page.getByRole('menuitem', { name: LABELS[to], exact: true }).click();
    await page.getByRole('dialog').getByRole('combobox', { name: 'New status' }).waitFor();
    found['board-dialog'] = await seriousViolations(page);
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.textContent === 'Move to…');
    assert.equal(await columnOf(page, title), from);

    // With the keyboard: the menu, the dialog and its rules; then the card is in its new column.
    await moveThroughDialog(page, title, to, { keyboard: true });
    // Focus followed the card: its "Move to…" button in the new column.
    await page.waitForFunction(
      ([status, name]) => {
        const el = document.activeElement;
        return el?.textContent === 'Move to…' && el.closest(`section[data-status="${status}"]`) !== null && el.closest('li')?.textContent?.includes(name) === true;
      },
      [to, title],
    );

    // On a phone the columns stack; the page never scrolls sideways; the move works the same.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await card(page, title).waitFor();
    await networkSettled(page);
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(sideways <= 0, `the board scrolls sideways by ${sideways} px at 390 px wide`);
    found['board-phone'] = await seriousViolations(page);
    const back = to === 'STALLED' ? 'IN_PROGRESS' : 'STALLED';
    await moveThroughDialog(page, title, back, { keyboard: false });
    found['board-phone-moved'] = await seriousViolations(page);

    const failing = Object.entries(found).filter(([, v]) => v.length > 0);
    assert.deepEqual(failing, [], failing.map(([p, v]) => `${p}:\n  ${v.join('\n  ')}`).join('\n'));
  });
}
