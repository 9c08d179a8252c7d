import { useState } from 'react';
import { Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { RowActionButton } from '../../ui/confirm-button';
import { ErrorAlert } from '../../ui/error-alert';
import { Panel } from '../../ui/panel';
import { useAssignCommitment, useUnassignCommitment } from '../hooks/use-assign-commitment';
import { useAssigneeOptions } from '../hooks/use-assignee-options';

export interface AssigneesPanelProps {
  commitmentId: string;
  assignees: { id: string; name: string }[];
  /** Assigning and unassigning are offered to those who may write. */
  canWrite: boolean;
  /** After a change made here. */
  onChanged: () => void;
}

/** Who is responsible for the commitment (beside its owner), and, for those who may write, adding and removing them. */
export function AssigneesPanel({ commitmentId, assignees, canWrite, onChanged }: AssigneesPanelProps) {
  const { t } = useTranslation();
  const { members } = useAssigneeOptions(canWrite);
  const { assignCommitment, fetching: assigning } = useAssignCommitment();
  const { unassignCommitment } = useUnassignCommitment();
  const [picked, setPicked] = useState<string | null>(null);
  const [error, setError] = useState<CombinedError | null>(null);
  const run = async (change: Promise<{ error?: CombinedError }>) => {
    const result = await change;
    setError(result.error ?? null);
    if (!result.error) setPicked(null);
    onChanged();
  };
  const choices = members.filter((m) => !assignees.some((a) => a.id === m.id)).map((m) => ({ value: m.id, label: m.name }));

  return (
    <Panel title={t('assignees.title')}>
      <Stack gap="sm">
        {assignees.length === 0 ? (
          <Text c="dimmed">{t('assignees.none')}</Text>
        ) : (
          <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t('assignees.title')}>
            {assignees.map((a) => (
              <li key={a.id}>
                <Group gap="xs" justify="space-between" wrap="nowrap">
                  <Text>{a.name}</Text>
                  {canWrite && (
                    <RowActionButton
                      label={t('assignees.remove')}
                      question={t('assignees.confirmRemove', { name: a.name })}
                      onConfirm={() => void run(unassignCommitment(commitmentId, a.id))}
                    />
                  )}
                </Group>
              </li>
            ))}
          </Stack>
        )}
        <ErrorAlert error={error} />
        {canWrite && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (picked) void run(assignCommitment(commitmentId, picked));
            }}
          >
            <Group gap="xs" align="flex-end" wrap="wrap">
              <NativeSelect
                label={t('assignees.add')}
                data={[{ value: '', label: t('assignees.addPlaceholder') }, ...choices]}
                value={picked ?? ''}
                onChange={(e) => setPicked(e.currentTarget.value || null)}
                style={{ flex: '1 1 12rem', minWidth: 0 }}
              />
              <Button type="submit" variant="light" disabled={!picked} loading={assigning}>
                {t('assignees.assign')}
              </Button>
            </Group>
            <Text size="xs" c="dimmed" mt={4}>
              {t('assignees.hint')}
            </Text>
          </form>
        )}
      </Stack>
    </Panel>
  );
}
