import { memo, useEffect, useState } from 'react';
import { Button, Group, MultiSelect, NativeSelect, Select, SimpleGrid, TextInput } from '@mantine/core';
import { usePhone } from '../../ui/use-phone';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { CommitmentPriority, CommitmentStatus } from '@pactwatch/domain';
import type { CommitmentFilterOptionsQuery, CommitmentOrderField } from '../../../gql/graphql';
import { ASSIGNEE_ME, CommitmentQueryState, EMPTY_QUERY, isFiltered, ORDER_FIELDS } from '../commitment-query';
import { DateField } from '../../ui/date-field';

export interface CommitmentFiltersProps {
  state: CommitmentQueryState;
  onChange: (change: Partial<CommitmentQueryState>) => void;
  options: CommitmentFilterOptionsQuery | undefined;
  /** Whether "me" can be offered as an assignee: an API key is no one. */
  person?: boolean;
}

/** Memoised: pages of results arriving re-render the list, not the dozen inputs above it. */
export const CommitmentFilters = memo(function CommitmentFilters({ state, onChange, options, person = true }: CommitmentFiltersProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(state.search);
  const [debounced] = useDebouncedValue(text, 300);
  // On a phone the search stays and the other filters fold behind a button, so results come first.
  const phone = usePhone();
  const [unfolded, setUnfolded] = useState(false);
  const folded = !unfolded;
  const active = activeFilters(state);

  // Typing settles before it reaches the URL; a URL changed elsewhere (back button) refills the box.
  useEffect(() => {
    // Only a settled change of the text counts, not every new state or callback.
    if (debounced.trim() !== state.search) onChange({ search: debounced });
  }, [debounced]);
  useEffect(() => setText((current) => (current.trim() === state.search ? current : state.search)), [state.search]);

  const statusData = Object.values(CommitmentStatus).map((s) => ({ value: s, label: t(`status.${s}`) }));
  const priorityData = Object.values(CommitmentPriority).map((p) => ({ value: p, label: t(`priority.${p}`) }));
  const partyData = (options?.parties ?? []).map((p) => ({ value: p.code, label: p.name }));
  const themeData = (options?.themes ?? []).map((th) => ({ value: th.slug, label: th.name }));
  const ownerData = (options?.organizations ?? []).map((o) => ({ value: o.id, label: `${o.acronym} — ${o.name}` }));
  const agreementData = (options?.agreements.edges ?? []).map(({ node }) => ({ value: node.id, label: node.title }));
  const memberData = (options?.members ?? []).map((m) => ({ value: m.user.id, label: m.user.name })).sort((a, b) => a.label.localeCompare(b.label));
  const assigneeData = [...(person ? [{ value: ASSIGNEE_ME, label: t('commitments.assigneeMe') }] : []), ...memberData];

  const more = (
    <>
      <MultiSelect label={t('commitments.columns.status')} data={statusData} value={state.status} onChange={(v) => onChange({ status: v as CommitmentStatus[] })} clearable />
      <MultiSelect label={t('commitments.columns.parties')} data={partyData} value={state.parties} onChange={(v) => onChange({ parties: v })} clearable />
      <MultiSelect label={t('commitments.theme')} data={themeData} value={state.themes} onChange={(v) => onChange({ themes: v })} clearable />
      <Select label={t('commitments.agreement')} data={agreementData} value={state.agreementId} onChange={(v) => onChange({ agreementId: v })} clearable searchable />
      <MultiSelect label={t('commitments.columns.owner')} data={ownerData} value={state.owners} onChange={(v) => onChange({ owners: v })} clearable searchable />
      <MultiSelect label={t('commitments.columns.priority')} data={priorityData} value={state.priorities} onChange={(v) => onChange({ priorities: v as CommitmentPriority[] })} clearable />
      <NativeSelect
        label={t('commitments.overdue')}
        value={state.overdue === null ? '' : String(state.overdue)}
        onChange={(e) => onChange({ overdue: e.currentTarget.value === '' ? null : e.currentTarget.value === 'true' })}
        data={[
          { value: '', label: t('commitments.overdueAny') },
          { value: 'true', label: t('commitments.overdueOnly') },
          { value: 'false', label: t('commitments.overdueNot') },
        ]}
      />
      <NativeSelect
        label={t('commitments.brokenSources')}
        value={state.brokenSources === null ? '' : String(state.brokenSources)}
        onChange={(e) => onChange({ brokenSources: e.currentTarget.value === '' ? null : e.currentTarget.value === 'true' })}
        data={[
          { value: '', label: t('commitments.brokenSourcesAny') },
          { value: 'true', label: t('commitments.brokenSourcesOnly') },
          { value: 'false', label: t('commitments.brokenSourcesNone') },
        ]}
      />
      <Select
        label={t('commitments.assignee')}
        data={assigneeData}
        value={state.assignee}
        onChange={(v) => onChange({ assignee: v })}
        clearable
        searchable
      />
      <DateField label={t('commitments.dueAfter')} value={state.dueAfter ?? ''} onChange={(v) => onChange({ dueAfter: v || null })} />
      <DateField label={t('commitments.dueBefore')} value={state.dueBefore ?? ''} onChange={(v) => onChange({ dueBefore: v || null })} />
      <NativeSelect
        label={t('commitments.sortBy')}
        value={state.sort ?? ''}
        onChange={(e) => onChange({ sort: (e.currentTarget.value || null) as CommitmentOrderField | null })}
        data={[{ value: '', label: t('commitments.sort.DEFAULT') }, ...ORDER_FIELDS.map((f) => ({ value: f, label: t(`commitments.sort.${f}`) }))]}
      />
      <NativeSelect
        label={t('commitments.direction')}
        value={state.direction}
        disabled={!state.sort}
        onChange={(e) => onChange({ direction: e.currentTarget.value === 'DESC' ? 'DESC' : 'ASC' })}
        data={[
          { value: 'ASC', label: t('commitments.ascending') },
          { value: 'DESC', label: t('commitments.descending') },
        ]}
      />
    </>
  );

  return (
    <form role="search" aria-label={t('commitments.filters')} onSubmit={(e) => e.preventDefault()}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
        <TextInput type="search" label={t('commitments.search')} placeholder={t('commitments.searchHint')} value={text} onChange={(e) => setText(e.currentTarget.value)} />
        {phone && (
          <Button variant="default" onClick={() => setUnfolded((u) => !u)} aria-expanded={!folded} aria-controls="commitment-filters-more">
            {t(folded ? 'commitments.showFilters' : 'commitments.hideFilters', { count: active })}
          </Button>
        )}
        {!phone && more}
      </SimpleGrid>
      {phone && unfolded && (
        <SimpleGrid cols={1} spacing="sm" mt="sm" id="commitment-filters-more">
          {more}
        </SimpleGrid>
      )}
      {isFiltered(state) && (
        <Group mt="sm">
          <Button variant="subtle" size="xs" onClick={() => { setText(''); onChange({ ...EMPTY_QUERY, sort: state.sort, direction: state.direction }); }}>
            {t('commitments.clear')}
          </Button>
        </Group>
      )}
    </form>
  );
});

/** How many filters narrow the list (the search and the order aside). */
export function activeFilters(state: CommitmentQueryState): number {
  const lists = [state.status, state.parties, state.themes, state.owners, state.priorities].filter((l) => l.length > 0).length;
  const single = [state.agreementId, state.assignee, state.dueAfter, state.dueBefore].filter((v) => v).length;
  const flags = [state.overdue, state.brokenSources].filter((v) => v !== null).length;
  return lists + single + flags;
}
