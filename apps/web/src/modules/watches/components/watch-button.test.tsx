import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createTestClient, renderWithProviders } from '../../../test/render';
import { WatchButton } from './watch-button';

describe('the watch button', () => {
  it('watches, then unwatches by the watch’s id; pressed while watching, the name unchanged', async () => {
    let watches: { __typename: string; id: string; subjectType: string; subjectId: string }[] = [];
    const { client, calls } = createTestClient(
      ({ operationName, variables }) => {
        const input = variables.input as Record<string, string>;
        if (operationName === 'MyWatches') return { data: { me: { __typename: 'Me', watches } } };
        if (operationName === 'Watch') {
          const watch = { __typename: 'Watch', id: 'w9', subjectType: input.subjectType, subjectId: input.subjectId };
          watches = [watch];
          return { data: { watch: { __typename: 'WatchPayload', watch } } };
        }
        if (operationName === 'Unwatch') {
          watches = [];
          return { data: { unwatch: { __typename: 'UnwatchPayload', removedWatchId: input.watchId } } };
        }
        return { data: null };
      },
      { cache: true },
    );
    renderWithProviders(<WatchButton subjectType="PARTY" subjectId="p-mx" name="Mexico" />, { client });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Watch Mexico', pressed: false }));
    // The list of watches is read again after the change (its cached answer named no Watch).
    await screen.findByRole('button', { name: 'Watch Mexico', pressed: true });
    expect(calls.find((c) => c.operationName === 'Watch')?.variables.input).toEqual({ subjectType: 'PARTY', subjectId: 'p-mx' });

    await user.click(screen.getByRole('button', { name: 'Watch Mexico', pressed: true }));
    await screen.findByRole('button', { name: 'Watch Mexico', pressed: false });
    await waitFor(() => expect(calls.find((c) => c.operationName === 'Unwatch')?.variables.input).toEqual({ watchId: 'w9' }));
    expect(calls.filter((c) => c.operationName === 'MyWatches').length).toBe(3);
  });

  it('shown pressed from the page before the list of watches is known: disabled, so a click cannot watch it again', async () => {
    const { client, calls } = createTestClient(({ operationName }) =>
      operationName === 'MyWatches' ? { data: null, errors: [{ message: 'not now', extensions: { code: 'INTERNAL' } }] } : { data: null },
    );
    renderWithProviders(<WatchButton subjectType="COMMITMENT" subjectId="c-1" watched />, { client });
    const button = await screen.findByRole('button', { name: 'Watch', pressed: true });
    await waitFor(() => expect(calls.some((c) => c.operationName === 'MyWatches')).toBe(true));
    expect(button).toBeDisabled();
    await userEvent.setup().click(button);
    expect(calls.map((c) => c.operationName)).not.toContain('Watch');
  });
});
