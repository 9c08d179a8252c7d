import { useState } from 'react';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/use-format';
import { CreateIndicatorForm } from './create-indicator-form';
import { IndicatorChart } from './indicator-chart';
import { RecordObservationForm } from './record-observation-form';

export interface IndicatorsPanelProps {
  commitmentId: string;
  indicators: {
    id: string;
    name: string;
    unit: string;
    baselineOn?: string | null;
    description: string;
    observations: { id: string; asOf: string; value: number; current: boolean }[];
  }[];
  evidence: { id: string; title: string }[];
  canWrite: boolean;
  onChanged: () => void;
}

export function IndicatorsPanel({ commitmentId, indicators, evidence, canWrite, onChanged }: IndicatorsPanelProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [open, setOpen] = useState<'record' | 'create' | null>(null);
  const done = () => {
    setOpen(null);
    onChanged();
  };

  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('indicators.title')}
        </Title>
        {canWrite && !open && (
          <Group gap="xs">
            {indicators.length > 0 && (
              <Button size="xs" variant="light" onClick={() => setOpen('record')}>
                {t('indicators.record')}
              </Button>
            )}
            <Button size="xs" variant="subtle" onClick={() => setOpen('create')}>
              {t('indicators.create')}
            </Button>
          </Group>
        )}
      </Group>
      {open === 'record' && <RecordObservationForm indicators={indicators} evidence={evidence} onRecorded={done} onCancel={() => setOpen(null)} />}
      {open === 'create' && <CreateIndicatorForm commitmentId={commitmentId} onCreated={done} onCancel={() => setOpen(null)} />}
      {indicators.length === 0 && <Text c="dimmed">{t('indicators.none')}</Text>}
      <Stack gap="lg" mt={open ? 'md' : 0}>
        {indicators.map((indicator) => {
          const points = indicator.observations.filter((o) => o.current).sort((a, b) => a.asOf.localeCompare(b.asOf));
          const latest = points[points.length - 1];
          const revisions = indicator.observations.length - points.length;
          return (
            <div key={indicator.id}>
              <Text fw={600}>{indicator.name}</Text>
              {latest && (
                <Text size="sm">
                  {t('indicators.latest', { value: format.number(latest.value), unit: indicator.unit, date: format.date(latest.asOf) })}
                  {indicator.baselineOn ? ` · ${t('indicators.since', { date: format.date(indicator.baselineOn) })}` : ''}
                  {revisions > 0 ? ` · ${t('indicators.revisions', { count: revisions })}` : ''}
                </Text>
              )}
              <IndicatorChart name={indicator.name} unit={indicator.unit} points={points} />
            </div>
          );
        })}
      </Stack>
    </Paper>
  );
}
