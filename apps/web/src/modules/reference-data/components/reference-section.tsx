import { ReactNode, useState } from 'react';
import { Badge, Button, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CombinedError, OperationResult } from 'urql';
import { ErrorAlert } from '../../ui/error-alert';
import { RefField } from '../field-rules';
import { ReferenceForm, RefRow, RefValues } from './reference-form';

export interface RefListRow extends RefRow {
  archived: boolean;
  primary: string;
  secondary?: string;
}

export interface ReferenceSectionProps {
  title: string;
  /** "Add an organization", "New organization" */
  addLabel: string;
  newTitle: string;
  rows: RefListRow[];
  /** The fields of the form; for an edit, those of the row being edited (its options may differ). */
  fields: (row?: RefListRow) => RefField[];
  create?: (values: RefValues) => Promise<OperationResult>;
  update: (row: RefListRow, values: RefValues, expectedVersion: number) => Promise<OperationResult>;
  setArchived: (row: RefListRow, archived: boolean) => Promise<OperationResult>;
  refresh: () => void;
  /** Shown above the list (the country picker). */
  children?: ReactNode;
  empty: string;
}

/** One kind of reference data: its list (archived ones on request), a form to add, and edit, archive, restore per row. */
export function ReferenceSection({ title, addLabel, newTitle, rows, fields, create, update, setArchived, refresh, children, empty }: ReferenceSectionProps) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [showArchived, setShowArchived] = useState(false);
  const [archiveError, setArchiveError] = useState<CombinedError | undefined>();
  const shown = rows.filter((r) => showArchived || !r.archived);
  const archivedCount = rows.filter((r) => r.archived).length;

  const toggleArchived = async (row: RefListRow) => {
    const result = await setArchived(row, !row.archived);
    setArchiveError(result.error);
    refresh();
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} size="h3">
          {title}
        </Title>
        {create && !adding && (
          <Button variant="light" onClick={() => setAdding(true)}>
            {addLabel}
          </Button>
        )}
      </Group>
      {children}
      {create && adding && (
        <Paper withBorder p="md" radius="md">
          <ReferenceForm
            title={newTitle}
            fields={fields()}
            submitLabel={t('refData.create')}
            save={(values) => create(values)}
            onSaved={() => {
              setAdding(false);
              refresh();
            }}
            onCancel={() => setAdding(false)}
          />
        </Paper>
      )}
      <ErrorAlert error={archiveError} />
      {archivedCount > 0 && (
        <Switch label={t('refData.showArchived', { count: archivedCount })} checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} />
      )}
      {shown.length === 0 && <Text c="dimmed">{empty}</Text>}
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {shown.map((row) => (
          <Paper key={row.id} component="li" withBorder p="sm" radius="md">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <div style={{ minWidth: 0 }}>
                <Text fw={600} span>
                  {row.primary}
                </Text>{' '}
                {row.archived && (
                  <Badge color="gray" variant="light">
                    {t('refData.archived')}
                  </Badge>
                )}
                {row.secondary && (
                  <Text size="sm" c="dimmed">
                    {row.secondary}
                  </Text>
                )}
              </div>
              <Group gap="xs">
                <Button size="xs" variant="default" onClick={() => setEditing(editing === row.id ? null : row.id)} aria-label={t('refData.editNamed', { name: row.primary })}>
                  {t('refData.edit')}
                </Button>
                <Button size="xs" variant="subtle" color={row.archived ? 'blue' : 'gray'} onClick={() => void toggleArchived(row)} aria-label={t(row.archived ? 'refData.restoreNamed' : 'refData.archiveNamed', { name: row.primary })}>
                  {t(row.archived ? 'refData.restore' : 'refData.archive')}
                </Button>
              </Group>
            </Group>
            {editing === row.id && (
              <Paper mt="sm" p="sm" withBorder radius="md">
                <ReferenceForm
                  title={t('refData.editNamed', { name: row.primary })}
                  fields={fields(row)}
                  row={row}
                  latest={rows.find((r) => r.id === row.id)}
                  submitLabel={t('refData.save')}
                  save={(values, version) => update(row, values, version ?? row.version)}
                  onSaved={() => {
                    setEditing(null);
                    refresh();
                  }}
                  onConflict={refresh}
                  onCancel={() => setEditing(null)}
                />
              </Paper>
            )}
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}
