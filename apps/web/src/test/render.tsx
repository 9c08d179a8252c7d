import type { ReactElement, ReactNode } from 'react';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { render } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router';
import { cacheExchange, Client, fetchExchange, Provider } from 'urql';
import { vi } from 'vitest';
import { cssVariablesResolver, theme } from '../app/theme';
import type { Me } from '../modules/session/components/session-context';
import { SessionContext } from '../modules/session/components/session-context';

export interface GraphqlCall {
  operationName: string;
  variables: Record<string, unknown>;
}

export type GraphqlAnswer = { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };

/**
 * A real urql client whose server is a function: the whole client pipeline runs, errors included;
 * with `cache`, urql's document cache too (mutations make cached queries stale, as in the app).
 */
export function createTestClient(answer: (call: GraphqlCall) => GraphqlAnswer, { cache = false }: { cache?: boolean } = {}) {
  const calls: GraphqlCall[] = [];
  const fetch = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as { operationName: string; variables: Record<string, unknown> };
    const call = { operationName: body.operationName, variables: body.variables ?? {} };
    calls.push(call);
    return new Response(JSON.stringify(answer(call)), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  const client = new Client({ url: 'http://test/graphql', exchanges: cache ? [cacheExchange, fetchExchange] : [fetchExchange], fetch, preferGetMethod: false });
  return { client, calls };
}

export const ANALYST: Me = {
  kind: 'USER',
  role: 'ANALYST',
  permissions: ['READ', 'WRITE'],
  user: { id: 'u1', name: 'Ana Analyst', email: 'analyst@pactwatch.test', locale: 'en' },
  workspace: { id: 'w1', name: 'US–Mexico migration talks' },
  memberships: [{ role: 'ANALYST', workspace: { id: 'w1', name: 'US–Mexico migration talks' } }],
};

export function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{`${location.pathname}${location.search}`}</output>;
}

export interface RenderOptions {
  route?: string;
  client?: Client;
  me?: Me;
}

export function renderWithProviders(ui: ReactElement, { route = '/', client = createTestClient(() => ({ data: null })).client, me = ANALYST }: RenderOptions = {}) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <Notifications />
      <MemoryRouter initialEntries={[route]}>
        <Provider value={client}>
          <SessionContext.Provider value={{ me, restart: () => undefined }}>{children}</SessionContext.Provider>
        </Provider>
      </MemoryRouter>
    </MantineProvider>
  );
  return render(ui, { wrapper });
}
