import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EvidenceKind, EvidenceStance } from '@pactwatch/domain';
import type { DraftProblems, DraftServerErrors, EvidenceDraft } from '../evidence-draft';
import { DateField } from '../../ui/date-field';

export interface EvidenceFieldsProps {
  draft: EvidenceDraft;
  onChange: (draft: EvidenceDraft) => void;
  problems?: DraftProblems;
  /** The server's refusals, in its words, shown where the client's own check found nothing. */
  serverErrors?: DraftServerErrors;
}

/** The fields of one source; used on its own and inline in the status change dialog. */
export function EvidenceFields({ draft, onChange, problems = {}, serverErrors = {} }: EvidenceFieldsProps) {
  const { t } = useTranslation();
  const set = (change: Partial<EvidenceDraft>) => onChange({ ...draft, ...change });
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <TextInput
        label={t('evidence.url')}
        type="url"
        required
        placeholder="https://"
        value={draft.url}
        error={problems.url ? t(problems.url) : serverErrors.url}
        onChange={(e) => set({ url: e.currentTarget.value })}
      />
      <TextInput label={t('evidence.titleField')} required value={draft.title} error={problems.title ? t(problems.title) : serverErrors.title} onChange={(e) => set({ title: e.currentTarget.value })} />
      <TextInput label={t('evidence.publisher')} value={draft.publisher} error={problems.publisher ? t(problems.publisher) : serverErrors.publisher} onChange={(e) => set({ publisher: e.currentTarget.value })} />
      <DateField label={t('evidence.publishedOn')} value={draft.publishedOn} error={serverErrors.publishedOn} onChange={(v) => set({ publishedOn: v })} />
      <NativeSelect
        label={t('evidence.kind')}
        value={draft.kind}
        onChange={(e) => set({ kind: e.currentTarget.value as EvidenceKind })}
        data={Object.values(EvidenceKind).map((k) => ({ value: k, label: t(`evidenceKind.${k}`) }))}
      />
      <NativeSelect
        label={t('evidence.stance')}
        value={draft.stance}
        onChange={(e) => set({ stance: e.currentTarget.value as EvidenceStance })}
        data={Object.values(EvidenceStance).map((s) => ({ value: s, label: t(`stance.${s}`) }))}
      />
      {draft.archiveUrl !== undefined && (
        <TextInput
          label={t('evidence.archiveUrl')}
          description={t('evidence.archiveUrlHint')}
          type="url"
          placeholder="https://web.archive.org/…"
          value={draft.archiveUrl}
          error={problems.archiveUrl ? t(problems.archiveUrl) : serverErrors.archiveUrl}
          onChange={(e) => set({ archiveUrl: e.currentTarget.value })}
          style={{ gridColumn: '1 / -1' }}
        />
      )}
    </SimpleGrid>
  );
}
