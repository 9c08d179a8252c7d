import { Suspense } from 'react';
import { Anchor, AppShell, Burger, Button, Group, Stack, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
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

/**
 * Where the header holds everything on one line: an owner's eight links and account controls, in
 * English and Spanish, with the live badge, the bell and the workspace, checked in Chromium by the
 * browser scenarios at 1,536 px (at 1,280 px "Sign out" and the language were cut off).
 */
const WIDE = '96em';

export function AppLayout() {
  const { t } = useTranslation();
  const { me } = useSession();
  const { signOut, fetching } = useSignOut();
  const canAdmin = useCan(Permission.MANAGE_MEMBERS);
  const canKeys = useCan(Permission.MANAGE_KEYS);
  const canWrite = useCan(Permission.WRITE);
  const links = [
    { to: '/', label: t('nav.dashboard'), end: true },
    ...(me.kind === 'USER' ? [{ to: '/my-work', label: t('nav.myWork') }] : []),
    { to: '/agreements', label: t('nav.agreements') },
    { to: '/commitments', label: t('nav.commitments') },
    ...(canWrite ? [{ to: '/reference-data', label: t('nav.referenceData') }] : []),
    ...(me.kind === 'USER' ? [{ to: '/settings/digest', label: t('nav.digest') }] : []),
    ...(canAdmin ? [{ to: '/admin/members', label: t('nav.members') }] : []),
    ...(canKeys ? [{ to: '/admin/api-keys', label: t('nav.apiKeys') }] : []),
  ];

  // Below WIDE the links and account controls do not fit one header line: they move into a menu
  // opened from the header, so nothing is pushed off a phone's screen.
  const wide = useMediaQuery(`(min-width: ${WIDE})`, true, { getInitialValueInEffect: false });
  const [menuOpen, menu] = useDisclosure(false);
  const navLinks = (vertical: boolean) => (
    <nav aria-label={t('nav.label')} id={vertical ? 'main-menu' : undefined}>
      {(() => {
        const items = links.map((l) => (
          <NavLink key={l.to} to={l.to} end={l.end} className={classes.link} onClick={menu.close}>
            {l.label}
          </NavLink>
        ));
        return vertical ? <Stack gap={4}>{items}</Stack> : <Group gap="xs" wrap="nowrap">{items}</Group>;
      })()}
    </nav>
  );
  const account = (
    <>
      <WorkspaceSwitch />
      {me.kind === 'USER' && (
        <Anchor component={NavLink} to="/profile" size="sm" title={t('account.nav')} onClick={menu.close} className={classes.fixed}>
          {me.user?.name}
        </Anchor>
      )}
      {/* The role only in the menu: the one-line header has no room to spare (the profile shows it too). */}
      {!wide && (
        <Text size="sm" c="dimmed">
          {me.role ? t(`roles.${me.role}`) : ''}
        </Text>
      )}
      <LanguageSelect />
      <Button variant="default" size="xs" className={classes.fixed} onClick={() => void signOut()} loading={fetching}>
        {t('shell.signOut')}
      </Button>
    </>
  );

  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 300, breakpoint: WIDE, collapsed: { mobile: !menuOpen, desktop: true } }} padding="md">
      <a href="#main" className={classes.skip}>
        {t('shell.skip')}
      </a>
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap">
            {!wide && <Burger opened={menuOpen} onClick={menu.toggle} size="sm" aria-label={t('shell.menu')} aria-expanded={menuOpen} aria-controls="main-menu" />}
            <Anchor component={NavLink} to="/" fw={700} size="lg" c="inherit" underline="never">
              Pactwatch
            </Anchor>
            {wide && navLinks(false)}
          </Group>
          <Group gap="sm" wrap="nowrap" align="center">
            <LiveStatusBadge />
            <NotificationsLink />
            {wide && account}
          </Group>
        </Group>
      </AppShell.Header>
      {!wide && menuOpen && (
        <AppShell.Navbar p="md">
          <Stack gap="md">
            {navLinks(true)}
            <Stack gap="sm" align="flex-start">
              {account}
            </Stack>
          </Stack>
        </AppShell.Navbar>
      )}
      <AppShell.Main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
