import { FormEvent, useEffect, useState } from 'react';
import { Button, Group, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { checkReminderDaysBefore } from '@pactwatch/domain';
import { ErrorAlert } from '../../ui/error-alert';
import { serverFieldErrors } from '../../ui/server-field-errors';
import { useUpdateReminderSettings } from '../hooks/use-update-reminder-settings';

export interface ReminderSettingsFormProps {
  /** The days as the server keeps them, largest first. */
  daysBefore: number[];
}

/** "7, 1" → [7, 1]; anything that is not a whole number is kept as NaN, for the rule to refuse. */
function parseDays(text: string): number[] {
  return text
    .split(/[,\s]+/)
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : Number.NaN));
}

/** The days before a due date that assignees and watchers are reminded, as a comma-separated list. */
export function ReminderSettingsForm({ daysBefore }: ReminderSettingsFormProps) {
  const { t } = useTranslation();
  const { updateReminderSettings, fetching, error } = useUpdateReminderSettings();
  const [text, setText] = useState(daysBefore.join(', '));
  const [attempted, setAttempted] = useState(false);
  const [saved, setSaved] = useState(false);
  useEffect(() => setText(daysBefore.join(', ')), [daysBefore]);

  const days = parseDays(text);
  const problem = attempted && checkReminderDaysBefore('daysBefore', days).length ? t('reminders.invalid') : undefined;
  const fromServer = serverFieldErrors(error).daysBefore;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    setSaved(false);
    if (checkReminderDaysBefore('daysBefore', days).length) return;
    const result = await updateReminderSettings(days);
    if (!result.error) {
      setAttempted(false);
      setSaved(true);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('reminders.title')}>
      <Text size="sm" c="dimmed">
        {t('reminders.intro')}
      </Text>
      {!fromServer && <ErrorAlert error={error} />}
      <Group align="flex-end" mt="xs">
        <TextInput
          label={t('reminders.daysBefore')}
          description={t('reminders.daysBeforeHint')}
          value={text}
          error={problem ?? fromServer}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setSaved(false);
          }}
          w={420}
        />
        <Button type="submit" loading={fetching}>
          {t('reminders.save')}
        </Button>
      </Group>
      {saved && (
        <Text size="sm" mt="xs" role="status">
          {t('reminders.saved')}
        </Text>
      )}
    </form>
  );
}
