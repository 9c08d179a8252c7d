import { useState } from 'react';
import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { Permission } from '@pactwatch/domain';
import { useTranslation } from 'react-i18next';
import { CommitmentFilters } from '../modules/commitments/components/commitment-filters';
import { CommitmentViewSwitch } from '../modules/commitments/components/commitment-view-switch';
import { CommitmentTable } from '../modules/commitments/components/commitment-table';
import { ExportMenu } from '../modules/commitments/components/export-menu';
import { ImportDialog } from '../modules/commitments/components/import-dialog';
import { useCan } from '../modules/session/hooks/use-can';
import { fromSavedView, isFiltered, toCommitmentFilter, toCommitmentOrder } from '../modules/commitments/commitment-query';
import { useCommitmentFilterOptions } from '../modules/commitments/hooks/use-commitment-filter-options';
import { useCommitmentQueryState } from '../modules/commitments/hooks/use-commitment-query-state';
import { useFindCommitments } from '../modules/commitments/hooks/use-find-commitments';
import { useFollowCommitmentChanges } from '../modules/commitments/hooks/use-follow-commitment-changes';
import { SavedViewsBar } from '../modules/saved-views/components/saved-views-bar';
import { useSession } from '../modules/session/hooks/use-session';
import { ErrorAlert } from '../modules/ui/error-alert';
import { Loading } from '../modules/ui/loading';
import { useFormat } from '../modules/ui/use-format';
import { WatchButton } from '../modules/watches/components/watch-button';

export default function CommitmentsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [state, update] = useCommitmentQueryState();
  const { data: options } = useCommitmentFilterOptions();
  const list = useFindCommitments(toCommitmentFilter(state), toCommitmentOrder(state));
  const { outdated, clearOutdated } = useFollowCommitmentChanges(list, isFiltered(state) || state.sort !== null);
  const person = useSession().me.kind === 'USER';
  const canWrite = useCan(Permission.WRITE);
  const [importing, setImporting] = useState(false);
  // One party or one theme chosen: it can be followed in the digest as a whole.
  const party = state.parties.length === 1 ? options?.parties.find((p) => p.code === state.parties[0]) : undefined;
  const theme = state.themes.length === 1 ? options?.themes.find((th) => th.slug === state.themes[0]) : undefined;

  return (
    <Stack>
      <Group justify="space-between" align="baseline">
        <Title order={1}>{t('commitments.title')}</Title>
        <Group gap="sm" align="baseline">
          {list.totalCount !== null && (
            <Text c="dimmed" aria-live="polite" data-testid="result-count">
              {t('commitments.results', { count: list.totalCount, formatted: format.number(list.totalCount) })}
            </Text>
          )}
          <CommitmentViewSwitch view="list" />
          <ExportMenu filter={toCommitmentFilter(state)} />
          {canWrite && (
            <Button size="xs" variant="default" onClick={() => setImporting(true)}>
              {t('import.open')}
            </Button>
          )}
        </Group>
      </Group>
      {person && (
        <SavedViewsBar filter={toCommitmentFilter(state)} order={toCommitmentOrder(state)} onOpen={(filter, order) => update(fromSavedView(filter, order))} />
      )}
      <CommitmentFilters state={state} onChange={update} options={options} person={person} />
      {person && (party || theme) && (
        <Group gap="xs">
          {party && <WatchButton size="xs" subjectType="PARTY" subjectId={party.id} name={party.name} />}
          {theme && <WatchButton size="xs" subjectType="THEME" subjectId={theme.id} name={theme.name} />}
        </Group>
      )}
      {outdated && (
        <Alert color="blue" role="status" data-testid="list-outdated">
          <Group justify="space-between" gap="sm">
            <Text size="sm">{t('commitments.outdated')}</Text>
            <Button
              size="xs"
              variant="light"
              onClick={() => {
                clearOutdated();
                list.reload();
              }}
            >
              {t('commitments.reload')}
            </Button>
          </Group>
        </Alert>
      )}
      {importing && <ImportDialog onClose={() => setImporting(false)} onImported={() => list.reload()} />}
      <ErrorAlert error={list.error} />
      {list.totalCount === null && !list.error && <Loading />}
      {list.totalCount === 0 && <Text>{t('commitments.none')}</Text>}
      {!!list.totalCount && (
        <CommitmentTable rows={list.rows} totalCount={list.totalCount} hasNextPage={list.hasNextPage} onLoadMore={list.loadMore} />
      )}
    </Stack>
  );
}
