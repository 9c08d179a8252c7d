import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DashboardOverviewQuery } from '../../../gql/graphql';
import { StatusBadge } from '../../ui/status-badge';
import { useFormat } from '../../ui/use-format';

export interface OverdueListProps {
  overdue: DashboardOverviewQuery['overdue'];
}

export function OverdueList({ overdue }: OverdueListProps) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('dashboard.overdue', { count: overdue.totalCount })}
        </Title>
        <Anchor component={Link} to="/commitments?overdue=true&sort=DUE_ON" size="sm">
          {t('dashboard.seeAll')}
        </Anchor>
      </Group>
      {overdue.edges.length === 0 && <Text c="dimmed">{t('dashboard.noneOverdue')}</Text>}
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {overdue.edges.map(({ node }) => (
          <li key={node.id}>
            <Anchor component={Link} to={`/commitments/${node.id}`}>
              {node.title}
            </Anchor>
            <Group gap="xs" mt={2}>
              <StatusBadge status={node.status} />
              <Text size="sm" c="red.9">
                {t('commitment.dueOn', { date: format.date(node.dueOn) })}
              </Text>
              <Text size="sm" c="dimmed">
                {[...node.parties.map((p) => p.code), node.owner?.acronym].filter(Boolean).join(' · ')}
              </Text>
            </Group>
          </li>
        ))}
      </Stack>
    </Paper>
  );
}
