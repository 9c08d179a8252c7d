import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CommitmentStatus } from '@pactwatch/domain';
import type { CommitmentQuery } from '../../../gql/graphql';
import { createTestClient, renderWithProviders, type GraphqlAnswer } from '../../../test/render';
import { CommitmentTimeline } from '../../commitments/components/commitment-timeline';
import { StatusChangeDialog } from './status-change-dialog';

const COMMITMENT = { id: 'c-701', version: 4, status: CommitmentStatus.ANNOUNCED, title: 'Mexico to crack down on human smuggling', dueOn: null, priority: 'HIGH' };

const RECORDED: GraphqlAnswer = {
  data: {
    recordProgress: {
      __typename: 'RecordProgressPayload',
      commitment: { __typename: 'Commitment', id: 'c-701', status: 'ANNOUNCED', version: 4, updatedAt: '2026-01-01T00:00:00Z' },
      progress: { __typename: 'StatusChange', id: 'p1', kind: 'PROGRESS', to: 'ANNOUNCED', note: 'n', occurredOn: '2026-01-01', createdAt: '2026-01-01T00:00:00Z' },
    },
  },
};

function setup(answer: (operationName: string) => GraphqlAnswer) {
  const { client, calls } = createTestClient(({ operationName }) => answer(operationName));
  const onChanged = vi.fn();
  const onClose = vi.fn();
  renderWithProviders(<StatusChangeDialog commitment={COMMITMENT} existingEvidence={[]} onChanged={onChanged} onClose={onClose} />, { client });
  return { calls, onChanged, onClose, user: userEvent.setup() };
}

const newStatus = () => screen.getByRole('combobox', { name: /New status/ });

describe('a progress note from the status dialog', () => {
  it('offers “no change”, asks for a note, then records it with its source and no version', async () => {
    const { calls, user, onChanged, onClose } = setup(() => RECORDED);
    await user.selectOptions(newStatus(), 'No change: record a progress note (stays Announced)');
    expect(screen.getByText('The status stays as it is; the note and its sources go into the history and the timeline.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save status' }));
    expect(await screen.findByText('A progress note needs a note saying what happened.')).toBeInTheDocument();
    expect(calls).toHaveLength(0);

    await user.type(screen.getByRole('textbox', { name: /Note/ }), 'INM raided two safe houses');
    await user.click(screen.getByRole('button', { name: 'Add a source link' }));
    await user.type(screen.getByRole('textbox', { name: /Address \(URL\)/ }), 'https://example.org/raids');
    await user.type(screen.getByRole('textbox', { name: /^Title/ }), 'Raids report');
    await user.click(screen.getByRole('button', { name: 'Save status' }));

    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(onClose).toHaveBeenCalled();
    expect(calls.map((c) => c.operationName)).toEqual(['RecordProgress']);
    const input = calls[0].variables.input as Record<string, unknown>;
    expect(input).toMatchObject({ commitmentId: 'c-701', note: 'INM raided two safe houses', newEvidence: [{ url: 'https://example.org/raids', title: 'Raids report' }] });
    expect(input).not.toHaveProperty('expectedVersion');
    expect(input).not.toHaveProperty('status');
  });

  it('after a conflict where someone made the same move first, keeps the typed note as a progress note', async () => {
    const conflict: GraphqlAnswer = {
      data: null,
      errors: [{
        message: 'Commitment c-701 was changed by someone else',
        extensions: { code: 'CONFLICT', field: 'expectedVersion', currentVersion: 5, current: { status: 'IN_PROGRESS', title: COMMITMENT.title, dueOn: null, priority: 'HIGH' } },
      }],
    };
    const { calls, user, onChanged } = setup((name) => (name === 'ChangeCommitmentStatus' ? conflict : RECORDED));
    await user.selectOptions(newStatus(), 'IN_PROGRESS');
    await user.type(screen.getByRole('textbox', { name: /Note/ }), 'Operations started in Chiapas');
    await user.click(screen.getByRole('button', { name: 'Save status' }));

    const offer = await screen.findByTestId('same-move');
    expect(offer).toHaveTextContent('It is already In progress: someone made the same move.');
    await user.click(within(offer).getByRole('button', { name: 'Save my note as a progress note' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(2));
    expect(calls.map((c) => c.operationName)).toEqual(['ChangeCommitmentStatus', 'RecordProgress']);
    expect(calls[1].variables.input).toMatchObject({ commitmentId: 'c-701', note: 'Operations started in Chiapas' });
  });
});

describe('a progress note in the timeline', () => {
  it('is shown as a progress note under the status it left as it was, not as a move', () => {
    const node = (id: string, kind: string, from: string | null, to: string, note: string, minutesAgo: number) => ({
      node: { id, kind, from, to, note, reasonCode: null, actor: 'Ana Analyst', occurredOn: '2024-03-01', createdAt: new Date(Date.UTC(2024, 2, 1, 12, 0) - minutesAgo * 60_000).toISOString(), commitmentVersion: 2, evidence: [] },
    });
    const commitment = {
      statusHistory: { edges: [node('p1', 'PROGRESS', 'IN_PROGRESS', 'IN_PROGRESS', 'Raids in Tapachula', 1), node('s1', 'STATUS_CHANGE', 'ANNOUNCED', 'IN_PROGRESS', 'Started', 2)] },
      evidence: { edges: [] },
    } as unknown as CommitmentQuery['commitment'];
    renderWithProviders(<CommitmentTimeline commitment={commitment} />);
    const timeline = screen.getByTestId('timeline');
    expect(within(timeline).getByText(/^Progress note ·/)).toBeInTheDocument();
    expect(within(timeline).getAllByText(/Announced →/)).toHaveLength(1);
    expect(within(timeline).queryByText(/In progress →/)).not.toBeInTheDocument();
  });
});
