import { Alert, Button, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface ConflictField {
  label: string;
  /** As it was when the analyst opened it. */
  before: string;
  /** As it is on the server now. */
  now: string;
}

export interface ConflictViewProps {
  readVersion: number;
  currentVersion: number;
  /** Who made the newer version and why, once the page has reloaded it. */
  changedBy?: string | null;
  changed: ConflictField[];
  /** The analyst's own change, not saved, kept to apply again. */
  pending: { label: string; value: string }[];
  onReapply: () => void;
  onEdit: () => void;
  onDiscard: () => void;
  busy?: boolean;
}

/** A stale save: shows the newer version and what changed, and keeps the analyst's change to re-apply. */
export function ConflictView({ readVersion, currentVersion, changedBy, changed, pending, onReapply, onEdit, onDiscard, busy }: ConflictViewProps) {
  const { t } = useTranslation();
  return (
    <Stack data-testid="conflict-view">
      <Alert color="orange" role="alert" title={t('conflict.title')}>
        {t('conflict.body', { read: readVersion, current: currentVersion })}
        {changedBy && <Text size="sm" mt="xs">{changedBy}</Text>}
      </Alert>
      <Title order={3} size="h5">
        {t('conflict.whatChanged')}
      </Title>
      {changed.length === 0 ? (
        <Text size="sm">{t('conflict.nothingVisible')}</Text>
      ) : (
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('conflict.field')}</Table.Th>
              <Table.Th scope="col">{t('conflict.before')}</Table.Th>
              <Table.Th scope="col">{t('conflict.now')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {changed.map((f) => (
              <Table.Tr key={f.label}>
                <Table.Th scope="row">{f.label}</Table.Th>
                <Table.Td>{f.before}</Table.Td>
                <Table.Td>
                  <strong>{f.now}</strong>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Title order={3} size="h5">
        {t('conflict.yourChange')}
      </Title>
      <List size="sm">
        {pending.map((p) => (
          <List.Item key={p.label}>
            <strong>{p.label}:</strong> {p.value}
          </List.Item>
        ))}
      </List>
      <Group justify="flex-end">
        <Button variant="subtle" color="gray" onClick={onDiscard}>
          {t('conflict.discard')}
        </Button>
        <Button variant="default" onClick={onEdit}>
          {t('conflict.edit')}
        </Button>
        <Button onClick={onReapply} loading={busy}>
          {t('conflict.reapply')}
        </Button>
      </Group>
    </Stack>
  );
}
