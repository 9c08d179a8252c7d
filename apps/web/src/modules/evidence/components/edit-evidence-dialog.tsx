import { FormEvent, useState } from 'react';
import { Button, Group, Modal, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { ErrorCode } from '@pactwatch/domain';
import { ConflictField, ConflictView } from '../../ui/conflict-view';
import { errorFacts } from '../../ui/describe-error';
import { ErrorAlert } from '../../ui/error-alert';
import { showSaved } from '../../ui/saved-notice';
import { checkDraft, draftOf, draftServerErrors, EvidenceDraft, hasProblems, toEvidenceChanges } from '../evidence-draft';
import { useUpdateEvidence } from '../hooks/use-detach-evidence';
import { EvidenceFields } from './evidence-fields';
import type { EvidenceItem } from './evidence-list';
import { useReturnFocus } from '../../ui/use-return-focus';
import { useFocusFirstInvalid } from '../../ui/use-focus-first-invalid';
import { usePhone } from '../../ui/use-phone';

export interface EditEvidenceDialogProps {
  /** The source as the page has it now: after a CONFLICT the page reloads it, and the dialog compares. */
  item: EvidenceItem & { version: number };
  onClose: () => void;
  /** After a save, and when a conflict shows the page is stale. */
  onChanged: () => void;
}

const FIELDS = ['url', 'title', 'publisher', 'publishedOn', 'kind', 'stance', 'archiveUrl'] as const;

/** Corrects a source; a stale save shows what changed meanwhile and keeps what was typed, to re-apply on the newer version. */
export function EditEvidenceDialog({ item, onClose, onChanged }: EditEvidenceDialogProps) {
  useReturnFocus();
  const { t } = useTranslation();
  const phone = usePhone();
  const { updateEvidence, fetching } = useUpdateEvidence();
  const [base, setBase] = useState<{ version: number; draft: EvidenceDraft }>({ version: item.version, draft: draftOf(item) });
  const [draft, setDraft] = useState<EvidenceDraft>(base.draft);
  const [attempted, setAttempted] = useState(false);
  const [serverError, setServerError] = useState<CombinedError | null>(null);
  const [conflict, setConflict] = useState<{ currentVersion: number } | null>(null);
  const problems = attempted ? checkDraft(draft) : {};
  const { ref: formRef, refused } = useFocusFirstInvalid();
  const fromServer = draftServerErrors(serverError);
  const label = (f: (typeof FIELDS)[number]) => t(f === 'title' ? 'evidence.titleField' : `evidence.${f}`);
  const shown = (d: EvidenceDraft, f: (typeof FIELDS)[number]) =>
    f === 'kind' ? t(`evidenceKind.${d.kind}`) : f === 'stance' ? t(`stance.${d.stance}`) : d[f] || '—';
  // The newer version, once the page has reloaded it.
  const newer = conflict && item.version >= conflict.currentVersion ? draftOf(item) : null;

  const save = async (on: { version: number; draft: EvidenceDraft }, typed: EvidenceDraft) => {
    setAttempted(true);
    setServerError(null);
    if (hasProblems(checkDraft(typed))) return refused();
    const changes = toEvidenceChanges(on.draft, typed);
    if (Object.keys(changes).length === 0) {
      onClose();
      return;
    }
    const result = await updateEvidence({ id: item.id, expectedVersion: on.version, ...changes });
    if (!result.error) {
      showSaved(t('savedNotice.sourceSaved'));
      onChanged();
      onClose();
      return;
    }
    const facts = errorFacts(result.error);
    if (facts.code === ErrorCode.CONFLICT && typeof facts.extensions.currentVersion === 'number') {
      setConflict({ currentVersion: facts.extensions.currentVersion });
      onChanged();
      return;
    }
    setServerError(result.error);
    refused();
  };

  /** Moves the form onto the newer version: fields the analyst left alone take the newer values, what they typed stays. */
  const rebase = (): [{ version: number; draft: EvidenceDraft }, EvidenceDraft] => {
    if (!conflict) return [base, draft];
    const now = newer ?? base.draft;
    const next = { version: conflict.currentVersion, draft: now };
    const typed = { ...draft };
    for (const f of FIELDS) if (draft[f] === base.draft[f]) (typed as Record<string, string | undefined>)[f] = now[f];
    setBase(next);
    setDraft(typed);
    setConflict(null);
    return [next, typed];
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(base, draft);
  };

  const title = t('dataEntry.evidence.editTitle', { title: item.title });
  return (
    <Modal opened onClose={onClose} title={title} size="lg" fullScreen={phone} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {conflict ? (
        <ConflictView
          readVersion={base.version}
          currentVersion={conflict.currentVersion}
          changed={
            newer
              ? FIELDS.filter((f) => newer[f] !== base.draft[f]).map((f): ConflictField => ({ label: label(f), before: shown(base.draft, f), now: shown(newer, f) }))
              : []
          }
          pending={FIELDS.filter((f) => draft[f] !== base.draft[f]).map((f) => ({ label: label(f), value: shown(draft, f) }))}
          busy={fetching}
          onReapply={() => void save(...rebase())}
          onEdit={() => rebase()}
          onDiscard={onClose}
        />
      ) : (
        <form ref={formRef} onSubmit={submit} noValidate aria-label={title}>
          <Stack>
            <EvidenceFields draft={draft} onChange={(d) => { setDraft(d); setServerError(null); }} problems={problems} serverErrors={fromServer} />
            {serverError && !Object.keys(fromServer).length && <ErrorAlert error={serverError} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={fetching}>
                {t('dataEntry.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
