import { FormEvent, useState } from 'react';
import { Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { useCreateIndicator } from '../hooks/use-create-indicator';
import { DateField } from '../../ui/date-field';

export interface CreateIndicatorFormProps {
  commitmentId: string;
  onCreated: () => void;
  onCancel: () => void;
}

export function CreateIndicatorForm({ commitmentId, onCreated, onCancel }: CreateIndicatorFormProps) {
  const { t } = useTranslation();
  const { createIndicator, fetching, error } = useCreateIndicator();
  const [name, setName] = useState('');
  const [unit, setUnit] = useState('');
  const [baselineOn, setBaselineOn] = useState('');
  const [attempted, setAttempted] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (!name.trim() || !unit.trim()) return;
    const result = await createIndicator({ commitmentId, name: name.trim(), unit: unit.trim(), baselineOn: baselineOn || null });
    if (!result.error) onCreated();
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('indicators.create')}>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput label={t('indicators.name')} required value={name} error={attempted && !name.trim() ? t('common.required') : undefined} onChange={(e) => setName(e.currentTarget.value)} />
          <TextInput label={t('indicators.unit')} required value={unit} error={attempted && !unit.trim() ? t('common.required') : undefined} onChange={(e) => setUnit(e.currentTarget.value)} />
          <DateField label={t('indicators.baselineOn')} value={baselineOn} onChange={setBaselineOn} />
        </SimpleGrid>
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={fetching}>
            {t('indicators.createSave')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
