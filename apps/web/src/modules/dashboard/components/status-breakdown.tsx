import { Box, ColorSwatch, Group, Paper, Progress, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CommitmentStatus } from '@pactwatch/domain';
import type { StatusCountGroupFieldsFragment } from '../../../gql/graphql';
import { Loading } from '../../ui/loading';
import { STATUS_COLORS } from '../../ui/status-badge';
import { useFormat } from '../../ui/use-format';
import { BreakdownGroup, breakdownRows } from '../hooks/use-status-breakdown';

const STATUSES = Object.values(CommitmentStatus);

export interface StatusBreakdownProps {
  title: string;
  groups: BreakdownGroup[];
  /** The server's counts by status for the groups (commitmentStatusCounts); null while they load. */
  counted: readonly StatusCountGroupFieldsFragment[] | null;
}

/** A stacked bar per group, and the same numbers as a table for screen readers. */
export function StatusBreakdown({ title, groups, counted }: StatusBreakdownProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows = counted ? breakdownRows(groups, counted) : null;
  // Bars share one scale: the longest group fills the width.
  const widest = Math.max(1, ...(rows ?? []).map((r) => STATUSES.reduce((sum, s) => sum + r.counts[s], 0)));

  return (
    <Paper withBorder p="md" radius="md" data-testid="status-breakdown" data-ready={!!rows}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {!rows && <Loading />}
      {rows && (
        <>
          {/* Drawn with Mantine's Progress (no chart library in the page's JavaScript); the table below says the same to screen readers. */}
          <Stack gap={8} aria-hidden="true" data-testid="status-bars">
            {rows.map((r) => {
              const total = STATUSES.reduce((sum, s) => sum + r.counts[s], 0);
              return (
                <Group key={r.group.key} gap="sm" wrap="nowrap">
                  <Text size="sm" w={140} truncate="end" title={r.group.label} style={{ flex: 'none' }}>
                    {r.group.label}
                  </Text>
                  <Box style={{ flex: 1 }}>
                    <Progress.Root size={22} style={{ width: `${Math.max(total / widest, 0) * 100}%`, minWidth: total ? 4 : 0 }}>
                      {STATUSES.filter((s) => r.counts[s] > 0).map((s) => (
                        <Progress.Section
                          key={s}
                          value={(r.counts[s] / total) * 100}
                          color={`${STATUS_COLORS[s]}.6`}
                          data-status={s}
                          title={`${t(`status.${s}`)}: ${format.number(r.counts[s])}`}
                        />
                      ))}
                    </Progress.Root>
                  </Box>
                  <Text size="sm" c="dimmed" w={48} ta="right" style={{ flex: 'none' }}>
                    {format.number(total)}
                  </Text>
                </Group>
              );
            })}
            {/* The legend follows the lifecycle order. */}
            <Group gap="md" mt={4}>
              {STATUSES.map((s) => (
                <Group key={s} gap={6} wrap="nowrap">
                  <ColorSwatch size={12} color={`var(--mantine-color-${STATUS_COLORS[s]}-6)`} withShadow={false} />
                  <Text size="xs">{t(`status.${s}`)}</Text>
                </Group>
              ))}
            </Group>
          </Stack>
          <VisuallyHidden>
            <Table>
              <caption>{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.group')}</th>
                  {STATUSES.map((s) => (
                    <th key={s} scope="col">
                      {t(`status.${s}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.group.key}>
                    <th scope="row">{r.group.label}</th>
                    {STATUSES.map((s) => (
                      <td key={s}>{format.number(r.counts[s])}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </Table>
          </VisuallyHidden>
        </>
      )}
    </Paper>
  );
}
