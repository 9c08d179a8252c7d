import { FormEvent, useState } from 'react';
import { Button, Group, NativeSelect, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { CommitmentLinkKind } from '@pactwatch/domain';
import { ErrorAlert } from '../../ui/error-alert';
import { serverFieldErrors } from '../../ui/server-field-errors';
import { useFindCommitmentsToLink } from '../hooks/use-find-commitments-to-link';
import { useLinkCommitments } from '../hooks/use-link-commitments';

export interface LinkCommitmentFormProps {
  commitmentId: string;
  onLinked: () => void;
  onCancel: () => void;
}

/** Links this commitment to another, found by the words of its title. */
export function LinkCommitmentForm({ commitmentId, onLinked, onCancel }: LinkCommitmentFormProps) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<CommitmentLinkKind>(CommitmentLinkKind.RECIPROCAL);
  const [search, setSearch] = useState('');
  const [other, setOther] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<CombinedError | null>(null);
  const { found, fetching: searching } = useFindCommitmentsToLink(search);
  const { linkCommitments, fetching } = useLinkCommitments();
  const candidates = found.filter((c) => c.id !== commitmentId);
  const fromServer = serverFieldErrors(error);
  const otherError = (attempted && !other ? t('dataEntry.links.pickOne') : undefined) ?? fromServer.toCommitmentId ?? fromServer.fromCommitmentId;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    setError(null);
    if (!other) return;
    const result = await linkCommitments({ fromCommitmentId: commitmentId, toCommitmentId: other, kind });
    if (result.error) setError(result.error);
    else onLinked();
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('dataEntry.links.add')}>
      <Stack gap="sm">
        <NativeSelect
          label={t('dataEntry.links.kind')}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as CommitmentLinkKind)}
          data={Object.values(CommitmentLinkKind).map((k) => ({ value: k, label: t(`dataEntry.links.kinds.${k}`) }))}
          error={fromServer.kind}
        />
        <TextInput label={t('dataEntry.links.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} data-autofocus />
        <Radio.Group label={t('dataEntry.links.other')} value={other} onChange={setOther} error={otherError}>
          <Stack gap={6} mt="xs">
            {candidates.map((c) => (
              <Radio key={c.id} value={c.id} label={c.title} />
            ))}
            {search.trim().length >= 2 && !searching && candidates.length === 0 && <Text size="sm" c="dimmed">{t('dataEntry.links.noMatch')}</Text>}
          </Stack>
        </Radio.Group>
        {error && !otherError && !fromServer.kind && <ErrorAlert error={error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={fetching}>
            {t('dataEntry.links.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
