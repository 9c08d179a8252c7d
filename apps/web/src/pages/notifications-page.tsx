import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOnReconnected } from '../modules/live/hooks/use-on-reconnected';
import { NotificationList } from '../modules/notifications/components/notification-list';
import { useMarkNotificationsRead } from '../modules/notifications/hooks/use-mark-notifications-read';
import { useNotificationAdded } from '../modules/notifications/hooks/use-notification-added';
import { useNotifications } from '../modules/notifications/hooks/use-notifications';
import { useSession } from '../modules/session/hooks/use-session';
import { ErrorAlert } from '../modules/ui/error-alert';
import { Loading } from '../modules/ui/loading';

export default function NotificationsPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const person = me.kind === 'USER';
  const { data, error, refresh } = useNotifications();
  const { markRead, fetching, error: markError } = useMarkNotificationsRead();
  useNotificationAdded(person, refresh);
  useOnReconnected(refresh);

  return (
    <Stack>
      <Group justify="space-between" align="baseline">
        <Title order={1}>{t('notifications.title')}</Title>
        {!!data?.unreadCount && (
          <Button variant="default" size="xs" loading={fetching} onClick={() => void markRead({ all: true })}>
            {t('notifications.markAllRead')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={error ?? markError} />
      {!data && !error && <Loading />}
      {data && (
        <Text c="dimmed" aria-live="polite">
          {t('notifications.summary', { count: data.unreadCount })}
        </Text>
      )}
      {data?.edges.length === 0 && <Text>{t('notifications.none')}</Text>}
      {data && (
        <NotificationList
          notifications={data.edges.map((e) => e.node)}
          onOpen={(n) => {
            if (!n.read) void markRead({ notificationIds: [n.id] });
          }}
        />
      )}
    </Stack>
  );
}
