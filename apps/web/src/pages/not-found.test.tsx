import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { createTestClient, renderWithProviders, type GraphqlAnswer } from '../test/render';
import AgreementPage from './agreement-page';
import CommitmentPage from './commitment-page';

/** The answer the API gives for an id that is not there or is not an id at all (bad-input.spec.ts). */
const NOT_FOUND = (what: string, id: unknown): GraphqlAnswer => ({
  data: null,
  errors: [{ message: `${what} ${String(id)} was not found`, extensions: { code: 'NOT_FOUND', field: 'id' } }],
});

function renderAt(route: string, answer: (operationName: string, id: unknown) => GraphqlAnswer) {
  const { client, calls } = createTestClient(({ operationName, variables }) => answer(operationName, variables.id));
  renderWithProviders(
    <Routes>
      <Route path="commitments/:commitmentId" element={<CommitmentPage />} />
      <Route path="agreements/:agreementId" element={<AgreementPage />} />
    </Routes>,
    { route, client },
  );
  return calls;
}

describe('a link to something that is not there', () => {
  it.each([
    ['/commitments/not-a-uuid', 'Commitment', 'not-a-uuid'],
    ['/commitments/00000000-0000-4000-8000-000000000999', 'Commitment', '00000000-0000-4000-8000-000000000999'],
    ['/agreements/not-a-uuid', 'Agreement', 'not-a-uuid'],
  ])('%s shows the not-found page when the API answers NOT_FOUND', async (route, operation, id) => {
    const calls = renderAt(route, (name, asked) => (name === operation ? NOT_FOUND(operation, asked) : { data: null }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the dashboard' })).toHaveAttribute('href', '/');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(calls.find((c) => c.operationName === operation)?.variables.id).toBe(id);
  });

  it('a failure of the server is still shown as one, not as a missing page', async () => {
    renderAt('/commitments/00000000-0000-4000-8000-000000000701', (name) =>
      name === 'Commitment' ? { data: null, errors: [{ message: 'Unexpected error', extensions: { code: 'INTERNAL' } }] } : { data: null },
    );
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Page not found' })).not.toBeInTheDocument();
  });
});
