import { FormEvent, useState } from 'react';
import { Alert, Button, Group, List, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CombinedError, OperationResult } from 'urql';
import { ErrorCode } from '@pactwatch/domain';
import { errorFacts } from '../../ui/describe-error';
import { ErrorAlert } from '../../ui/error-alert';
import { checkFields, RefField, serverFieldError } from '../field-rules';
import { useFocusFirstInvalid } from '../../ui/use-focus-first-invalid';

export type RefValues = Record<string, string>;

export interface RefRow {
  id: string;
  version: number;
  values: RefValues;
}

export interface ReferenceFormProps {
  /** Its accessible name: "New organization", "Edit DHS". */
  title: string;
  fields: RefField[];
  /** The row as it was when the form opened; none to create one. */
  row?: RefRow;
  /** The same row as the page knows it now: after a conflict, the newer version. */
  latest?: RefRow;
  submitLabel: string;
  /** Sends the values (for an edit, with the version they apply to). */
  save: (values: RefValues, expectedVersion: number | undefined) => Promise<OperationResult>;
  onSaved: () => void;
  /** Someone saved a newer version first: the page reads it again. */
  onConflict?: () => void;
  onCancel?: () => void;
}

/**
 * A create or edit form for a party, organization, person or theme: the API's rules run before
 * sending; a field the server refuses is marked beside it; on CONFLICT what was typed stays, the
 * newer version is shown, and the change can be applied to it.
 */
export function ReferenceForm({ title, fields, row, latest, submitLabel, save, onSaved, onConflict, onCancel }: ReferenceFormProps) {
  const { t, i18n } = useTranslation();
  const empty = Object.fromEntries(fields.map((f) => [f.name, ''])) as RefValues;
  const [values, setValues] = useState<RefValues>({ ...empty, ...row?.values });
  const [base, setBase] = useState<RefRow | undefined>(row);
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<CombinedError | undefined>();
  const [conflict, setConflict] = useState(false);
  const [fetching, setFetching] = useState(false);
  const editing = Boolean(row);
  const shown = fields.filter((f) => !(editing && f.createOnly));
  const problems = attempted ? checkFields(shown, values, t) : {};
  const { ref: formRef, refused } = useFocusFirstInvalid();
  const server = serverFieldError(error, shown, t, i18n.language);
  const newer = conflict && latest && base && latest.version !== base.version ? latest : undefined;

  const send = async (on: RefRow | undefined) => {
    setAttempted(true);
    if (Object.keys(checkFields(shown, values, t)).length) return refused();
    setFetching(true);
    const result = await save(values, on?.version);
    setFetching(false);
    if (result.error) {
      if (errorFacts(result.error).code === ErrorCode.CONFLICT) {
        setConflict(true);
        setError(undefined);
        onConflict?.();
      } else {
        setError(result.error);
        refused();
      }
      return;
    }
    setError(undefined);
    setConflict(false);
    onSaved();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send(base);
  };
  const applyToNewer = () => {
    setBase(newer);
    setConflict(false);
    void send(newer);
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={title}>
      <Stack gap="sm">
        {conflict && (
          <Alert color="orange" role="alert" title={t('refData.conflict.title')}>
            {newer ? (
              <Stack gap="xs">
                <Text size="sm">{t('refData.conflict.body', { version: newer.version })}</Text>
                <List size="sm">
                  {shown.map((f) => (
                    <List.Item key={f.name}>
                      {f.label}: {labelOf(f, newer.values[f.name]) || '—'}
                    </List.Item>
                  ))}
                </List>
                <Group gap="xs">
                  <Button size="xs" onClick={applyToNewer}>
                    {t('refData.conflict.apply')}
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => {
                      setValues({ ...empty, ...newer.values });
                      setBase(newer);
                      setConflict(false);
                    }}
                  >
                    {t('refData.conflict.discard')}
                  </Button>
                </Group>
              </Stack>
            ) : (
              <Text size="sm">{t('refData.conflict.loading')}</Text>
            )}
          </Alert>
        )}
        {!server && <ErrorAlert error={error} />}
        {shown.map((f) => {
          const fieldError = problems[f.name] ?? (server?.field === f.name ? server.message : undefined);
          const common = { label: f.label, required: !f.optional, error: fieldError };
          return f.options ? (
            <Select
              key={f.name}
              {...common}
              data={f.options}
              value={values[f.name] || null}
              onChange={(v) => setValues((s) => ({ ...s, [f.name]: v ?? '' }))}
              searchable
              clearable={f.optional}
              nothingFoundMessage={t('refData.nothingFound')}
            />
          ) : (
            <TextInput key={f.name} {...common} value={values[f.name]} onChange={(e) => {
                const value = e.currentTarget.value;
                setValues((s) => ({ ...s, [f.name]: value }));
              }} />
          );
        })}
        <Group gap="xs">
          <Button type="submit" loading={fetching}>
            {submitLabel}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}

function labelOf(field: RefField, value: string | undefined): string {
  if (!value) return '';
  return field.options?.find((o) => o.value === value)?.label ?? value;
}
