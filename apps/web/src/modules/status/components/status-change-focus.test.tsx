import { useState } from 'react';
import { Button } from '@mantine/core';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CommitmentStatus } from '@pactwatch/domain';
import { createTestClient, renderWithProviders } from '../../../test/render';
import { StatusChangeDialog } from './status-change-dialog';

const COMMITMENT = { id: 'c-702', version: 1, status: CommitmentStatus.ANNOUNCED, title: 'Mexico to crack down on human smuggling', dueOn: null, priority: 'HIGH' };

/** The page's pattern: the dialog is mounted while open, unmounted to close it. */
function Page() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>Change status</Button>
      {open && <StatusChangeDialog commitment={COMMITMENT} existingEvidence={[]} onChanged={() => setOpen(false)} onClose={() => setOpen(false)} />}
    </>
  );
}

describe('the status dialog and keyboard focus', () => {
  it('gives focus back to the button that opened it when Escape closes it, not to the page body', async () => {
    const { client } = createTestClient(() => ({ data: null }) as never);
    renderWithProviders(<Page />, { client });
    const user = userEvent.setup();
    const opener = screen.getByRole('button', { name: 'Change status' });
    await user.click(opener);
    expect(await screen.findByRole('combobox', { name: /New status/ })).toBeInTheDocument();
    await waitFor(() => expect(document.activeElement).not.toBe(opener));
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('combobox', { name: /New status/ })).not.toBeInTheDocument());
    await waitFor(() => expect(document.activeElement).toBe(opener));
  });

  it('moves focus from Save to the first field that says what is wrong when the save is refused', async () => {
    const { client } = createTestClient(() => ({ data: null }) as never);
    renderWithProviders(<Page />, { client });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Change status' }));
    await user.selectOptions(await screen.findByRole('combobox', { name: /New status/ }), 'Stalled');
    const save = screen.getByRole('button', { name: 'Save status' });
    await user.click(save);
    const dialog = screen.getByRole('dialog');
    await waitFor(() => expect(dialog.querySelector('[aria-invalid="true"]')).not.toBeNull());
    const first = dialog.querySelector<HTMLElement>('[aria-invalid="true"]');
    await waitFor(() => expect(document.activeElement).toBe(first));
    expect(first).not.toBe(save);
    expect(first).not.toBeNull();
    expect(first).not.toBe(screen.getByRole('combobox', { name: /New status/ }));
  });
});
