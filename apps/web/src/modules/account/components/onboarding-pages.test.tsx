import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import AcceptInvitationPage from '../../../pages/accept-invitation-page';
import SignUpPage from '../../../pages/sign-up-page';
import { createTestClient, renderWithProviders } from '../../../test/render';

describe('onboarding pages', () => {
  it('sign-up checks the fields with the API’s rules before sending, shows the server’s refusal beside its field, then says to check the mail', async () => {
    let refuse = true;
    const { client, calls } = createTestClient(({ operationName }) => {
      if (operationName !== 'SignUp') return { data: null };
      if (refuse) return { data: null, errors: [{ message: 'workspaceName must be one line', extensions: { code: 'BAD_USER_INPUT', field: 'workspaceName', violations: [{ field: 'workspaceName', message: 'workspaceName must be one line' }] } }] };
      return { data: { signUp: { __typename: 'DonePayload', done: true } } };
    });
    renderWithProviders(<SignUpPage />, { client, route: '/sign-up' });
    const user = userEvent.setup();
    const form = screen.getByRole('form', { name: 'Create your account' });
    await user.type(within(form).getByRole('textbox', { name: /^Email/ }), 'not-an-address');
    await user.type(within(form).getByLabelText(/^Password/), 'short');
    await user.click(within(form).getByRole('button', { name: 'Create account' }));
    expect(within(form).getByText('Enter an email address.')).toBeInTheDocument();
    expect(within(form).getByText('Use at least 10 characters.')).toBeInTheDocument();
    expect(within(form).getAllByText('Required')).toHaveLength(2);
    expect(calls.map((c) => c.operationName)).not.toContain('SignUp');

    await user.clear(within(form).getByRole('textbox', { name: /^Email/ }));
    await user.type(within(form).getByRole('textbox', { name: /^Email/ }), 'lucia@example.org');
    await user.type(within(form).getByRole('textbox', { name: /^Your name/ }), 'Lucía');
    await user.type(within(form).getByRole('textbox', { name: /^Workspace name/ }), 'CDMX team');
    await user.clear(within(form).getByLabelText(/^Password/));
    await user.type(within(form).getByLabelText(/^Password/), 'a-long-enough-password');
    await user.type(within(form).getByLabelText(/^Repeat the password/), 'a-long-enough-password');
    await user.click(within(form).getByRole('button', { name: 'Create account' }));
    expect(await within(form).findByText('workspaceName must be one line')).toBeInTheDocument();
    expect(within(form).getByRole('textbox', { name: /^Workspace name/ })).toHaveAttribute('aria-invalid', 'true');

    refuse = false;
    await user.click(within(form).getByRole('button', { name: 'Create account' }));
    expect(await screen.findByRole('heading', { name: 'Check your email' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('lucia@example.org');
    expect(calls.filter((c) => c.operationName === 'SignUp').at(-1)?.variables).toEqual({
      input: { email: 'lucia@example.org', name: 'Lucía', workspaceName: 'CDMX team', password: 'a-long-enough-password', locale: 'en' },
    });
  });

  it('an invitation opened while signed in as another address says so, and offers to sign out', async () => {
    const { client } = createTestClient(({ operationName }) => {
      if (operationName === 'SignedInPerson') return { data: { me: { __typename: 'Me', kind: 'USER', user: { __typename: 'User', id: 'u9', name: 'Other Person', email: 'other@example.org', locale: 'en' } } } };
      if (operationName === 'AcceptInvitation') {
        return { data: null, errors: [{ message: 'This invitation is for invited@example.org; you are signed in as other@example.org', extensions: { code: 'FORBIDDEN', field: 'token' } }] };
      }
      return { data: null };
    });
    renderWithProviders(<AcceptInvitationPage />, { client, route: '/invitations/accept?token=abc' });
    const user = userEvent.setup();
    expect(await screen.findByText('You are signed in as Other Person (other@example.org).')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Accept invitation' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This invitation is for another address');
    expect(alert).toHaveTextContent('This invitation is for invited@example.org; you are signed in as other@example.org');
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
  });

  it('an invitation opened signed out offers a new account (checked before sending) and a sign-in', async () => {
    const { client, calls } = createTestClient(({ operationName }) =>
      operationName === 'SignedInPerson' ? { data: null, errors: [{ message: 'Sign in', extensions: { code: 'UNAUTHENTICATED' } }] } : { data: null },
    );
    renderWithProviders(<AcceptInvitationPage />, { client, route: '/invitations/accept?token=abc' });
    const user = userEvent.setup();
    const form = await screen.findByRole('form', { name: 'New to Pactwatch? Create your account' });
    await user.click(within(form).getByRole('button', { name: 'Create account and join' }));
    expect(within(form).getByText('Required')).toBeInTheDocument();
    await waitFor(() => expect(calls.map((c) => c.operationName)).not.toContain('AcceptInvitation'));
    expect(screen.getByRole('heading', { name: 'Already have an account? Sign in' })).toBeInTheDocument();
  });
});
