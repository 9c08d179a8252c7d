import { FormEvent, useState } from 'react';
import { Button, Group, NativeSelect, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '@pactwatch/domain';
import { ErrorAlert } from '../../ui/error-alert';
import { useRecordObservation } from '../hooks/use-record-observation';
import { DateField } from '../../ui/date-field';

export interface RecordObservationFormProps {
  indicators: { id: string; name: string; unit: string }[];
  evidence: { id: string; title: string }[];
  onRecorded: () => void;
  onCancel: () => void;
}

export function RecordObservationForm({ indicators, evidence, onRecorded, onCancel }: RecordObservationFormProps) {
  const { t } = useTranslation();
  const { recordObservation, fetching, error } = useRecordObservation();
  const [indicatorId, setIndicatorId] = useState(indicators[0]?.id ?? '');
  const [asOf, setAsOf] = useState('');
  const [value, setValue] = useState<number | string>('');
  const [note, setNote] = useState('');
  const [evidenceId, setEvidenceId] = useState('');
  const [attempted, setAttempted] = useState(false);
  const dateProblem = attempted && !isIsoDate(asOf) ? t('indicators.errors.asOf') : undefined;
  const valueProblem = attempted && typeof value !== 'number' ? t('indicators.errors.value') : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (!isIsoDate(asOf) || typeof value !== 'number') return;
    const result = await recordObservation({ indicatorId, asOf, value, note: note.trim() || null, evidenceId: evidenceId || null });
    if (!result.error) onRecorded();
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('indicators.record')}>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            label={t('indicators.indicator')}
            value={indicatorId}
            onChange={(e) => setIndicatorId(e.currentTarget.value)}
            data={indicators.map((i) => ({ value: i.id, label: `${i.name} (${i.unit})` }))}
          />
          <DateField label={t('indicators.asOf')} required value={asOf} error={dateProblem} onChange={setAsOf} />
          <NumberInput label={t('indicators.value')} required value={value} error={valueProblem} onChange={setValue} thousandSeparator />
          <NativeSelect
            label={t('indicators.source')}
            value={evidenceId}
            onChange={(e) => setEvidenceId(e.currentTarget.value)}
            data={[{ value: '', label: t('indicators.noSource') }, ...evidence.map((e) => ({ value: e.id, label: e.title }))]}
          />
        </SimpleGrid>
        <TextInput label={t('indicators.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={fetching}>
            {t('indicators.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
