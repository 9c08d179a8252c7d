import { useQuery } from 'urql';
import { NotificationsQuery } from '../graphql/notifications.operations';

// Marking read answers with ids only: the cache is told these answers go stale then.
const CONTEXT = { additionalTypenames: ['Notification', 'NotificationConnection'] };

/** Your notifications in this workspace, newest first. */
export function useNotifications(first = 50, unreadOnly = false) {
  const [{ data, error, fetching }, reexecute] = useQuery({ query: NotificationsQuery, variables: { first, unreadOnly }, context: CONTEXT, requestPolicy: 'cache-and-network' });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  return { data: data?.notifications, error, fetching, refresh };
}
