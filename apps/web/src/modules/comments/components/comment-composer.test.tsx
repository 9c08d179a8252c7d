import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createTestClient, renderWithProviders } from '../../../test/render';
import { CommentComposer } from './comment-composer';

const MEMBERS = [
  { __typename: 'MemberRef', id: 'u1', name: 'Ana Analyst' },
  { __typename: 'MemberRef', id: 'u4', name: 'Andrés Álvarez' },
];

function setup() {
  const { client, calls } = createTestClient(({ operationName, variables }) => {
    if (operationName === 'MemberSearch') {
      const q = String(variables.query).toLowerCase();
      return { data: { memberSearch: MEMBERS.filter((m) => m.name.toLowerCase().startsWith(q)) } };
    }
    return { data: null };
  });
  const onSubmit = vi.fn(async (_body: string, _ids: string[]) => undefined);
  renderWithProviders(<CommentComposer label="Add a comment" submitLabel="Comment" onSubmit={onSubmit} />, { client });
  return { calls, onSubmit, box: screen.getByRole('textbox', { name: /Comment/ }), user: userEvent.setup() };
}

describe('the comment composer', () => {
  it('suggests members after @, picks one with the keyboard, and sends its id with the comment', async () => {
    const { calls, onSubmit, box, user } = setup();
    await user.type(box, 'Could @an');
    const list = await screen.findByRole('listbox', { name: 'Members to mention' });
    expect(within(list).getAllByRole('option').map((o) => o.textContent)).toEqual(['Ana Analyst', 'Andrés Álvarez']);
    expect(calls.find((c) => c.operationName === 'MemberSearch')?.variables).toMatchObject({ query: 'an' });
    // The textarea keeps the focus; the highlighted option is its active descendant.
    expect(box).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(box.getAttribute('aria-activedescendant')).toBe(within(list).getByRole('option', { name: 'Andrés Álvarez' }).id);
    await user.keyboard('{ArrowUp}{Enter}');
    expect(box).toHaveValue('Could @Ana Analyst ');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();

    await user.type(box, 'check the figures?');
    await user.click(screen.getByRole('button', { name: 'Comment' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith('Could @Ana Analyst check the figures?', ['u1']));
    // Sent: the box is empty for the next comment.
    await waitFor(() => expect(box).toHaveValue(''));
  });

  it('goes on typing right after a mention picked in the middle of the text', async () => {
    const { box, user } = setup();
    await user.type(box, 'Ask @an about it');
    // Back to just after "@an": the suggestions open there.
    await user.keyboard('{ArrowLeft>9/}');
    await screen.findByRole('listbox', { name: 'Members to mention' });
    await user.keyboard('{Enter}');
    await user.keyboard('now ');
    expect(box).toHaveValue('Ask @Ana Analyst now about it');
  });

  it('drops a mention whose name was edited away, closes the list on Escape, and refuses an empty comment', async () => {
    const { onSubmit, box, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Comment' }));
    expect(await screen.findByText('Write something first.')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();

    await user.type(box, '@ana');
    await screen.findByRole('listbox');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    await user.clear(box);
    await user.type(box, '@an');
    await screen.findByRole('option', { name: 'Ana Analyst' });
    await user.click(screen.getByRole('option', { name: 'Ana Analyst' }));
    expect(box).toHaveValue('@Ana Analyst ');
    // The writer turns the mention into plain text: nobody is notified.
    await user.type(box, '{Home}{Delete}');
    await user.click(screen.getByRole('button', { name: 'Comment' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith('Ana Analyst', []));
  });
});
