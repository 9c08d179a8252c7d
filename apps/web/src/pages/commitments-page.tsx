import { Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CommitmentFilters } from '../modules/commitments/components/commitment-filters';
import { CommitmentTable } from '../modules/commitments/components/commitment-table';
import { toCommitmentFilter, toCommitmentOrder } from '../modules/commitments/commitment-query';
import { useCommitmentFilterOptions } from '../modules/commitments/hooks/use-commitment-filter-options';
import { useCommitmentQueryState } from '../modules/commitments/hooks/use-commitment-query-state';
import { useFindCommitments } from '../modules/commitments/hooks/use-find-commitments';
import { ErrorAlert } from '../modules/ui/error-alert';
import { Loading } from '../modules/ui/loading';
import { useFormat } from '../modules/ui/use-format';

export default function CommitmentsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [state, update] = useCommitmentQueryState();
  const { data: options } = useCommitmentFilterOptions();
  const list = useFindCommitments(toCommitmentFilter(state), toCommitmentOrder(state));

  return (
    <Stack>
      <Group justify="space-between" align="baseline">
        <Title order={1}>{t('commitments.title')}</Title>
        {list.totalCount !== null && (
          <Text c="dimmed" aria-live="polite" data-testid="result-count">
            {t('commitments.results', { count: list.totalCount, formatted: format.number(list.totalCount) })}
          </Text>
        )}
      </Group>
      <CommitmentFilters state={state} onChange={update} options={options} />
      <ErrorAlert error={list.error} />
      {list.totalCount === null && !list.error && <Loading />}
      {list.totalCount === 0 && <Text>{t('commitments.none')}</Text>}
      {!!list.totalCount && (
        <CommitmentTable rows={list.rows} totalCount={list.totalCount} hasNextPage={list.hasNextPage} onLoadMore={list.loadMore} />
      )}
    </Stack>
  );
}
