import { useQuery } from 'urql';
import { ReminderSettingsQuery } from '../graphql/reminders.operations';

/** The workspace's reminder days; paused for those who may not manage them. */
export function useReminderSettings(allowed: boolean) {
  const [{ data, error }] = useQuery({ query: ReminderSettingsQuery, pause: !allowed });
  return { data, error };
}
