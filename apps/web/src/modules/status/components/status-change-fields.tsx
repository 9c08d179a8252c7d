import { Button, Checkbox, CloseButton, Fieldset, Group, NativeSelect, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CommitmentStatus, EVIDENCE_REQUIRED_STATUSES, EvidenceStance, isIsoDate, OCCURRED_ON_MIN, REASON_REQUIRED_STATUSES, STANCES_THAT_BACK, StatusReasonCode } from '@pactwatch/domain';
import { EvidenceFields } from '../../evidence/components/evidence-fields';
import { EMPTY_DRAFT } from '../../evidence/evidence-draft';
import { StatusBadge } from '../../ui/status-badge';
import { useFormat } from '../../ui/use-format';
import { localToday } from '../../ui/local-today';
import { PROGRESS, type ExistingSource, type FormProblems, type Problem, type StatusChangeForm } from '../status-change-form';

export interface StatusChangeFieldsProps {
  from: CommitmentStatus;
  form: StatusChangeForm;
  onChange: (form: StatusChangeForm) => void;
  problems: FormProblems | null;
  existingEvidence: readonly ExistingSource[];
}

export function StatusChangeFields({ from, form, onChange, problems, existingEvidence }: StatusChangeFieldsProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const set = (change: Partial<StatusChangeForm>) => onChange({ ...form, ...change });
  const say = (p: Problem | undefined) => (p ? t(p.key, { ...p.values, status: p.values?.status ? t(`status.${p.values.status}`) : '' }) : undefined);
  const progress = form.to === PROGRESS;
  const to = form.to && form.to !== PROGRESS ? form.to : null;
  const needsEvidence = !!to && EVIDENCE_REQUIRED_STATUSES.includes(to);
  const needsReason = !!to && REASON_REQUIRED_STATUSES.includes(to);
  // Said as soon as the status is chosen, before any save: which stance the sources must include.
  const backing = to ? STANCES_THAT_BACK[to] : undefined;
  const evidenceRule = to && backing
    ? t(backing.includes(EvidenceStance.SUPPORTS) ? 'statusChange.evidenceRuleSupports' : 'statusChange.evidenceRuleAgainst', { status: t(`status.${to}`) })
    : undefined;

  return (
    <Stack>
      <Group gap="xs">
        <Text size="sm">{t('statusChange.current')}</Text>
        <StatusBadge status={from} />
      </Group>
      <NativeSelect
        label={t('statusChange.to')}
        required
        value={form.to}
        error={say(problems?.to)}
        onChange={(e) => {
          const next = e.currentTarget.value as StatusChangeForm['to'];
          // A reason only belongs to STALLED and BROKEN; keep it out of other moves.
          set({ to: next, reasonCode: next && next !== PROGRESS && REASON_REQUIRED_STATUSES.includes(next) ? form.reasonCode : '' });
        }}
        data={[
          { value: '', label: t('statusChange.choose') },
          ...Object.values(CommitmentStatus)
            .filter((s) => s !== from)
            .map((s) => ({ value: s, label: t(`status.${s}`) })),
          { value: PROGRESS, label: t('statusChange.progressOption', { status: t(`status.${from}`) }) },
        ]}
        description={progress ? t('statusChange.progressHint') : undefined}
      />
      {needsReason && (
        <NativeSelect
          label={t('statusChange.reason')}
          required
          value={form.reasonCode}
          error={say(problems?.reasonCode)}
          onChange={(e) => set({ reasonCode: e.currentTarget.value as StatusReasonCode | '' })}
          data={[{ value: '', label: t('statusChange.choose') }, ...Object.values(StatusReasonCode).map((r) => ({ value: r, label: t(`reason.${r}`) }))]}
        />
      )}
      <TextInput
        type="date"
        label={t('occurredOn.label')}
        // The browser's date control writes the day in its own format; the line below says it in the app's language.
        description={isIsoDate(form.occurredOn) ? t('occurredOn.chosen', { date: format.date(form.occurredOn) }) : t('occurredOn.hint')}
        min={OCCURRED_ON_MIN}
        max={localToday()}
        value={form.occurredOn}
        error={say(problems?.occurredOn)}
        onChange={(e) => set({ occurredOn: e.currentTarget.value })}
      />
      <Textarea
        label={t('statusChange.note')}
        description={t('statusChange.noteHint')}
        required={needsEvidence || progress}
        autosize
        minRows={3}
        value={form.note}
        error={say(problems?.note)}
        onChange={(e) => set({ note: e.currentTarget.value })}
      />
      <Fieldset legend={needsEvidence ? `${t('statusChange.evidence')} *` : t('statusChange.evidence')} aria-describedby={evidenceRule ? 'status-evidence-rule' : undefined}>
        <Stack gap="sm">
          {evidenceRule && (
            <Text size="sm" id="status-evidence-rule" data-testid="evidence-rule">
              {evidenceRule}
            </Text>
          )}
          {problems?.evidence && (
            <Text c="red.8" size="sm" role="alert">
              {say(problems.evidence)}
            </Text>
          )}
          {existingEvidence.length > 0 && (
            <Checkbox.Group label={t('statusChange.existing')} value={form.evidenceIds} onChange={(ids) => set({ evidenceIds: ids })}>
              <Stack gap={6} mt={6}>
                {existingEvidence.map((e) => (
                  <Checkbox key={e.id} value={e.id} label={e.title} description={t(`stance.${e.stance}`)} />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
          {form.newEvidence.map((draft, i) => (
            <Paper key={i} withBorder p="sm">
              <Group justify="space-between" mb="xs">
                <Text size="sm" fw={500}>
                  {t('statusChange.newSource', { n: i + 1 })}
                </Text>
                <CloseButton
                  aria-label={t('statusChange.removeSource', { n: i + 1 })}
                  onClick={() => set({ newEvidence: form.newEvidence.filter((_, j) => j !== i) })}
                />
              </Group>
              <EvidenceFields
                draft={draft}
                problems={problems?.drafts[i]}
                onChange={(d) => set({ newEvidence: form.newEvidence.map((old, j) => (j === i ? d : old)) })}
              />
            </Paper>
          ))}
          {/* Its Spanish label does not fit one line on a phone: it wraps rather than being cut. */}
          <Button variant="light" h="auto" mih={36} py={6} styles={{ label: { whiteSpace: 'normal', overflow: 'visible' } }} onClick={() => set({ newEvidence: [...form.newEvidence, { ...EMPTY_DRAFT }] })}>
            {t('statusChange.addSource')}
          </Button>
        </Stack>
      </Fieldset>
    </Stack>
  );
}
