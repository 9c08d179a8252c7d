import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import { ImportDialog, ImportReport } from './import-dialog';

const REPORT: ImportReport = { dryRun: true, applied: false, rows: 3, created: 2, updated: 1, unchanged: 0, agreementsCreated: 0, errors: [], moreErrors: 0 };

/** The API as a function of the dry-run flag; the calls it got. */
function stubApi(answer: (dryRun: boolean) => { status: number; body: unknown }) {
  const calls: { url: string; dryRun: boolean; type: string | null }[] = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    const dryRun = url.endsWith('dryRun=true');
    calls.push({ url, dryRun, type: new Headers(init.headers).get('content-type') });
    const { status, body } = answer(dryRun);
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }));
  return calls;
}

const chooseFile = async (user: ReturnType<typeof userEvent.setup>) => {
  const input = document.querySelector('input[type="file"]') as HTMLInputElement;
  await user.upload(input, new File(['title,parties,agreement\n'], 'commitments.csv', { type: 'text/csv' }));
};

describe('import dialog', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('checks the file first and lists its problems by line and column; a file with problems cannot be imported', async () => {
    const calls = stubApi(() => ({ status: 200, body: { ...REPORT, errors: [{ row: 4, column: 'parties', message: 'Unknown party GT: add it to the workspace first' }] } }));
    const user = userEvent.setup();
    renderWithProviders(<ImportDialog onClose={() => undefined} onImported={() => undefined} />);
    await chooseFile(user);
    await user.click(screen.getByRole('button', { name: 'Check file' }));
    const table = await screen.findByRole('table', { name: 'Problems in the file', hidden: true });
    expect(table).toHaveTextContent('4parties');
    expect(table).toHaveTextContent('Unknown party GT');
    expect(screen.getByRole('button', { name: 'Import', hidden: true })).toBeDisabled();
    expect(calls).toEqual([{ url: '/import/commitments.csv?dryRun=true', dryRun: true, type: 'text/csv' }]);
  });

  it('imports a file whose check was clean, and says what it did', async () => {
    const calls = stubApi((dryRun) => ({ status: 200, body: { ...REPORT, dryRun, applied: !dryRun } }));
    const onImported = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<ImportDialog onClose={() => undefined} onImported={onImported} />);
    await chooseFile(user);
    expect(screen.getByRole('button', { name: 'Import', hidden: true })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Check file', hidden: true }));
    expect(await screen.findByText(/Checked 3 rows: 2 new, 1 changed/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Import', hidden: true }));
    expect(await screen.findByText(/Imported 3 rows: 2 new, 1 changed/)).toBeInTheDocument();
    await waitFor(() => expect(onImported).toHaveBeenCalledTimes(1));
    expect(calls.map((c) => c.dryRun)).toEqual([true, false]);
  });

  it('shows why a file was refused as a whole', async () => {
    stubApi(() => ({ status: 400, body: { errors: [{ message: 'The file is not UTF-8 text: save it as “CSV UTF-8”', extensions: { code: 'BAD_USER_INPUT', field: 'file' } }] } }));
    const user = userEvent.setup();
    renderWithProviders(<ImportDialog onClose={() => undefined} onImported={() => undefined} />);
    await chooseFile(user);
    await user.click(screen.getByRole('button', { name: 'Check file', hidden: true }));
    expect(await screen.findByRole('alert', { hidden: true })).toHaveTextContent('not UTF-8');
  });
});
