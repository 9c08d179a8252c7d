import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ActivityFieldsFragment } from '../../../gql/graphql';
import { Loading } from '../../ui/loading';
import { useFormat } from '../../ui/use-format';
import { useRecentChanges } from '../hooks/use-recent-changes';
import { describeActivity } from './describe-activity';

export interface RecentChangesProps {
  /** The newest changes as the dashboard's request read them; null while it loads. */
  loaded: readonly ActivityFieldsFragment[] | null;
  first?: number;
}

export function RecentChanges({ loaded, first }: RecentChangesProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const entries = useRecentChanges(loaded, first);

  return (
    <Paper withBorder p="md" radius="md" data-testid="recent-changes" data-ready={!!entries}>
      <Title order={2} size="h4" mb="sm">
        {t('dashboard.recent')}
      </Title>
      {!entries && <Loading />}
      <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-live="polite" aria-relevant="additions">
        {entries?.map((node) => {
          const { title, summary, href } = describeActivity(node, t);
          return (
            <li key={node.id} data-activity-id={node.id}>
              <Text size="sm">
                {href ? (
                  <Anchor component={Link} to={href} size="sm">
                    {title}
                  </Anchor>
                ) : (
                  title
                )}
              </Text>
              <Text size="xs" c="dimmed">
                {summary} · {node.actorLabel} · {format.dateTime(node.createdAt)}
              </Text>
            </li>
          );
        })}
      </Stack>
    </Paper>
  );
}
