import { useQuery } from 'urql';
import { OutboxQuery } from '../graphql/digests.operations';

const CONTEXT = { additionalTypenames: ['OutboxMessage'] };

/** Mail the local outbox holds for this workspace (when no SMTP server is set), newest first. */
export function useOutbox(allowed: boolean, first = 20) {
  const [{ data, error, fetching }, reexecute] = useQuery({ query: OutboxQuery, variables: { first }, pause: !allowed, context: CONTEXT, requestPolicy: 'cache-and-network' });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  return { messages: data?.outbox, error, fetching, refresh };
}
