import { graphql } from '../../../gql';

export const ReminderSettingsQuery = graphql(`
  query ReminderSettings {
    reminderSettings { daysBefore }
  }
`);

export const UpdateReminderSettingsMutation = graphql(`
  mutation UpdateReminderSettings($input: UpdateReminderSettingsInput!) {
    updateReminderSettings(input: $input) { reminderSettings { daysBefore } }
  }
`);
