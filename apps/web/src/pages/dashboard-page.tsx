import { useEffect, useMemo } from 'react';
import { Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { OverdueList } from '../modules/dashboard/components/overdue-list';
import { RecentChanges } from '../modules/dashboard/components/recent-changes';
import { StatusBreakdown } from '../modules/dashboard/components/status-breakdown';
import { RECENT_CHANGES, useDashboardOverview } from '../modules/dashboard/hooks/use-dashboard-overview';
import { useDashboardRevision } from '../modules/dashboard/hooks/use-dashboard-revision';
import { GettingStarted } from '../modules/reference-data/components/getting-started';
import { ErrorAlert } from '../modules/ui/error-alert';
import { Loading } from '../modules/ui/loading';
import { useFormat } from '../modules/ui/use-format';

export default function DashboardPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, error, refresh } = useDashboardOverview();
  // Others' changes reach the totals, the charts and the overdue list without a reload.
  const revision = useDashboardRevision();
  useEffect(() => {
    if (revision) refresh();
  }, [revision]);
  const byParty = useMemo(() => (data?.parties ?? []).map((p) => ({ key: p.code, label: p.name })), [data?.parties]);
  const byTheme = useMemo(() => (data?.themes ?? []).map((th) => ({ key: th.slug, label: th.name })), [data?.themes]);
  const recent = useMemo(() => data?.activity.edges.map((e) => e.node) ?? null, [data?.activity]);

  return (
    <Stack>
      <Group justify="space-between" align="baseline">
        <Title order={1}>{t('dashboard.title')}</Title>
        {data && <Text c="dimmed">{t('dashboard.total', { count: data.all.totalCount, formatted: format.number(data.all.totalCount) })}</Text>}
      </Group>
      <GettingStarted start={data ? { partyCount: data.parties.length, agreementCount: data.agreements.totalCount } : null} />
      <ErrorAlert error={error} />
      {!data && !error && <Loading />}
      {data && (
        <>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <StatusBreakdown title={t('dashboard.byParty')} groups={byParty} counted={data.byParty} />
            <StatusBreakdown title={t('dashboard.byTheme')} groups={byTheme} counted={data.byTheme} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <OverdueList overdue={data.overdue} />
            <RecentChanges loaded={recent} first={RECENT_CHANGES} />
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
