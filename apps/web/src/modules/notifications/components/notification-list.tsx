import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NotificationFieldsFragment } from '../../../gql/graphql';
import { useFormat } from '../../ui/use-format';
import { commentExcerpt } from '../comment-excerpt';
import { notificationHref, notificationKey, notificationValues } from '../notification-link';

export interface NotificationListProps {
  notifications: NotificationFieldsFragment[];
  /** Opening one marks it read. */
  onOpen: (notification: NotificationFieldsFragment) => void;
}

export function NotificationList({ notifications, onOpen }: NotificationListProps) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap="sm" component="ol" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {notifications.map((n) => (
        <li key={n.id}>
          <Paper withBorder p="sm" radius="md" bg={n.read ? undefined : 'blue.0'} data-testid="notification" data-read={n.read}>
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Stack gap={4}>
                <Text size="sm" fw={n.read ? 400 : 600}>
                  <Anchor component={Link} to={notificationHref(n)} onClick={() => onOpen(n)}>
                    {t(notificationKey(n.kind), notificationValues(n, format.date))}
                  </Anchor>
                </Text>
                {n.comment && (
                  <Text size="sm" c="dimmed" lineClamp={2}>
                    {n.comment.deleted ? t('comments.deleted') : commentExcerpt(n.comment.bodyHtml)}
                  </Text>
                )}
              </Stack>
              <Stack gap={4} align="flex-end">
                {!n.read && (
                  <Badge size="sm" color="blue.8" variant="filled">
                    {t('notifications.unread')}
                  </Badge>
                )}
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {format.dateTime(n.createdAt)}
                </Text>
              </Stack>
            </Group>
          </Paper>
        </li>
      ))}
    </Stack>
  );
}
