import { useState } from 'react';
import { Button, Checkbox, Group, Select, Switch, Text, TextInput } from '@mantine/core';
import { checkLabel } from '@pactwatch/domain';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import type { CommitmentFilter, CommitmentOrder } from '../../../gql/graphql';
import { describeError } from '../../ui/describe-error';
import { WatchButton } from '../../watches/components/watch-button';
import { useDeleteView } from '../hooks/use-delete-view';
import { useSavedViews } from '../hooks/use-saved-views';
import { useSaveView } from '../hooks/use-save-view';
import { useUpdateView } from '../hooks/use-update-view';

export interface SavedViewsBarProps {
  /** The list's filter and order now: what "Save view" saves. */
  filter: CommitmentFilter;
  order: CommitmentOrder | null;
  /** Shows a view's filter and order in the list. */
  onOpen: (filter: Record<string, unknown>, order: Record<string, unknown> | null) => void;
}

/** Saved views of the commitment list: open one, save the current filter under a name, share, watch, delete. */
export function SavedViewsBar({ filter, order, onOpen }: SavedViewsBarProps) {
  const { t } = useTranslation();
  const { views, refresh } = useSavedViews();
  const { saveView, fetching: saving } = useSaveView();
  const { updateView, fetching: updating } = useUpdateView();
  const { deleteView, fetching: deleting } = useDeleteView();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const [nameError, setNameError] = useState<string | null>(null);
  const [error, setError] = useState<CombinedError | null>(null);
  const selected = views?.find((v) => v.id === selectedId) ?? null;

  const open = (id: string | null) => {
    setSelectedId(id);
    const view = views?.find((v) => v.id === id);
    if (view) onOpen(view.filter, view.order ?? null);
  };

  const save = async () => {
    const violation = checkLabel('name', name, { required: true });
    setNameError(violation ? t('views.nameInvalid') : null);
    if (violation) return;
    const result = await saveView({ name: name.trim(), filter, order, shared });
    setError(result.error ?? null);
    if (result.data) {
      setNaming(false);
      setName('');
      setShared(false);
      refresh();
      setSelectedId(result.data.saveView.view.id);
    }
  };

  const toggleShared = async (next: boolean) => {
    if (!selected) return;
    const result = await updateView({ id: selected.id, expectedVersion: selected.version, shared: next });
    setError(result.error ?? null);
    refresh();
  };

  const remove = async () => {
    if (!selected || !window.confirm(t('views.confirmDelete', { name: selected.name }))) return;
    const result = await deleteView(selected.id, selected.version);
    setError(result.error ?? null);
    if (!result.error) setSelectedId(null);
    refresh();
  };

  const data = [
    { group: t('views.mine'), items: (views ?? []).filter((v) => v.mine).map((v) => ({ value: v.id, label: v.name })) },
    { group: t('views.sharedGroup'), items: (views ?? []).filter((v) => !v.mine).map((v) => ({ value: v.id, label: t('views.byOwner', { name: v.name, owner: v.ownerName }) })) },
  ].filter((g) => g.items.length);

  return (
    <Group gap="sm" align="flex-end" data-testid="saved-views">
      <Select
        label={t('views.label')}
        placeholder={views?.length ? t('views.choose') : t('views.none')}
        data={data}
        value={selectedId}
        onChange={open}
        clearable
        searchable
        w={260}
      />
      {selected && <WatchButton size="xs" subjectType="VIEW" subjectId={selected.id} name={selected.name} />}
      {selected?.mine && (
        <>
          <Switch label={t('views.shared')} checked={selected.shared} disabled={updating} onChange={(e) => void toggleShared(e.currentTarget.checked)} />
          <Button size="xs" variant="subtle" color="red" loading={deleting} onClick={() => void remove()}>
            {t('views.delete')}
          </Button>
        </>
      )}
      {naming ? (
        <Group gap="xs" align="flex-end">
          <TextInput label={t('views.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={nameError} maxLength={200} data-autofocus />
          <Checkbox label={t('views.shareWithWorkspace')} checked={shared} onChange={(e) => setShared(e.currentTarget.checked)} />
          <Button size="xs" loading={saving} onClick={() => void save()}>
            {t('views.save')}
          </Button>
          <Button size="xs" variant="default" onClick={() => setNaming(false)}>
            {t('views.cancel')}
          </Button>
        </Group>
      ) : (
        <Button size="xs" variant="default" onClick={() => setNaming(true)}>
          {t('views.saveView')}
        </Button>
      )}
      {error && (
        <Text size="xs" c="red.8" role="alert">
          {describeError(error, t)}
        </Text>
      )}
    </Group>
  );
}
