import { useContext, useEffect, useRef } from 'react';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { AnyVariables, useClient } from 'urql';
import { LiveConnectionContext } from '../components/live-connection-context';
import type { LiveContext } from '../live-connection';

/**
 * Listens to a GraphQL subscription for as long as the component is mounted; `variables: null`
 * pauses it. Each result goes to `onData` (the latest callback, so it may read fresh state).
 * Without a live connection (component tests) nothing happens.
 */
export function useLiveSubscription<Data, Variables extends AnyVariables>(
  query: TypedDocumentNode<Data, Variables>,
  variables: Variables | null,
  onData: (data: Data) => void,
  context?: LiveContext,
): void {
  const client = useClient();
  const live = useContext(LiveConnectionContext);
  const handler = useRef(onData);
  handler.current = onData;
  const liveVariables = useRef(context?.liveVariables);
  liveVariables.current = context?.liveVariables;
  const key = variables === null ? null : JSON.stringify(variables);
  const withCursor = !!context?.liveVariables;

  useEffect(() => {
    if (!live || key === null) return;
    const extra: LiveContext = withCursor ? { liveVariables: () => liveVariables.current?.() ?? {} } : {};
    const subscription = client.subscription(query, JSON.parse(key) as Variables, extra).subscribe((result) => {
      if (result.data) handler.current(result.data);
    });
    return () => subscription.unsubscribe();
  }, [client, live, query, key, withCursor]);
}
