import type { NotificationFieldsFragment } from '../../../gql/graphql';
import { useLiveSubscription } from '../../live/hooks/use-live-subscription';
import { NotificationAddedSubscription } from '../graphql/notifications.operations';

const NO_VARIABLES = {};

/** Calls `onNotification` for each notification made for you from now on (someone @mentioned you). */
export function useNotificationAdded(allowed: boolean, onNotification: (notification: NotificationFieldsFragment) => void) {
  useLiveSubscription(NotificationAddedSubscription, allowed ? NO_VARIABLES : null, (data) => onNotification(data.notificationAdded));
}
