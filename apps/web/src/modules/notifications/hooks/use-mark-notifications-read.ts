import { useMutation } from 'urql';
import type { MarkNotificationsReadInput } from '../../../gql/graphql';
import { MarkNotificationsReadMutation } from '../graphql/notifications.operations';

export function useMarkNotificationsRead() {
  const [state, execute] = useMutation(MarkNotificationsReadMutation);
  // The answer holds ids and a count, no Notification: name the type so cached lists and counts are read again.
  const markRead = (input: MarkNotificationsReadInput) => execute({ input }, { additionalTypenames: ['Notification', 'NotificationConnection'] });
  return { markRead, fetching: state.fetching, error: state.error };
}
