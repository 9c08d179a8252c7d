import { FormEvent, useState } from 'react';
import { Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { checkDraft, EMPTY_DRAFT, EvidenceDraft, toNewEvidenceInput } from '../evidence-draft';
import { useAddEvidence } from '../hooks/use-add-evidence';
import { EvidenceFields } from './evidence-fields';

export interface AddEvidenceFormProps {
  commitmentId: string;
  onAdded: () => void;
  onCancel: () => void;
}

export function AddEvidenceForm({ commitmentId, onAdded, onCancel }: AddEvidenceFormProps) {
  const { t } = useTranslation();
  const { addEvidence, fetching, error } = useAddEvidence();
  const [draft, setDraft] = useState<EvidenceDraft>(EMPTY_DRAFT);
  const [attempted, setAttempted] = useState(false);
  const problems = attempted ? checkDraft(draft) : {};

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    const found = checkDraft(draft);
    if (found.url || found.title) return;
    const result = await addEvidence({ commitmentId, ...toNewEvidenceInput(draft) });
    if (!result.error) onAdded();
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('evidence.add')}>
      <Stack>
        <EvidenceFields draft={draft} onChange={setDraft} problems={problems} />
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={fetching}>
            {t('evidence.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
