import { FormEvent, useState } from 'react';
import { Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { checkDraft, draftServerErrors, EMPTY_DRAFT, EvidenceDraft, hasProblems, toNewEvidenceInput } from '../evidence-draft';
import { useAddEvidence } from '../hooks/use-add-evidence';
import { EvidenceFields } from './evidence-fields';
import { useFocusFirstInvalid } from '../../ui/use-focus-first-invalid';

export interface AddEvidenceFormProps {
  /** What the source is added to: a commitment or an agreement. */
  subject: { commitmentId: string } | { agreementId: string };
  onAdded: () => void;
  onCancel: () => void;
}

export function AddEvidenceForm({ subject, onAdded, onCancel }: AddEvidenceFormProps) {
  const { t } = useTranslation();
  const { addEvidence, fetching, error } = useAddEvidence();
  const [draft, setDraft] = useState<EvidenceDraft>(EMPTY_DRAFT);
  const [attempted, setAttempted] = useState(false);
  const [sentDraft, setSentDraft] = useState<EvidenceDraft | null>(null);
  const problems = attempted ? checkDraft(draft) : {};
  const { ref: formRef, refused } = useFocusFirstInvalid();
  // The server's refusal stays beside its field until the analyst changes what was sent.
  const fromServer = sentDraft === draft ? draftServerErrors(error) : {};

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (hasProblems(checkDraft(draft))) return refused();
    setSentDraft(draft);
    const result = await addEvidence({ ...subject, ...toNewEvidenceInput(draft) });
    if (!result.error) onAdded();
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={t('evidence.add')}>
      <Stack>
        <EvidenceFields draft={draft} onChange={setDraft} problems={problems} serverErrors={fromServer} />
        {!Object.keys(fromServer).length && <ErrorAlert error={error} />}
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
