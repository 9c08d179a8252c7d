import { FormEvent, useState } from 'react';
import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { CommitmentStatus, ErrorCode } from '@pactwatch/domain';
import { errorFacts } from '../../ui/describe-error';
import { ErrorAlert } from '../../ui/error-alert';
import { showSaved } from '../../ui/saved-notice';
import { useChangeCommitmentStatus, useRecordProgress } from '../hooks/use-change-commitment-status';
import {
  checkStatusChangeForm,
  CommitmentSnapshot,
  ConflictFacts,
  emptyForm,
  ExistingSource,
  hasProblems,
  LatestChange,
  PROGRESS,
  StatusChangeForm,
  toChangeStatusInput,
  toRecordProgressInput,
} from '../status-change-form';
import { StatusChangeConflict } from './status-change-conflict';
import { StatusChangeFields } from './status-change-fields';
import { useReturnFocus } from '../../ui/use-return-focus';
import { useFocusFirstInvalid } from '../../ui/use-focus-first-invalid';
import { usePhone } from '../../ui/use-phone';

export interface StatusChangeDialogProps {
  commitment: CommitmentSnapshot;
  existingEvidence: readonly ExistingSource[];
  /** Updates when the page reloads the commitment, so a conflict can say who changed it. */
  latestChange?: LatestChange | null;
  /** The status the dialog opens on (a move picked on the board); the analyst can still choose another. */
  initialTo?: CommitmentStatus;
  onClose: () => void;
  /** After a save, and when a conflict shows the page is stale: reload the commitment. */
  onChanged: () => void;
}

/** Mounted when opened: it keeps the version it was opened on until the analyst saves or re-applies. */
export function StatusChangeDialog({ commitment, existingEvidence, latestChange, initialTo, onClose, onChanged }: StatusChangeDialogProps) {
  useReturnFocus();
  const { t } = useTranslation();
  const phone = usePhone();
  const { changeStatus, fetching: changing } = useChangeCommitmentStatus();
  const { recordProgress, fetching: recording } = useRecordProgress();
  const fetching = changing || recording;
  const [base, setBase] = useState<CommitmentSnapshot>(commitment);
  const [form, setForm] = useState<StatusChangeForm>(() => ({ ...emptyForm(), to: initialTo && initialTo !== commitment.status ? initialTo : '' }));
  const [attempted, setAttempted] = useState(false);
  const [conflict, setConflict] = useState<ConflictFacts | null>(null);
  const [serverError, setServerError] = useState<CombinedError | null>(null);
  const { ref: formRef, refused } = useFocusFirstInvalid();
  const problems = attempted ? checkStatusChangeForm(base.status, form, undefined, existingEvidence) : null;
  // The page behind updates live; the form stays on the version it was opened on until the analyst saves.
  const changedMeanwhile = commitment.version > base.version;

  const save = async (on: CommitmentSnapshot) => {
    setAttempted(true);
    setServerError(null);
    if (hasProblems(checkStatusChangeForm(on.status, form, undefined, existingEvidence))) return refused();
    // A progress note leaves the status and version alone: it has no version to be stale against.
    const result = form.to === PROGRESS ? await recordProgress(toRecordProgressInput(on.id, form)) : await changeStatus(toChangeStatusInput(on.id, on.version, form));
    if (!result.error) {
      showSaved(form.to === PROGRESS ? t('savedNotice.progressRecorded') : t('savedNotice.statusChanged', { status: t(`status.${form.to}`) }));
      onChanged();
      onClose();
      return;
    }
    const facts = errorFacts(result.error);
    if (facts.code === ErrorCode.CONFLICT && typeof facts.extensions.currentVersion === 'number') {
      setConflict({ currentVersion: facts.extensions.currentVersion, current: (facts.extensions.current ?? {}) as ConflictFacts['current'] });
      onChanged();
      return;
    }
    setServerError(result.error);
    refused();
  };

  /** The typed note and sources as a progress note (after someone else made the same move). */
  const saveProgress = async (on: CommitmentSnapshot, progressForm: StatusChangeForm) => {
    setServerError(null);
    const result = await recordProgress(toRecordProgressInput(on.id, progressForm));
    if (!result.error) {
      showSaved(t('savedNotice.progressRecorded'));
      onChanged();
      onClose();
      return;
    }
    setServerError(result.error);
  };

  /** Moves the form onto the newer version: the analyst's change stays as it was typed. */
  const rebase = (facts: ConflictFacts): CommitmentSnapshot => {
    const next = { ...base, ...facts.current, version: facts.currentVersion };
    setBase(next);
    setConflict(null);
    return next;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(base);
  };

  return (
    <Modal opened onClose={onClose} title={t('statusChange.title', { title: commitment.title })} size="lg" fullScreen={phone} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {conflict && form.to && form.to === conflict.current.status && (
        // Someone made the same move first: re-applying would be refused ("already …"), but the
        // note and sources typed here need not be lost. They can go in as a progress note.
        <Alert color="blue" mb="md" data-testid="same-move">
          <Stack gap="xs">
            <span>{t('statusChange.sameMove', { status: t(`status.${form.to}`) })}</span>
            <Group>
              <Button
                size="xs"
                loading={fetching}
                disabled={!form.note.trim()}
                onClick={() => {
                  const next = { ...form, to: PROGRESS, reasonCode: '' } as StatusChangeForm;
                  setForm(next);
                  void saveProgress(rebase(conflict), next);
                }}
              >
                {t('statusChange.keepAsProgress')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      {conflict ? (
        <StatusChangeConflict
          base={base}
          conflict={conflict}
          latestChange={latestChange && latestChange.commitmentVersion > base.version ? latestChange : null}
          form={form}
          existingEvidence={existingEvidence}
          busy={fetching}
          onReapply={() => void save(rebase(conflict))}
          onEdit={() => rebase(conflict)}
          onDiscard={onClose}
        />
      ) : (
        <form ref={formRef} onSubmit={submit} noValidate>
          <Stack>
            {changedMeanwhile && (
              <Alert color="orange" data-testid="changed-meanwhile">
                {t('statusChange.changedMeanwhile', { version: commitment.version })}
              </Alert>
            )}
            <StatusChangeFields from={base.status} form={form} onChange={setForm} problems={problems} existingEvidence={existingEvidence} />
            <ErrorAlert error={serverError} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={fetching}>
                {t('statusChange.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
