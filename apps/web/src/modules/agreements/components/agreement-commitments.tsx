import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CommitmentStatus } from '@pactwatch/domain';
import type { AgreementQuery } from '../../../gql/graphql';
import { StatusBadge } from '../../ui/status-badge';
import { useFormat } from '../../ui/use-format';

type Agreement = AgreementQuery['agreement'];

export interface AgreementCommitmentsProps {
  agreement: Agreement;
}

/** The agreement's commitments: how many stand at each status (lifecycle order) and how many are overdue, then each one. */
export function AgreementCommitments({ agreement: a }: AgreementCommitmentsProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows = a.commitments.edges.map((e) => e.node);
  const byStatus = Object.values(CommitmentStatus)
    .map((status) => ({
      status,
      count: rows.filter((c) => c.status === status).length,
    }))
    .filter((s) => s.count > 0);
  const overdue = rows.filter((c) => c.overdue).length;
  const partial = rows.length < a.commitments.totalCount;

  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('agreements.commitments', { count: a.commitments.totalCount })}
        </Title>
        <Anchor component={Link} to={`/commitments?agreement=${a.id}`} size="sm">
          {t('agreements.openInList')}
        </Anchor>
      </Group>
      {rows.length > 0 && (
        <Group gap="xs" mb="sm" data-testid="agreement-status-summary" aria-label={t('agreements.statusSummary')} role="group">
          {byStatus.map(({ status, count }) => (
            <Group key={status} gap={4} wrap="nowrap">
              <StatusBadge status={status} />
              <Text size="sm">{format.number(count)}</Text>
            </Group>
          ))}
          {overdue > 0 && (
            <Text size="sm" c="red.9" fw={600}>
              {t('agreements.overdueCount', { count: overdue })}
            </Text>
          )}
          {partial && (
            <Text size="xs" c="dimmed">
              {t('agreements.summaryOfFirst', { count: rows.length })}
            </Text>
          )}
        </Group>
      )}
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {rows.map((c) => (
          <li key={c.id}>
            {/* On a phone the parties and status go under the title rather than past the card's edge. */}
            <Group justify="space-between" wrap="wrap" gap={4}>
              <Anchor component={Link} to={`/commitments/${c.id}`}>
                {c.title}
              </Anchor>
              <Group gap="xs" wrap="nowrap">
                <Text size="xs" c="dimmed">
                  {c.parties.map((p) => p.code).join(', ')}
                </Text>
                {c.overdue && (
                  <Text size="xs" c="red.9" fw={600}>
                    {t('commitment.overdue')}
                    {c.dueOn ? ` · ${t('commitment.dueOn', { date: format.date(c.dueOn) })}` : ''}
                  </Text>
                )}
                <StatusBadge status={c.status} />
              </Group>
            </Group>
          </li>
        ))}
      </Stack>
    </Paper>
  );
}
