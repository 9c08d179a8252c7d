import { useTranslation } from 'react-i18next';
import { isBlankDraft } from '../../evidence/evidence-draft';
import { ConflictField, ConflictView } from '../../ui/conflict-view';
import { useFormat } from '../../ui/use-format';
import type { CommitmentSnapshot, ConflictFacts, LatestChange, StatusChangeForm } from '../status-change-form';

export interface StatusChangeConflictProps {
  base: CommitmentSnapshot;
  conflict: ConflictFacts;
  latestChange: LatestChange | null;
  form: StatusChangeForm;
  existingEvidence: readonly { id: string; title: string }[];
  busy: boolean;
  onReapply: () => void;
  onEdit: () => void;
  onDiscard: () => void;
}

/** Compares what the analyst read with the newer version, and lists their unsaved change. */
export function StatusChangeConflict({ base, conflict, latestChange, form, existingEvidence, busy, onReapply, onEdit, onDiscard }: StatusChangeConflictProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { current } = conflict;
  const changed: ConflictField[] = [];
  if (current.status !== undefined && current.status !== base.status) {
    changed.push({ label: t('fields.status'), before: t(`status.${base.status}`), now: t(`status.${current.status}`) });
  }
  if (current.title !== undefined && current.title !== base.title) changed.push({ label: t('fields.title'), before: base.title, now: current.title });
  if (current.dueOn !== undefined && current.dueOn !== base.dueOn) {
    changed.push({ label: t('fields.dueOn'), before: format.date(base.dueOn), now: format.date(current.dueOn) });
  }
  if (current.priority !== undefined && current.priority !== base.priority) {
    changed.push({ label: t('fields.priority'), before: t(`priority.${base.priority}`), now: t(`priority.${current.priority}`) });
  }

  const sources = [
    ...existingEvidence.filter((e) => form.evidenceIds.includes(e.id)).map((e) => e.title),
    ...form.newEvidence.filter((d) => !isBlankDraft(d)).map((d) => `${d.title} (${d.url})`),
  ];
  const pending = [
    { label: t('fields.status'), value: form.to ? t(`status.${form.to}`) : '—' },
    ...(form.reasonCode ? [{ label: t('statusChange.reason'), value: t(`reason.${form.reasonCode}`) }] : []),
    { label: t('statusChange.note'), value: form.note.trim() || '—' },
    { label: t('statusChange.evidence'), value: sources.length ? sources.join('; ') : '—' },
  ];

  return (
    <ConflictView
      readVersion={base.version}
      currentVersion={conflict.currentVersion}
      changedBy={
        latestChange &&
        t('conflict.changedBy', {
          actor: latestChange.actor,
          date: format.dateTime(latestChange.createdAt),
          status: t(`status.${latestChange.to}`),
          note: latestChange.note,
        })
      }
      changed={changed}
      pending={pending}
      onReapply={onReapply}
      onEdit={onEdit}
      onDiscard={onDiscard}
      busy={busy}
    />
  );
}
