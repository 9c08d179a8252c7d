import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CommitmentStatus, groupWork, WorkGroup } from '@pactwatch/domain';
import type { MyWorkItemFragment } from '../../../gql/graphql';
import { StatusBadge } from '../../ui/status-badge';
import { useFormat } from '../../ui/use-format';

export interface MyWorkListProps {
  items: MyWorkItemFragment[];
  /** The analyst's today (YYYY-MM-DD): what "overdue" and "the next 14 days" count from. */
  today: string;
}

const GROUPS = [WorkGroup.OVERDUE, WorkGroup.DUE_SOON, WorkGroup.LATER] as const;

/** Assigned commitments in three groups: overdue, due in the next 14 days, and the rest, each in the order given. */
export function MyWorkList({ items, today }: MyWorkListProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const groups = groupWork(items.map((item) => ({ ...item, status: item.status as CommitmentStatus })), today);
  return (
    <Stack>
      {GROUPS.map((group) => (
        <Paper key={group} withBorder p="md" radius="md" component="section" aria-labelledby={`my-work-${group}`} data-testid={`my-work-${group}`}>
          <Group gap="xs" mb="sm">
            <Title order={2} size="h4" id={`my-work-${group}`}>
              {t(`myWork.groups.${group}`)}
            </Title>
            <Badge variant="light" color={group === WorkGroup.OVERDUE && groups[group].length ? 'red' : 'gray'}>
              {groups[group].length}
            </Badge>
          </Group>
          {groups[group].length === 0 ? (
            <Text c="dimmed">{t('myWork.empty')}</Text>
          ) : (
            <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {groups[group].map((c) => (
                <li key={c.id}>
                  <Anchor component={Link} to={`/commitments/${c.id}`}>
                    {c.title}
                  </Anchor>
                  <Group gap="xs" mt={2} wrap="wrap">
                    <StatusBadge status={c.status} />
                    <Text size="sm" c={group === WorkGroup.OVERDUE ? 'red.9' : 'dimmed'}>
                      {c.dueOn ? t('commitment.dueOn', { date: format.date(c.dueOn) }) : t('myWork.noDate')}
                    </Text>
                    <Text size="sm" c="dimmed" lineClamp={1}>
                      {c.agreement.title}
                    </Text>
                  </Group>
                </li>
              ))}
            </Stack>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
