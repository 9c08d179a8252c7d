import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { NotificationFieldsFragment } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { NotificationList } from './notification-list';

const reminder = (kind: 'DUE_SOON' | 'OVERDUE', dueOn: string): NotificationFieldsFragment =>
  ({
    __typename: 'Notification',
    id: `n-${kind}`,
    kind,
    read: false,
    readAt: null,
    createdAt: '2030-06-10T12:00:00Z',
    actorLabel: 'system',
    subjectTitle: 'Mexico to open shelters',
    dueOn,
    comment: null,
    commitment: { __typename: 'Commitment', id: 'c-701' },
  }) as NotificationFieldsFragment;

describe('reminder notifications', () => {
  it('say the commitment and its due date, and lead to the commitment', () => {
    renderWithProviders(<NotificationList notifications={[reminder('DUE_SOON', '2030-06-17'), reminder('OVERDUE', '2030-06-01')]} onOpen={() => undefined} />);
    const dueSoon = screen.getByRole('link', { name: '“Mexico to open shelters” is due on Jun 17, 2030' });
    expect(dueSoon).toHaveAttribute('href', '/commitments/c-701');
    expect(screen.getByRole('link', { name: '“Mexico to open shelters” is overdue: it was due on Jun 1, 2030' })).toHaveAttribute('href', '/commitments/c-701');
  });
});

describe('mention notifications', () => {
  it('show the comment as text, not as Markdown', () => {
    const mention = {
      ...reminder('DUE_SOON', '2030-06-17'),
      id: 'n-mention',
      kind: 'MENTION',
      actorLabel: 'Ana Analyst',
      dueOn: null,
      comment: {
        __typename: 'Comment',
        id: 'k1',
        subjectType: 'COMMITMENT',
        subjectId: 'c-701',
        deleted: false,
        body: '**Check** the [shelter list](https://example.org/list)\n\n- first\n- second',
        bodyHtml: '<p><strong>Check</strong> the <a href="https://example.org/list">shelter list</a></p>\n<ul>\n<li>first</li>\n<li>second</li>\n</ul>\n',
      },
    } as NotificationFieldsFragment;
    renderWithProviders(<NotificationList notifications={[mention]} onOpen={() => undefined} />);
    const excerpt = screen.getByText('Check the shelter list first second');
    expect(excerpt.textContent).not.toMatch(/[*[\]]/);
    expect(excerpt.querySelector('a, strong')).toBeNull();
  });
});
