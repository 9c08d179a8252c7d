import { useQuery } from 'urql';
import { UnreadNotificationCountQuery } from '../graphql/notifications.operations';

const CONTEXT = { additionalTypenames: ['Notification', 'NotificationConnection'] };

/** How many of your notifications here are unread, for the header. */
export function useUnreadNotificationCount(allowed: boolean) {
  const [{ data }, reexecute] = useQuery({ query: UnreadNotificationCountQuery, context: CONTEXT, pause: !allowed });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  return { unreadCount: data?.notifications.unreadCount ?? 0, refresh };
}
