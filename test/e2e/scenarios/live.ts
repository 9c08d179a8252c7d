import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Locator, Page, WebSocketRoute } from 'playwright-core';
import { DEMO, LIVE_MS, networkSettled, openPath, screenshot, signIn, waitForDashboard } from '../support/browser.ts';
import { pageChecks } from '../support/axe.ts';
import type { E2eEnv } from '../support/e2e-env.ts';
import { SEED, TITLES } from '../support/seed.ts';

/** Moves the commitment open in `page` to another status, through the dialog, as an analyst would. */
async function changeStatus(page: Page, status: string, fill: { note?: string; reason?: string }): Promise<void> {
  await page.getByRole('button', { name: 'Change status' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: 'New status' }).selectOption(status);
  if (fill.reason) await dialog.getByRole('combobox', { name: 'Reason' }).selectOption(fill.reason);
  if (fill.note) await dialog.getByRole('textbox', { name: 'Note' }).fill(fill.note);
  await dialog.getByRole('button', { name: 'Save status' }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** The ids of the entries the dashboard's recent changes list now. */
const listedIds = async (recent: Locator) => new Set(await recent.locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-activity-id'))));

/**
 * Waits until the recent changes list exactly one entry with this text that was not listed before
 * (earlier changes of the same kind may be there too); two would be one change delivered twice.
 */
async function waitForNewEntry(recent: Locator, before: Set<string | null>, text: string, timeout = LIVE_MS): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const ids = await recent.locator('li', { hasText: text }).evaluateAll((items) => items.map((li) => li.getAttribute('data-activity-id')));
    const fresh = ids.filter((id) => !before.has(id));
    if (fresh.length > 1) throw new Error(`“${text}” arrived ${fresh.length} times`);
    if (fresh.length === 1) return;
    if (Date.now() > deadline) throw new Error(`“${text}” did not arrive within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Leaves a mark in the page's memory: still there later means the page was never reloaded. */
const mark = (page: Page) => page.evaluate(() => Object.assign(window, { __sameDocument: true }));
const stillSameDocument = (page: Page) => page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);

export function liveScenarios(env: () => E2eEnv): void {
  test('two sessions on one commitment: each sees the other, a status change and an @mention comment arrive live, the mentioned member is notified', async () => {
    const owner = await env().session(DEMO.owner);
    const analyst = await env().session(DEMO.analyst);
    for (const { page } of [owner, analyst]) {
      await openPath(page, env().api.url, `/commitments/${SEED.usCbpCrackdown}`);
      await page.getByRole('heading', { level: 1, name: TITLES.usCbpCrackdown }).waitFor();
    }
    await mark(analyst.page);

    // Presence: each sees the other, not themself.
    await owner.page.getByTestId('presence').getByText('Also looking at this now: Ana Analyst').waitFor({ timeout: LIVE_MS });
    await analyst.page.getByTestId('presence').getByText('Also looking at this now: Olivia Owner').waitFor({ timeout: LIVE_MS });

    // The analyst is halfway through a status change when the owner saves one.
    await analyst.page.getByRole('button', { name: 'Change status' }).click();
    const editing = analyst.page.getByRole('dialog');
    await editing.getByRole('textbox', { name: 'Note' }).fill('Half-typed note');
    const started = Date.now();
    await changeStatus(owner.page, 'STALLED', { reason: 'COUNTERPART_INACTION', note: 'CBP operation paused along the Arizona border' });

    // It reaches the analyst's page behind the dialog without a reload; the form keeps what was typed.
    await analyst.page.getByTestId('timeline').getByText('CBP operation paused along the Arizona border').waitFor({ timeout: LIVE_MS });
    await analyst.page.getByText('Version 3', { exact: true }).waitFor();
    assert.ok(Date.now() - started < LIVE_MS + 10_000);
    await editing.getByTestId('changed-meanwhile').waitFor();
    assert.equal(await editing.getByRole('textbox', { name: 'Note' }).inputValue(), 'Half-typed note');
    await editing.getByRole('button', { name: 'Cancel' }).click();
    await editing.waitFor({ state: 'detached' });

    // The owner @mentions the analyst, picking her from the suggestions.
    const composer = owner.page.getByRole('form', { name: 'Add a comment' });
    const box = composer.getByRole('textbox', { name: 'Comment' });
    await box.click();
    await box.pressSequentially('Could @an');
    await owner.page.getByRole('listbox', { name: 'Members to mention' }).getByRole('option', { name: 'Ana Analyst' }).waitFor();
    await box.press('Enter');
    await box.pressSequentially('check the **CBP** figures?');
    assert.equal(await box.inputValue(), 'Could @Ana Analyst check the **CBP** figures?');
    await composer.getByRole('button', { name: 'Comment' }).click();
    await owner.page.getByRole('article', { name: 'Comment by Olivia Owner' }).getByText('figures?', { exact: false }).waitFor();

    // The analyst sees the comment appear, rendered from Markdown, and is notified.
    const comment = analyst.page.getByRole('article', { name: 'Comment by Olivia Owner' });
    await comment.locator('strong', { hasText: 'CBP' }).waitFor({ timeout: LIVE_MS });
    await analyst.page.getByTestId('notification-toast').getByText(`Olivia Owner mentioned you on “${TITLES.usCbpCrackdown}”`).waitFor({ timeout: LIVE_MS });
    const bell = analyst.page.getByRole('link', { name: 'Notifications, 1 unread' });
    await bell.waitFor({ timeout: LIVE_MS });
    await networkSettled(analyst.page);
    await screenshot(analyst.page, 'live-commitment');
    const checks = pageChecks();
    await checks.check(analyst.page, 'live-commitment');
    checks.assertNone();
    assert.equal(await stillSameDocument(analyst.page), true, 'the analyst’s page was reloaded');

    await bell.click();
    await analyst.page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    const notification = analyst.page.getByTestId('notification').first();
    // The excerpt is the comment as read, not its Markdown.
    await notification.getByText('Could @Ana Analyst check the CBP figures?').waitFor();
    assert.equal(await notification.getByText('**CBP**').count(), 0);
    assert.equal(await notification.getAttribute('data-read'), 'false');
    await analyst.page.getByRole('button', { name: 'Mark all as read' }).click();
    await analyst.page.getByRole('link', { name: 'Notifications', exact: true }).waitFor();
    await analyst.page.getByText('Nothing unread.').waitFor();
  });

  test('the dashboard and the commitment list follow others’ changes, and a dropped connection resumes without missing any', async () => {
    const owner = await env().session(DEMO.owner);
    const analyst = await env().session();
    // The analyst's WebSocket goes through a switch the test can flip: drop it, and refuse reconnection for a while.
    const sockets: WebSocketRoute[] = [];
    let refusing = false;
    await analyst.context.routeWebSocket(/\/graphql$/, (ws) => {
      if (refusing) {
        ws.close({ code: 1012, reason: 'Service Restart' });
        return;
      }
      ws.connectToServer();
      sockets.push(ws);
    });
    await signIn(analyst.page, env().api.url, DEMO.analyst);
    await waitForDashboard(analyst.page);
    await mark(analyst.page);
    await analyst.page.locator('[data-testid="live-status"][data-state="connected"]').waitFor({ timeout: LIVE_MS });

    await openPath(owner.page, env().api.url, `/commitments/${SEED.usCbpCrackdown}`);
    await owner.page.getByRole('heading', { level: 1, name: TITLES.usCbpCrackdown }).waitFor();

    // Live: the owner's change is listed on the analyst's dashboard.
    const recent = analyst.page.getByTestId('recent-changes');
    const before = await listedIds(recent);
    await changeStatus(owner.page, 'IN_PROGRESS', { note: 'Work resumed after new staff arrived' });
    await waitForNewEntry(recent, before, 'Status changed: Stalled → In progress');

    // The connection drops and stays down while the owner changes the status again...
    refusing = true;
    for (const ws of sockets.splice(0)) await ws.close({ code: 1012, reason: 'Service Restart' });
    await analyst.page.locator('[data-testid="live-status"][data-state="reconnecting"]').waitFor({ timeout: LIVE_MS });
    await changeStatus(owner.page, 'STALLED', { reason: 'CAPACITY' });
    // ...and once it is back, the change made meanwhile arrives (the feed resumes after the last one seen).
    refusing = false;
    await analyst.page.locator('[data-testid="live-status"][data-state="connected"]').waitFor({ timeout: 30_000 });
    await waitForNewEntry(recent, before, 'Status changed: In progress → Stalled');
    // Nothing seen before the drop comes twice.
    await waitForNewEntry(recent, before, 'Status changed: Stalled → In progress', 0);

    // The commitment list: the row changes where it stands.
    await analyst.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Commitments' }).click();
    await analyst.page.getByRole('searchbox', { name: 'Search' }).fill('CBP crackdown');
    const row = analyst.page.getByRole('row', { name: new RegExp(TITLES.usCbpCrackdown) });
    await row.getByText('Stalled').waitFor();
    await changeStatus(owner.page, 'IN_PROGRESS', { note: 'Funding restored' });
    await row.getByText('In progress').waitFor({ timeout: LIVE_MS });
    assert.equal(await stillSameDocument(analyst.page), true, 'the analyst’s page was reloaded');
  });
}
