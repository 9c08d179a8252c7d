import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LIVE_MS, networkSettled } from '../support/browser.ts';
import { pageProblems } from '../support/axe.ts';
import type { E2eEnv } from '../support/e2e-env.ts';
import { linkMailedTo } from '../support/outbox.ts';

const FOUNDER = { email: 'founder@newteam.example', name: 'Fernanda Founder', workspace: 'Border cooperation tracker', password: 'founder-password-1' };
const COLLEAGUE = { email: 'colleague@newteam.example', name: 'Carlos Colleague', password: 'colleague-password-1' };
const OFFICIAL = { name: 'Alejandro Mayorkas', title: 'Secretary of Homeland Security' };
/** A day `n` days before today (UTC: the browser sessions run in UTC). */
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const daysAhead = (n: number) => daysAgo(-n);
const AGREEMENT = {
  title: 'Border cooperation talks in Ciudad Juárez',
  heldOn: daysAgo(30),
  place: 'Ciudad Juárez',
  summary: 'Both delegations agreed on joint patrols and on sharing data on smuggling networks.',
};
const US_COMMITMENT = {
  title: 'United States to share data on smuggling networks',
  party: 'United States of America (US)',
  owner: true,
  dueOn: daysAhead(60),
  description: 'DHS shares what it knows of the networks with Mexican authorities every month.',
  quote: 'The United States will share information on smuggling networks on a monthly basis.',
};
const MX_COMMITMENT = {
  title: 'Mexico to deploy joint patrols at the border',
  party: 'Mexico (MX)',
  owner: false,
  dueOn: daysAhead(90),
  description: 'Joint patrols along the northern border, with the National Guard.',
  quote: 'México desplegará patrullas conjuntas en la frontera norte.',
};
/** The joint statement the agreement is recorded from, added on the new-agreement form. */
const AGREEMENT_SOURCE = { url: 'https://www.gob.mx/sre/prensa/comunicado-conjunto-ciudad-juarez', title: 'Joint statement on border cooperation', publisher: 'SRE' };
const SOURCE = { url: 'https://www.dhs.gov/news/2026/data-sharing', title: 'DHS announces the first data exchange' };
const FOUNDER_NOTE = 'First monthly exchange of data on smuggling networks took place.';
const BACKFILLED_ON = daysAgo(21);
const COLLEAGUE_NOTE = 'Las primeras patrullas conjuntas salieron de Ciudad Juárez.';

export function newTeamScenarios(env: () => E2eEnv): void {
  test('a new team: signs up, adds parties, an organization and a person, an agreement with its source and two linked commitments and a sourced status change; an invited colleague joins, works in Spanish and back-fills a change the founder sees live at its date', async () => {
    const problems: Record<string, string[]> = {};
    const { page } = await env().session();
    const base = env().api.url;

    // From the sign-in page to sign-up, as a stranger would.
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByRole('heading', { level: 2, name: 'Create your account' }).waitFor();
    const form = page.getByRole('form', { name: 'Create your account' });
    // The form checks before sending: nothing goes out with empty fields.
    await form.getByRole('button', { name: 'Create account' }).click();
    await form.getByText('Enter an email address.').waitFor();
    problems['sign-up (errors shown)'] = await pageProblems(page);
    await form.getByRole('textbox', { name: 'Email' }).fill(FOUNDER.email);
    await form.getByRole('textbox', { name: 'Your name' }).fill(FOUNDER.name);
    await form.getByRole('textbox', { name: 'Workspace name' }).fill(FOUNDER.workspace);
    await form.getByLabel(/^Password/).fill(FOUNDER.password);
    await form.getByLabel('Repeat the password').fill(FOUNDER.password);
    await form.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { level: 2, name: 'Check your email' }).waitFor();
    problems['sign-up sent'] = await pageProblems(page);

    // The emailed link signs in and opens the empty workspace, which says what to do first.
    const confirm = await linkMailedTo(env().api.outboxDir, FOUNDER.email, '/sign-up/confirm');
    assert.equal(confirm.mail.subject, 'Confirm your new Pactwatch account');
    await page.goto(confirm.link);
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.getByRole('heading', { name: 'Getting started' }).waitFor();
    await page.getByText('This workspace is empty.').waitFor();

    problems['empty workspace'] = await pageProblems(page);

    // The countries come from the picker: nobody types them in.
    await page.getByRole('link', { name: /Add the parties you track/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Reference data' }).waitFor();
    const parties = page.getByRole('tabpanel', { name: 'Parties' });
    for (const [search, option] of [['united states', 'United States of America (US)'], ['mexico', 'Mexico (MX)']]) {
      const picker = page.getByRole('combobox', { name: /Add a country/ });
      await picker.click();
      await picker.fill(search);
      await page.getByRole('option', { name: option }).click();
      await page.getByRole('button', { name: 'Add country' }).click();
      await parties.getByRole('listitem').filter({ hasText: option }).waitFor();
    }
    problems['reference data'] = await pageProblems(page);

    // An organization of the US, and a person who works there.
    await page.getByRole('tab', { name: 'Organizations' }).click();
    await page.getByRole('button', { name: 'Add an organization' }).click();
    const org = page.getByRole('form', { name: 'New organization' });
    // Nothing is sent with empty fields; each says what it needs.
    await org.getByRole('button', { name: 'Create' }).click();
    await org.getByRole('textbox', { name: 'Acronym' }).and(page.locator('[aria-invalid="true"]')).waitFor();
    problems['new organization (errors shown)'] = await pageProblems(page);
    await org.getByRole('combobox', { name: 'Party' }).click();
    await page.getByRole('option', { name: 'United States of America (US)' }).click();
    await org.getByRole('textbox', { name: 'Acronym' }).fill('DHS');
    await org.getByRole('textbox', { name: 'Name' }).fill('Department of Homeland Security');
    await org.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('tabpanel', { name: 'Organizations' }).getByRole('listitem').filter({ hasText: 'Department of Homeland Security' }).waitFor();
    // The same acronym twice: the server refuses it, and says so beside the field.
    await page.getByRole('button', { name: 'Add an organization' }).click();
    await org.getByRole('combobox', { name: 'Party' }).click();
    await page.getByRole('option', { name: 'Mexico (MX)' }).click();
    await org.getByRole('textbox', { name: 'Acronym' }).fill('DHS');
    await org.getByRole('textbox', { name: 'Name' }).fill('Duplicate by mistake');
    await org.getByRole('button', { name: 'Create' }).click();
    const acronym = org.getByRole('textbox', { name: 'Acronym' });
    await acronym.and(page.locator('[aria-invalid="true"]')).waitFor();
    const described = await acronym.evaluate((input) => (input.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
    assert.match(described, /DHS is already used by another organization/);
    await org.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('tab', { name: 'People' }).click();
    await page.getByRole('button', { name: 'Add a person' }).click();
    const person = page.getByRole('form', { name: 'New person' });
    await person.getByRole('textbox', { name: 'Name' }).fill(OFFICIAL.name);
    await person.getByRole('textbox', { name: 'Title or office' }).fill(OFFICIAL.title);
    await person.getByRole('combobox', { name: 'Organization' }).click();
    await page.getByRole('option', { name: 'DHS · Department of Homeland Security' }).click();
    await person.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('tabpanel', { name: 'People' }).getByRole('listitem').filter({ hasText: OFFICIAL.name }).waitFor();

    // The first agreement, from the agreements page.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Agreements' }).click();
    await page.getByRole('heading', { level: 1, name: 'Agreements' }).waitFor();
    await page.getByRole('button', { name: 'New agreement' }).click();
    const agreementForm = page.getByRole('dialog').getByRole('form', { name: 'New agreement' });
    await agreementForm.getByRole('button', { name: 'Save' }).click();
    await agreementForm.getByRole('textbox', { name: 'Title' }).and(page.locator('[aria-invalid="true"]')).waitFor();
    await agreementForm.getByText('Tick at least two parties.').waitFor();
    problems['new agreement (errors shown)'] = await pageProblems(page);
    await agreementForm.getByRole('textbox', { name: 'Title' }).fill(AGREEMENT.title);
    await agreementForm.getByRole('checkbox', { name: 'United States of America (US)' }).check();
    await agreementForm.getByRole('checkbox', { name: 'Mexico (MX)' }).check();
    await agreementForm.getByLabel('Held on').fill(AGREEMENT.heldOn);
    await agreementForm.getByRole('textbox', { name: 'Place' }).fill(AGREEMENT.place);
    await agreementForm.getByRole('textbox', { name: 'Summary' }).fill(AGREEMENT.summary);
    // Its source, on the same form: added to the agreement right after it is created.
    await agreementForm.getByRole('button', { name: 'Add a source' }).click();
    const sourceFields = agreementForm.getByRole('group', { name: 'Source 1' });
    await sourceFields.getByRole('textbox', { name: 'Address (URL)' }).fill(AGREEMENT_SOURCE.url);
    await sourceFields.getByRole('textbox', { name: 'Title' }).fill(AGREEMENT_SOURCE.title);
    await sourceFields.getByRole('textbox', { name: 'Publisher' }).fill(AGREEMENT_SOURCE.publisher);
    await sourceFields.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Official statement' });
    problems['new agreement (with a source)'] = await pageProblems(page);
    await agreementForm.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: AGREEMENT.title }).waitFor();
    // The agreement page lists the source, linked to its address.
    const agreementSources = page.getByRole('heading', { level: 2, name: 'Sources (1)' }).locator('..');
    const agreementSourceLink = agreementSources.getByRole('link', { name: AGREEMENT_SOURCE.title });
    await agreementSourceLink.waitFor();
    assert.equal(await agreementSourceLink.getAttribute('href'), AGREEMENT_SOURCE.url);
    await agreementSources.getByText(/SRE · Official statement · added by Fernanda Founder/).waitFor();
    // Correcting it opens its form (checked by axe and at 390 px), and leaving it changes nothing.
    await agreementSources.getByRole('button', { name: `Edit “${AGREEMENT_SOURCE.title}”` }).click();
    const correctSource = page.getByRole('dialog', { name: `Correct “${AGREEMENT_SOURCE.title}”` });
    await correctSource.getByRole('textbox', { name: 'Publisher' }).waitFor();
    problems['correct an agreement source'] = await pageProblems(page);
    await correctSource.getByRole('button', { name: 'Cancel' }).click();
    await correctSource.waitFor({ state: 'detached' });

    // Its two commitments, one for each side.
    for (const c of [US_COMMITMENT, MX_COMMITMENT]) {
      await page.getByRole('button', { name: 'New commitment' }).click();
      const form = page.getByRole('dialog').getByRole('form', { name: 'New commitment' });
      await form.getByRole('textbox', { name: 'Title' }).fill(c.title);
      await form.getByRole('checkbox', { name: c.party }).check();
      if (c.owner) {
        await form.getByRole('combobox', { name: 'Owner organization' }).selectOption({ label: 'DHS — Department of Homeland Security' });
        await form.getByRole('combobox', { name: 'Owner (person)' }).selectOption({ label: OFFICIAL.name });
      }
      await form.getByLabel('Due').fill(c.dueOn);
      await form.getByRole('textbox', { name: 'Description' }).fill(c.description);
      await form.getByRole('textbox', { name: 'Source quote (verbatim)' }).fill(c.quote);
      if (c === US_COMMITMENT) problems['new commitment'] = await pageProblems(page);
      await form.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await page.getByRole('link', { name: c.title }).first().waitFor();
    }
    problems.agreement = await pageProblems(page);

    // The two are linked as reciprocal, from the US commitment's page, found by words of the title.
    await page.getByRole('link', { name: US_COMMITMENT.title }).first().click();
    await page.getByRole('heading', { level: 1, name: US_COMMITMENT.title }).waitFor();
    const usUrl = page.url();
    await page.getByRole('button', { name: 'Link a commitment' }).click();
    const link = page.getByRole('form', { name: 'Link a commitment' });
    await link.getByRole('combobox', { name: 'Kind of link' }).selectOption('RECIPROCAL');
    await link.getByRole('textbox', { name: 'Find a commitment by its title' }).fill('Mexico deploy');
    await link.getByRole('radio', { name: MX_COMMITMENT.title }).check();
    problems['link a commitment'] = await pageProblems(page);
    await link.getByRole('button', { name: 'Link' }).click();
    await link.waitFor({ state: 'detached' });
    await page.getByRole('main').getByRole('listitem').filter({ hasText: 'Reciprocal' }).getByRole('link', { name: MX_COMMITMENT.title }).waitFor();

    // A status change backed by a source.
    await page.getByRole('button', { name: 'Change status' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'New status' }).selectOption('IN_PROGRESS');
    await dialog.getByRole('textbox', { name: 'Note' }).fill(FOUNDER_NOTE);
    await dialog.getByRole('button', { name: 'Add a source link' }).click();
    await dialog.getByRole('textbox', { name: 'Address (URL)' }).fill(SOURCE.url);
    await dialog.getByRole('textbox', { name: 'Title' }).fill(SOURCE.title);
    await dialog.getByRole('button', { name: 'Save status' }).click();
    await dialog.waitFor({ state: 'detached' });
    const usTimeline = page.getByTestId('timeline');
    await usTimeline.getByText(FOUNDER_NOTE).waitFor();
    await usTimeline.getByRole('link', { name: SOURCE.title }).first().waitFor();
    await page.getByRole('heading', { name: 'Evidence (1)' }).waitFor();
    problems.commitment = await pageProblems(page);

    // The Mexican side's page shows the link back.
    await page.getByRole('main').getByRole('link', { name: MX_COMMITMENT.title }).click();
    await page.getByRole('heading', { level: 1, name: MX_COMMITMENT.title }).waitFor();
    await page.getByRole('main').getByRole('listitem').filter({ hasText: 'Reciprocal' }).getByRole('link', { name: US_COMMITMENT.title }).waitFor();
    const mxUrl = page.url();
    assert.notEqual(mxUrl, usUrl);

    // The founder invites a colleague; the link comes by mail.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' }).click();
    const invite = page.getByRole('form', { name: 'Invite someone' });
    await invite.getByRole('textbox', { name: 'Email' }).fill(COLLEAGUE.email);
    await invite.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByRole('row', { name: new RegExp(COLLEAGUE.email.replace(/\./g, '\\.')) }).getByText('Pending').waitFor();
    const invitation = await linkMailedTo(env().api.outboxDir, COLLEAGUE.email, '/invitations/accept');
    assert.match(invitation.mail.subject, /Fernanda Founder invites you to Border cooperation tracker on Pactwatch/);

    // The colleague, in a browser of their own, makes an account from the link and lands in the workspace.
    const colleague = await env().session();
    await colleague.page.goto(invitation.link);
    const join = colleague.page.getByRole('form', { name: 'New to Pactwatch? Create your account' });
    await join.waitFor();
    problems['accept invitation'] = await pageProblems(colleague.page);
    await join.getByRole('textbox', { name: 'Your name' }).fill(COLLEAGUE.name);
    await join.getByLabel(/^Password/).fill(COLLEAGUE.password);
    await join.getByLabel('Repeat the password').fill('not the same password');
    await join.getByRole('button', { name: 'Create account and join' }).click();
    await join.getByText('The two passwords differ.').waitFor();
    await join.getByLabel('Repeat the password').fill(COLLEAGUE.password);
    await join.getByRole('button', { name: 'Create account and join' }).click();
    await colleague.page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await colleague.page.getByText(`${FOUNDER.workspace}`).first().waitFor();

    // The colleague switches the whole interface to Spanish from their profile; it stays after a reload.
    await colleague.page.getByRole('link', { name: COLLEAGUE.name }).click();
    await colleague.page.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor();
    problems.profile = await pageProblems(colleague.page);
    const details = colleague.page.getByRole('form', { name: 'Name and language' });
    await details.getByRole('combobox', { name: 'Language' }).selectOption('es');
    await details.getByRole('button', { name: 'Save' }).click();
    await colleague.page.getByRole('heading', { level: 1, name: 'Su perfil' }).waitFor();
    await colleague.page.reload();
    await colleague.page.getByRole('heading', { level: 1, name: 'Su perfil' }).waitFor();
    problems['profile (es)'] = await pageProblems(colleague.page);

    // The founder sees the colleague joined, and opens the Mexican commitment again.
    await page.reload();
    await page.getByRole('row', { name: new RegExp(COLLEAGUE.name) }).waitFor();
    await page.goto(mxUrl);
    await page.getByRole('heading', { level: 1, name: MX_COMMITMENT.title }).waitFor();
    await networkSettled(page);

    // The colleague, in Spanish, back-fills what happened three weeks ago.
    await colleague.page.goto(mxUrl);
    await colleague.page.getByRole('heading', { level: 1, name: MX_COMMITMENT.title }).waitFor();
    await colleague.page.getByRole('button', { name: 'Cambiar estado' }).click();
    const backfill = colleague.page.getByRole('dialog');
    await backfill.getByRole('combobox', { name: 'Nuevo estado' }).selectOption('IN_PROGRESS');
    await backfill.getByLabel('¿Cuándo ocurrió?').fill(BACKFILLED_ON);
    await backfill.getByRole('textbox', { name: 'Nota' }).fill(COLLEAGUE_NOTE);
    problems['status change (es)'] = await pageProblems(colleague.page);
    await backfill.getByRole('button', { name: 'Guardar estado' }).click();
    await backfill.waitFor({ state: 'detached' });
    await colleague.page.getByTestId('timeline').getByText(COLLEAGUE_NOTE).waitFor();

    // The founder's open page shows it without a reload, dated the day it happened, not the day it was typed.
    const entry = page.getByTestId('timeline').locator('.mantine-Timeline-item').filter({ hasText: COLLEAGUE_NOTE });
    await entry.waitFor({ timeout: LIVE_MS });
    const backfilledLabel = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${BACKFILLED_ON}T00:00:00Z`));
    await entry.getByText(new RegExp(`${COLLEAGUE.name} · ${backfilledLabel} · recorded `)).waitFor();
    // Newest first by the day it happened: above the commitment's creation, which stays last.
    const items = await page.getByTestId('timeline').locator('.mantine-Timeline-item').allInnerTexts();
    assert.ok(items[0].includes(COLLEAGUE_NOTE), items.join('\n---\n'));
    await page.getByRole('main').getByText('In progress').first().waitFor();

    // Forgot password and reset, from the link mailed in the account's language (now Spanish).
    const stranger = await env().session();
    await stranger.page.goto(`${base}/`);
    await stranger.page.getByRole('link', { name: 'Forgot your password?' }).click();
    const forgot = stranger.page.getByRole('form', { name: 'Reset your password' });
    await forgot.getByRole('textbox', { name: 'Email' }).fill(COLLEAGUE.email);
    problems['forgot password'] = await pageProblems(stranger.page);
    await forgot.getByRole('button', { name: 'Email me a link' }).click();
    await stranger.page.getByRole('heading', { level: 2, name: 'Check your email' }).waitFor();
    const reset = await linkMailedTo(env().api.outboxDir, COLLEAGUE.email, '/reset-password');
    assert.equal(reset.mail.subject, 'Restablezca su contraseña de Pactwatch');
    await stranger.page.goto(reset.link);
    const resetForm = stranger.page.getByRole('form', { name: 'Set a new password' });
    await resetForm.waitFor();
    problems['reset password'] = await pageProblems(stranger.page);
    await resetForm.getByLabel(/^New password/).fill('colleague-password-2');
    await resetForm.getByLabel('Repeat the password').fill('colleague-password-2');
    await resetForm.getByRole('button', { name: 'Set password' }).click();
    await stranger.page.getByRole('heading', { level: 2, name: 'Your password is changed' }).waitFor();

    const failing = Object.entries(problems).filter(([, v]) => v.length > 0);
    assert.deepEqual(failing, [], failing.map(([name, v]) => `${name}:\n  ${v.join('\n  ')}`).join('\n'));
  });
}
