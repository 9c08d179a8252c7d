import { FormEvent, useMemo, useState } from 'react';
import { Button, Group, NativeSelect, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DigestCadence, DigestSubscriptionFieldsFragment } from '../../../gql/graphql';
import { ErrorAlert } from '../../ui/error-alert';
import { useChangeDigestSettings } from '../hooks/use-change-digest-settings';
import { CADENCES, DIGEST_LOCALES, DigestSchedule, hourLabel, scheduleChanges, timeZones, usesHour, usesWeekday, weekdayLabel } from '../digest-schedule';

export interface DigestSettingsFormProps {
  subscription: DigestSubscriptionFieldsFragment;
  onSaved: () => void;
}

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

/** When your digest comes, in which language and time zone; saved as one change. */
export function DigestSettingsForm({ subscription, onSaved }: DigestSettingsFormProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const saved: DigestSchedule = {
    cadence: subscription.cadence,
    hour: subscription.hour,
    weekday: subscription.weekday,
    timeZone: subscription.timeZone,
    locale: subscription.locale,
  };
  const [form, setForm] = useState<DigestSchedule>(saved);
  const [done, setDone] = useState(false);
  const { changeDigestSettings, fetching, error } = useChangeDigestSettings();
  const zones = useMemo(() => timeZones(subscription.timeZone), [subscription.timeZone]);
  const changes = scheduleChanges(saved, form);
  const dirty = Object.keys(changes).length > 0;
  const set = (change: Partial<DigestSchedule>) => {
    setDone(false);
    setForm((f) => ({ ...f, ...change }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!dirty) return;
    const result = await changeDigestSettings(changes);
    if (result.error) return;
    setDone(true);
    onSaved();
  };

  return (
    <form onSubmit={(e) => void submit(e)} aria-label={t('digest.settings')} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            label={t('digest.cadence')}
            description={t(`digest.cadenceHint.${form.cadence}`)}
            value={form.cadence}
            onChange={(e) => set({ cadence: e.currentTarget.value as DigestCadence })}
            data={CADENCES.map((c) => ({ value: c, label: t(`digest.cadences.${c}`) }))}
          />
          <NativeSelect
            label={t('digest.locale')}
            value={form.locale}
            onChange={(e) => set({ locale: e.currentTarget.value })}
            data={DIGEST_LOCALES.map((l) => ({ value: l, label: t(`digest.locales.${l}`) }))}
          />
          {usesWeekday(form.cadence) && (
            <NativeSelect
              label={t('digest.weekday')}
              value={String(form.weekday)}
              onChange={(e) => set({ weekday: Number(e.currentTarget.value) })}
              data={WEEKDAYS.map((d) => ({ value: String(d), label: weekdayLabel(d, language) }))}
            />
          )}
          {usesHour(form.cadence) && (
            <NativeSelect
              label={t('digest.hour')}
              value={String(form.hour)}
              onChange={(e) => set({ hour: Number(e.currentTarget.value) })}
              data={HOURS.map((h) => ({ value: String(h), label: hourLabel(h, language) }))}
            />
          )}
          <Select
            label={t('digest.timeZone')}
            description={t('digest.timeZoneHint')}
            searchable
            allowDeselect={false}
            nothingFoundMessage={t('digest.noTimeZone')}
            value={form.timeZone}
            onChange={(value) => value && set({ timeZone: value })}
            data={zones}
            limit={50}
          />
        </SimpleGrid>
        <ErrorAlert error={error} />
        <Group justify="flex-end" gap="sm">
          {done && !dirty && (
            <Text size="sm" c="var(--mantine-color-green-light-color)" role="status">
              {t('digest.saved')}
            </Text>
          )}
          <Button type="submit" loading={fetching} disabled={!dirty}>
            {t('digest.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
