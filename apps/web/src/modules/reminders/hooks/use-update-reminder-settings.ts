import { useMutation } from 'urql';
import { UpdateReminderSettingsMutation } from '../graphql/reminders.operations';

export function useUpdateReminderSettings() {
  const [state, execute] = useMutation(UpdateReminderSettingsMutation);
  const updateReminderSettings = (daysBefore: number[]) => execute({ input: { daysBefore } });
  return { updateReminderSettings, fetching: state.fetching, error: state.error };
}
