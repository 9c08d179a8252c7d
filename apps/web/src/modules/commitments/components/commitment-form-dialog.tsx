import { FormEvent, useState } from 'react';
import { Button, Checkbox, Group, Modal, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { CommitmentPriority, ErrorCode } from '@pactwatch/domain';
import { errorFacts } from '../../ui/describe-error';
import { ConflictField, ConflictView } from '../../ui/conflict-view';
import { ErrorAlert } from '../../ui/error-alert';
import { showSaved } from '../../ui/saved-notice';
import { describeViolation } from '../../reference-data/field-rules';
import { serverFieldErrors } from '../../ui/server-field-errors';
import {
  checkCommitmentForm,
  CommitmentFormSnapshot,
  CommitmentFormValues,
  EMPTY_COMMITMENT,
  toCreateCommitmentInput,
  toUpdateCommitmentInput,
} from '../commitment-form';
import { useCommitmentFormOptions } from '../hooks/use-commitment-form-options';
import { useCreateCommitment, useUpdateCommitment } from '../hooks/use-save-commitment';
import { useReturnFocus } from '../../ui/use-return-focus';
import { useFocusFirstInvalid } from '../../ui/use-focus-first-invalid';
import { usePhone } from '../../ui/use-phone';
import { DateField } from '../../ui/date-field';

export interface CommitmentFormDialogProps {
  /** The commitment to edit, as read; none to create one. */
  commitment?: CommitmentFormSnapshot;
  /** For a new one: the agreement it belongs to, when known. */
  agreementId?: string;
  onClose: () => void;
  /** After a save (with the commitment's id), and when a conflict shows the page is stale. */
  onSaved: (id: string) => void;
}

const COMPARED = ['title', 'description', 'sourceQuote', 'dueOn', 'priority', 'ownerOrganizationId', 'ownerPersonId'] as const;

/** Creates or edits a commitment; a stale edit shows what changed meanwhile and keeps what was typed. */
export function CommitmentFormDialog({ commitment, agreementId, onClose, onSaved }: CommitmentFormDialogProps) {
  useReturnFocus();
  const { t } = useTranslation();
  const phone = usePhone();
  const options = useCommitmentFormOptions();
  const { createCommitment, fetching: creating } = useCreateCommitment();
  const { updateCommitment, fetching: updating } = useUpdateCommitment();
  const [base, setBase] = useState<CommitmentFormSnapshot | undefined>(commitment);
  const [values, setValues] = useState<CommitmentFormValues>(commitment ?? { ...EMPTY_COMMITMENT, agreementId: agreementId ?? '' });
  const [attempted, setAttempted] = useState(false);
  const [serverError, setServerError] = useState<CombinedError | null>(null);
  const { ref: formRef, refused } = useFocusFirstInvalid();
  const [conflict, setConflict] = useState<{ currentVersion: number; current: Partial<CommitmentFormValues> } | null>(null);
  const problems = attempted ? checkCommitmentForm(values) : {};
  const fromServer = serverFieldErrors(serverError);
  // The client's own check speaks the reader's language; the server's words name the cause.
  const errorOf = (field: keyof CommitmentFormValues) => {
    const problem = problems[field];
    return problem ? describeViolation({ field, message: problem }, t) : fromServer[field];
  };
  const set = <K extends keyof CommitmentFormValues>(field: K, value: CommitmentFormValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setServerError(null);
  };
  const agreement = options.agreements.find((a) => a.id === values.agreementId);
  const named = (field: (typeof COMPARED)[number], value: string) => {
    if (field === 'priority') return t(`priority.${value}`);
    if (field === 'ownerOrganizationId') return options.organizations.find((o) => o.id === value)?.acronym ?? '—';
    if (field === 'ownerPersonId') return options.people.find((p) => p.id === value)?.name ?? '—';
    return value || '—';
  };

  const save = async (on: CommitmentFormSnapshot | undefined, typed: CommitmentFormValues = values) => {
    setAttempted(true);
    setServerError(null);
    if (Object.keys(checkCommitmentForm(typed)).length) return refused();
    const result = on ? await updateCommitment(toUpdateCommitmentInput(on, typed)) : await createCommitment(toCreateCommitmentInput(typed));
    const saved = result.data && ('updateCommitment' in result.data ? result.data.updateCommitment : result.data.createCommitment);
    if (!result.error && saved) {
      showSaved(t(on ? 'savedNotice.commitmentSaved' : 'savedNotice.commitmentCreated'));
      onSaved(saved.commitment.id);
      onClose();
      return;
    }
    if (!result.error) return;
    const facts = errorFacts(result.error);
    if (on && facts.code === ErrorCode.CONFLICT && typeof facts.extensions.currentVersion === 'number') {
      setConflict({ currentVersion: facts.extensions.currentVersion, current: asFormValues(facts.extensions.current) });
      onSaved(on.id);
      return;
    }
    setServerError(result.error);
    refused();
  };

  /** Moves the form onto the newer version: fields the analyst left alone take the newer values, what they typed stays. */
  const rebase = (): [CommitmentFormSnapshot | undefined, CommitmentFormValues] => {
    if (!base || !conflict) return [base, values];
    const next = { ...base, ...conflict.current, version: conflict.currentVersion };
    const kept = { ...values } as Record<string, unknown>;
    for (const [field, value] of Object.entries(conflict.current)) if (values[field as keyof CommitmentFormValues] === base[field as keyof CommitmentFormValues]) kept[field] = value;
    const typed = kept as unknown as CommitmentFormValues;
    setBase(next);
    setValues(typed);
    setConflict(null);
    return [next, typed];
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(base);
  };

  const title = commitment ? t('dataEntry.commitment.editTitle', { title: commitment.title }) : t('dataEntry.commitment.createTitle');
  return (
    <Modal opened onClose={onClose} title={title} size="lg" fullScreen={phone} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {conflict && base ? (
        <ConflictView
          readVersion={base.version}
          currentVersion={conflict.currentVersion}
          changed={COMPARED.filter((f) => conflict.current[f] !== undefined && conflict.current[f] !== base[f]).map(
            (f): ConflictField => ({ label: t(`dataEntry.fields.${f}`), before: named(f, base[f]), now: named(f, conflict.current[f] as string) }),
          )}
          pending={COMPARED.filter((f) => values[f] !== base[f]).map((f) => ({ label: t(`dataEntry.fields.${f}`), value: named(f, values[f]) }))}
          busy={updating}
          onReapply={() => void save(...rebase())}
          onEdit={() => rebase()}
          onDiscard={onClose}
        />
      ) : (
        <form ref={formRef} onSubmit={submit} noValidate aria-label={title}>
          <Stack>
            <NativeSelect
              label={t('dataEntry.fields.agreementId')}
              required
              disabled={!!commitment}
              value={values.agreementId}
              onChange={(e) => set('agreementId', e.currentTarget.value)}
              data={[{ value: '', label: '—' }, ...options.agreements.map((a) => ({ value: a.id, label: a.title }))]}
              error={errorOf('agreementId')}
            />
            <TextInput label={t('dataEntry.fields.title')} required value={values.title} onChange={(e) => set('title', e.currentTarget.value)} error={errorOf('title')} data-autofocus />
            <Checkbox.Group label={t('dataEntry.fields.partyCodes')} description={t('dataEntry.commitment.partiesHint')} value={values.partyCodes} onChange={(v) => set('partyCodes', v)} error={errorOf('partyCodes')}>
              <Group mt="xs">
                {(agreement?.parties ?? []).map((p) => (
                  <Checkbox key={p.code} value={p.code} label={`${p.name} (${p.code})`} />
                ))}
              </Group>
            </Checkbox.Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect
                label={t('dataEntry.fields.ownerOrganizationId')}
                value={values.ownerOrganizationId}
                onChange={(e) => set('ownerOrganizationId', e.currentTarget.value)}
                data={[{ value: '', label: '—' }, ...options.organizations.map((o) => ({ value: o.id, label: `${o.acronym} — ${o.name}` }))]}
                error={errorOf('ownerOrganizationId')}
              />
              <NativeSelect
                label={t('dataEntry.fields.ownerPersonId')}
                value={values.ownerPersonId}
                onChange={(e) => set('ownerPersonId', e.currentTarget.value)}
                data={[{ value: '', label: '—' }, ...options.people.map((p) => ({ value: p.id, label: p.name }))]}
                error={errorOf('ownerPersonId')}
              />
              <DateField label={t('dataEntry.fields.dueOn')} value={values.dueOn} onChange={(v) => set('dueOn', v)} error={errorOf('dueOn')} />
              <NativeSelect
                label={t('dataEntry.fields.priority')}
                value={values.priority}
                onChange={(e) => set('priority', e.currentTarget.value as CommitmentPriority)}
                data={Object.values(CommitmentPriority).map((p) => ({ value: p, label: t(`priority.${p}`) }))}
                error={errorOf('priority')}
              />
            </SimpleGrid>
            <Checkbox.Group label={t('dataEntry.fields.themes')} value={values.themes} onChange={(v) => set('themes', v)} error={errorOf('themes')}>
              <Group mt="xs">
                {options.themes.map((th) => (
                  <Checkbox key={th.slug} value={th.slug} label={th.name} />
                ))}
              </Group>
            </Checkbox.Group>
            <Textarea label={t('dataEntry.fields.description')} autosize minRows={3} value={values.description} onChange={(e) => set('description', e.currentTarget.value)} error={errorOf('description')} />
            <Textarea label={t('dataEntry.fields.sourceQuote')} description={t('dataEntry.commitment.quoteHint')} autosize minRows={2} value={values.sourceQuote} onChange={(e) => set('sourceQuote', e.currentTarget.value)} error={errorOf('sourceQuote')} />
            {serverError && !Object.keys(fromServer).length && <ErrorAlert error={serverError} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={creating || updating}>
                {t('dataEntry.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

/** The newer version a CONFLICT tells of, in the form's own terms (no nulls). */
function asFormValues(current: unknown): Partial<CommitmentFormValues> {
  const c = (current ?? {}) as Record<string, unknown>;
  const out: Partial<Record<(typeof COMPARED)[number], string>> = {};
  for (const f of COMPARED) if (f in c) out[f] = c[f] == null ? '' : String(c[f]);
  return out as Partial<CommitmentFormValues>;
}
