import { Suspense } from 'react';
import { Anchor, AppShell, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { Permission } from '@pactwatch/domain';
import { LiveStatusBadge } from '../modules/live/components/live-status-badge';
import { NotificationsLink } from '../modules/notifications/components/notifications-link';
import { WorkspaceSwitch } from '../modules/session/components/workspace-switch';
import { useCan } from '../modules/session/hooks/use-can';
import { useSession } from '../modules/session/hooks/use-session';
import { useSignOut } from '../modules/session/hooks/use-sign-out';
import { LanguageSelect } from '../modules/ui/language-select';
import { Loading } from '../modules/ui/loading';
import classes from './app-layout.module.css';

export function AppLayout() {
  const { t } = useTranslation();
  const { me } = useSession();
  const { signOut, fetching } = useSignOut();
  const canAdmin = useCan(Permission.MANAGE_MEMBERS);
  const canKeys = useCan(Permission.MANAGE_KEYS);
  const canWrite = useCan(Permission.WRITE);
  const links = [
    { to: '/', label: t('nav.dashboard'), end: true },
    { to: '/agreements', label: t('nav.agreements') },
    { to: '/commitments', label: t('nav.commitments') },
    ...(canWrite ? [{ to: '/reference-data', label: t('nav.referenceData') }] : []),
    ...(me.kind === 'USER' ? [{ to: '/settings/digest', label: t('nav.digest') }] : []),
    ...(canAdmin ? [{ to: '/admin/members', label: t('nav.members') }] : []),
    ...(canKeys ? [{ to: '/admin/api-keys', label: t('nav.apiKeys') }] : []),
  ];

  return (
    <AppShell header={{ height: 64 }} padding="md">
      <a href="#main" className={classes.skip}>
        {t('shell.skip')}
      </a>
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap">
            <Anchor component={NavLink} to="/" fw={700} size="lg" c="inherit" underline="never">
              Pactwatch
            </Anchor>
            <nav aria-label={t('nav.label')}>
              <Group gap="xs" wrap="nowrap">
                {links.map((l) => (
                  <NavLink key={l.to} to={l.to} end={l.end} className={classes.link}>
                    {l.label}
                  </NavLink>
                ))}
              </Group>
            </nav>
          </Group>
          <Group gap="sm" wrap="nowrap" align="center">
            <LiveStatusBadge />
            <NotificationsLink />
            <WorkspaceSwitch />
            {me.kind === 'USER' && (
              <Anchor component={NavLink} to="/profile" size="sm" title={t('account.nav')}>
                {me.user?.name}
              </Anchor>
            )}
            <Text size="sm" c="dimmed" visibleFrom="xl">
              {me.role ? t(`roles.${me.role}`) : ''}
            </Text>
            <LanguageSelect />
            <Button variant="default" size="xs" onClick={() => void signOut()} loading={fetching}>
              {t('shell.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
