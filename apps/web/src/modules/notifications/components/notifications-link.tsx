import { useEffect, useState } from 'react';
import { Anchor, Badge, CloseButton, Group, Notification, Portal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import type { NotificationFieldsFragment } from '../../../gql/graphql';
import { useOnReconnected } from '../../live/hooks/use-on-reconnected';
import { useSession } from '../../session/hooks/use-session';
import { useNotificationAdded } from '../hooks/use-notification-added';
import { useUnreadNotificationCount } from '../hooks/use-unread-notification-count';
import { useFormat } from '../../ui/use-format';
import { notificationHref, notificationKey, notificationValues } from '../notification-link';
import classes from './notifications.module.css';

const TOAST_MS = 10_000;

function BellIcon() {
  return (
    <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

/** The header's way to notifications, with the unread count; a new one also shows for a moment in the corner. */
export function NotificationsLink() {
  const { t } = useTranslation();
  const format = useFormat();
  const { me } = useSession();
  const person = me.kind === 'USER';
  const { unreadCount, refresh } = useUnreadNotificationCount(person);
  const [toast, setToast] = useState<NotificationFieldsFragment | null>(null);

  useNotificationAdded(person, (notification) => {
    refresh();
    setToast(notification);
  });
  useOnReconnected(refresh);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast]);

  if (!person) return null;
  return (
    <>
      <NavLink to="/notifications" className={classes.link} aria-label={t('notifications.linkLabel', { count: unreadCount })} title={t('notifications.title')}>
        <Group gap={4} wrap="nowrap" component="span">
          <BellIcon />
          {unreadCount > 0 && (
            <Badge size="sm" color="red.8" variant="filled" circle={unreadCount < 10} aria-hidden="true" data-testid="unread-count">
              {unreadCount > 99 ? '99+' : unreadCount}
            </Badge>
          )}
        </Group>
      </NavLink>
      <div aria-live="polite" className={classes.announcer}>
        {toast ? t(notificationKey(toast.kind), notificationValues(toast, format.date)) : ''}
      </div>
      {toast && (
        <Portal>
          <Notification className={classes.toast} title={t('notifications.new')} withCloseButton={false} data-testid="notification-toast">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Text size="sm">
                <Anchor component={Link} to={notificationHref(toast)} onClick={() => setToast(null)}>
                  {t(notificationKey(toast.kind), notificationValues(toast, format.date))}
                </Anchor>
              </Text>
              <CloseButton size="sm" aria-label={t('common.close')} onClick={() => setToast(null)} />
            </Group>
          </Notification>
        </Portal>
      )}
    </>
  );
}
