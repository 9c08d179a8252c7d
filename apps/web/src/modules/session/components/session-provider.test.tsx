import { MantineProvider } from '@mantine/core';
import { render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveStatusBadge } from '../../live/components/live-status-badge';
import { FakeSocket } from '../../../test/fake-socket';
import { SessionProvider } from './session-provider';

const ME = {
  data: {
    me: {
      kind: 'USER', role: 'ANALYST', permissions: ['READ', 'WRITE'], user: { id: 'u1', name: 'Ana Analyst', email: 'analyst@pactwatch.test', locale: 'en' },
      workspace: { id: 'w1', name: 'Talks' }, memberships: [{ role: 'ANALYST', workspace: { id: 'w1', name: 'Talks' } }],
    },
    latestActivity: { edges: [] },
  },
};
const SIGNED_OUT = { data: null, errors: [{ message: 'Sign in first', extensions: { code: 'UNAUTHENTICATED' } }] };

describe('a session signed out in another tab', () => {
  let signedIn = true;
  beforeEach(() => {
    signedIn = true;
    FakeSocket.all = [];
    vi.stubGlobal('WebSocket', FakeSocket);
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify(signedIn ? ME : SIGNED_OUT), { status: 200, headers: { 'content-type': 'application/json' } }));
  });
  afterEach(() => vi.unstubAllGlobals());

  it('stops showing Live here: the API closes the socket (4401), the tab asks who is signed in, and shows the sign-in', async () => {
    render(
      <MantineProvider>
        <SessionProvider signedOut={() => <p>Please sign in</p>}>
          <LiveStatusBadge />
        </SessionProvider>
      </MantineProvider>,
    );
    await waitFor(() => expect(screen.getByTestId('live-status')).toHaveAttribute('data-state', 'connected'));
    expect(screen.getByTestId('live-status')).toHaveTextContent('Live');

    // Signed out elsewhere: the session is over on the server, which closes this tab's socket.
    signedIn = false;
    FakeSocket.all[0].drop(4401, 'Unauthorized: the session or key is no longer valid');

    expect(await screen.findByText('Please sign in')).toBeInTheDocument();
    expect(screen.queryByTestId('live-status')).toBeNull();
    // And it does not keep knocking.
    await new Promise((r) => setTimeout(r, 1_200));
    expect(FakeSocket.all).toHaveLength(1);
  });
});
