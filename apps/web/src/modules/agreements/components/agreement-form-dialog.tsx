import { FormEvent, useState } from 'react';
import { Alert, Button, Checkbox, Fieldset, Group, Modal, MultiSelect, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { AgreementKind, ErrorCode } from '@pactwatch/domain';
import { errorFacts } from '../../ui/describe-error';
import { ConflictField, ConflictView } from '../../ui/conflict-view';
import { ErrorAlert } from '../../ui/error-alert';
import { showSaved } from '../../ui/saved-notice';
import { describeViolation } from '../../reference-data/field-rules';
import { serverFieldErrors } from '../../ui/server-field-errors';
import {
  AgreementFormValues,
  AgreementSnapshot,
  checkAgreementForm,
  EMPTY_AGREEMENT,
  toCreateAgreementInput,
  toUpdateAgreementInput,
} from '../agreement-form';
import { useAgreementFormOptions } from '../hooks/use-agreement-form-options';
import { useCreateAgreement, useUpdateAgreement } from '../hooks/use-save-agreement';
import { EvidenceFields } from '../../evidence/components/evidence-fields';
import { checkDraft, draftServerErrors, EMPTY_DRAFT, EvidenceDraft, hasProblems, isBlankDraft, toNewEvidenceInput } from '../../evidence/evidence-draft';
import { useAddEvidence } from '../../evidence/hooks/use-add-evidence';
import { useReturnFocus } from '../../ui/use-return-focus';
import { useFocusFirstInvalid } from '../../ui/use-focus-first-invalid';
import { usePhone } from '../../ui/use-phone';
import { DateField } from '../../ui/date-field';

/** A source typed into the new-agreement form; `error` is the server's refusal of it, if any. */
interface SourceEntry {
  key: number;
  draft: EvidenceDraft;
  error?: CombinedError;
}

export interface AgreementFormDialogProps {
  /** The agreement to edit, as read; none to create one. */
  agreement?: AgreementSnapshot;
  onClose: () => void;
  /** After a save (with the agreement's id), and when a conflict shows the page is stale. */
  onSaved: (id: string) => void;
}

const TEXT_FIELDS = ['title', 'place', 'summary', 'heldOn', 'signedOn', 'inForceOn'] as const;

/** Creates or edits an agreement; a stale edit shows what changed meanwhile and keeps what was typed. */
export function AgreementFormDialog({ agreement, onClose, onSaved }: AgreementFormDialogProps) {
  useReturnFocus();
  const { t } = useTranslation();
  const phone = usePhone();
  const { parties, people } = useAgreementFormOptions();
  const { createAgreement, fetching: creating } = useCreateAgreement();
  const { updateAgreement, fetching: updating } = useUpdateAgreement();
  const { addEvidence, fetching: addingSources } = useAddEvidence();
  const [sources, setSources] = useState<SourceEntry[]>([]);
  const [nextKey, setNextKey] = useState(1);
  // Set once the agreement exists but a source was refused: saving again only adds the sources left.
  const [createdId, setCreatedId] = useState<string | null>(null);
  const [base, setBase] = useState<AgreementSnapshot | undefined>(agreement);
  const [values, setValues] = useState<AgreementFormValues>(agreement ?? EMPTY_AGREEMENT);
  const [attempted, setAttempted] = useState(false);
  const [serverError, setServerError] = useState<CombinedError | null>(null);
  const [conflict, setConflict] = useState<{ currentVersion: number; current: Partial<AgreementFormValues> } | null>(null);
  const problems = attempted ? checkAgreementForm(values) : {};
  const { ref: formRef, refused } = useFocusFirstInvalid();
  const fromServer = serverFieldErrors(serverError);
  // The client's own check speaks the reader's language; the server's words name the cause.
  const errorOf = (field: keyof AgreementFormValues) => {
    const problem = problems[field];
    return problem ? describeViolation({ field, message: problem }, t) : fromServer[field];
  };
  const set = <K extends keyof AgreementFormValues>(field: K, value: AgreementFormValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setServerError(null);
  };

  const save = async (on: AgreementSnapshot | undefined, typed: AgreementFormValues = values) => {
    setAttempted(true);
    setServerError(null);
    if (Object.keys(checkAgreementForm(typed)).length) return refused();
    if (!on && sources.some((s) => !isBlankDraft(s.draft) && hasProblems(checkDraft(s.draft)))) return refused();
    if (!on && createdId) {
      await addSources(createdId);
      return;
    }
    const result = on ? await updateAgreement(toUpdateAgreementInput(on, typed)) : await createAgreement(toCreateAgreementInput(typed));
    const saved = result.data && ('updateAgreement' in result.data ? result.data.updateAgreement : result.data.createAgreement);
    if (!result.error && saved) {
      if (!on) {
        await addSources(saved.agreement.id);
        return;
      }
      showSaved(t('savedNotice.agreementSaved'));
      onSaved(saved.agreement.id);
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

  /**
   * Adds the typed sources to the new agreement, one addEvidence each, in order. Those refused stay in
   * the form with the server's reason beside their field, and the form says the agreement exists.
   */
  const addSources = async (agreementId: string) => {
    const left: SourceEntry[] = [];
    for (const entry of sources) {
      if (isBlankDraft(entry.draft)) continue;
      const result = await addEvidence({ agreementId, ...toNewEvidenceInput(entry.draft) });
      if (result.error) left.push({ ...entry, error: result.error });
    }
    setSources(left);
    if (left.length === 0) {
      showSaved(t('savedNotice.agreementCreated'));
      onSaved(agreementId);
      onClose();
      return;
    }
    setCreatedId(agreementId);
  };

  const setSource = (key: number, draft: EvidenceDraft) => setSources((all) => all.map((s) => (s.key === key ? { key, draft } : s)));
  const addSourceEntry = () => {
    setSources((all) => [...all, { key: nextKey, draft: EMPTY_DRAFT }]);
    setNextKey((k) => k + 1);
  };
  const removeSource = (key: number) => setSources((all) => all.filter((s) => s.key !== key));

  /** The agreement exists: closing goes to it, without the sources still refused. */
  const closeCreated = () => {
    if (createdId) onSaved(createdId);
    onClose();
  };

  /** Moves the form onto the newer version: fields the analyst left alone take the newer values, what they typed stays. */
  const rebase = (): [AgreementSnapshot | undefined, AgreementFormValues] => {
    if (!base || !conflict) return [base, values];
    const next = { ...base, ...conflict.current, version: conflict.currentVersion };
    const kept = { ...values } as Record<string, unknown>;
    for (const [field, value] of Object.entries(conflict.current)) if (values[field as keyof AgreementFormValues] === base[field as keyof AgreementFormValues]) kept[field] = value;
    const typed = kept as unknown as AgreementFormValues;
    setBase(next);
    setValues(typed);
    setConflict(null);
    return [next, typed];
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(base);
  };

  const title = agreement ? t('dataEntry.agreement.editTitle', { title: agreement.title }) : t('dataEntry.agreement.createTitle');
  return (
    <Modal opened onClose={createdId ? closeCreated : onClose} title={title} size="lg" fullScreen={phone} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {conflict && base ? (
        <ConflictView
          readVersion={base.version}
          currentVersion={conflict.currentVersion}
          changed={TEXT_FIELDS.filter((f) => conflict.current[f] !== undefined && conflict.current[f] !== base[f]).map(
            (f): ConflictField => ({ label: t(`dataEntry.fields.${f}`), before: base[f] || '—', now: conflict.current[f] || '—' }),
          )}
          pending={TEXT_FIELDS.filter((f) => values[f] !== base[f]).map((f) => ({ label: t(`dataEntry.fields.${f}`), value: values[f] || '—' }))}
          busy={updating}
          onReapply={() => void save(...rebase())}
          onEdit={() => rebase()}
          onDiscard={onClose}
        />
      ) : (
        <form ref={formRef} onSubmit={submit} noValidate aria-label={title}>
          <Stack>
            {/* Once the agreement exists (a source was refused), only its sources are still to save here. */}
            <Fieldset variant="unstyled" disabled={!!createdId}>
              <Stack>
                <TextInput label={t('dataEntry.fields.title')} required value={values.title} onChange={(e) => set('title', e.currentTarget.value)} error={errorOf('title')} data-autofocus />
                <NativeSelect
                  label={t('dataEntry.fields.kind')}
                  value={values.kind}
                  onChange={(e) => set('kind', e.currentTarget.value as AgreementKind)}
                  data={Object.values(AgreementKind).map((k) => ({ value: k, label: t(`agreementKind.${k}`) }))}
                  error={errorOf('kind')}
                />
                <Checkbox.Group label={t('dataEntry.fields.partyCodes')} description={t('dataEntry.agreement.partiesHint')} value={values.partyCodes} onChange={(v) => set('partyCodes', v)} error={errorOf('partyCodes')}>
                  <Group mt="xs">
                    {parties.map((p) => (
                      <Checkbox key={p.code} value={p.code} label={`${p.name} (${p.code})`} />
                    ))}
                  </Group>
                </Checkbox.Group>
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  {(['heldOn', 'signedOn', 'inForceOn'] as const).map((f) => (
                    <DateField key={f} label={t(`dataEntry.fields.${f}`)} value={values[f]} onChange={(v) => set(f, v)} error={errorOf(f)} />
                  ))}
                </SimpleGrid>
                <TextInput label={t('dataEntry.fields.place')} value={values.place} onChange={(e) => set('place', e.currentTarget.value)} error={errorOf('place')} />
                <MultiSelect
                  label={t('dataEntry.fields.participantIds')}
                  searchable
                  value={values.participantIds}
                  onChange={(v) => set('participantIds', v)}
                  data={people.map((p) => ({ value: p.id, label: p.title ? `${p.name}, ${p.title}` : p.name }))}
                  error={errorOf('participantIds')}
                />
                <Textarea label={t('dataEntry.fields.summary')} autosize minRows={3} value={values.summary} onChange={(e) => set('summary', e.currentTarget.value)} error={errorOf('summary')} />
              </Stack>
            </Fieldset>
            {!agreement && (
              <Stack gap="sm">
                {sources.map((s, i) => {
                  const fromServerHere = draftServerErrors(s.error);
                  return (
                    <Fieldset key={s.key} legend={t('dataEntry.agreement.sourceN', { n: i + 1 })}>
                      <Stack gap="sm">
                        <EvidenceFields
                          draft={s.draft}
                          onChange={(d) => setSource(s.key, d)}
                          problems={attempted && !isBlankDraft(s.draft) ? checkDraft(s.draft) : {}}
                          serverErrors={fromServerHere}
                        />
                        {s.error && !Object.keys(fromServerHere).length && <ErrorAlert error={s.error} />}
                        <Group justify="flex-end">
                          <Button variant="subtle" color="red" size="xs" onClick={() => removeSource(s.key)}>
                            {t('dataEntry.agreement.removeSourceN', { n: i + 1 })}
                          </Button>
                        </Group>
                      </Stack>
                    </Fieldset>
                  );
                })}
                <Group>
                  <Button variant="light" onClick={addSourceEntry} disabled={creating || addingSources}>
                    {t('dataEntry.agreement.addSource')}
                  </Button>
                </Group>
              </Stack>
            )}
            {createdId && (
              <Alert color="orange" role="alert" title={t('dataEntry.agreement.createdWithoutSourcesTitle')}>
                {t('dataEntry.agreement.createdWithoutSources', { count: sources.length })}
              </Alert>
            )}
            {serverError && !Object.keys(fromServer).length && <ErrorAlert error={serverError} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={createdId ? closeCreated : onClose}>
                {createdId ? t('dataEntry.agreement.keepWithoutSources', { count: sources.length }) : t('common.cancel')}
              </Button>
              <Button type="submit" loading={creating || updating || addingSources}>
                {createdId ? t('dataEntry.agreement.addSourcesAgain') : t('dataEntry.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

/** The newer version a CONFLICT tells of, in the form's own terms (dates as text, no nulls). */
function asFormValues(current: unknown): Partial<AgreementFormValues> {
  const c = (current ?? {}) as Record<string, unknown>;
  const out: Partial<Record<keyof AgreementFormValues, string>> = {};
  for (const f of ['title', 'kind', 'place', 'summary', 'heldOn', 'signedOn', 'inForceOn'] as const) if (f in c) out[f] = c[f] == null ? '' : String(c[f]);
  return out as Partial<AgreementFormValues>;
}
