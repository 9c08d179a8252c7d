import { useState } from 'react';
import { Button, Group, Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { AddEvidenceForm } from '../../evidence/components/add-evidence-form';
import { EditEvidenceDialog } from '../../evidence/components/edit-evidence-dialog';
import { EvidenceItem, EvidenceList } from '../../evidence/components/evidence-list';
import { useArchiveEvidence, useDetachEvidence } from '../../evidence/hooks/use-detach-evidence';
import { ErrorAlert } from '../../ui/error-alert';
import { Panel } from '../../ui/panel';

export interface AgreementSourcesProps {
  agreementId: string;
  sources: (EvidenceItem & { version: number })[];
  /** Whether the reader may add, correct, detach and archive sources. */
  canWrite: boolean;
  /** After any change, and when a change was refused as stale: the page reloads. */
  onChanged: () => void;
}

/** The agreement's sources, and for analysts: add one, correct one, take one off, archive one. */
export function AgreementSources({ agreementId, sources, canWrite, onChanged }: AgreementSourcesProps) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [actionError, setActionError] = useState<CombinedError | null>(null);
  const { detachEvidence } = useDetachEvidence();
  const { archiveEvidence } = useArchiveEvidence();
  // The source being corrected, as the page has it now (newer after a reload).
  const editing = sources.find((s) => s.id === editingId);

  /** Runs a change, shows its refusal if any (a stale archive says so), and reloads the page either way. */
  const act = async (run: () => Promise<{ error?: CombinedError }>) => {
    const result = await run();
    setActionError(result.error ?? null);
    onChanged();
  };

  return (
    <Panel title={t('agreements.sourcesCount', { count: sources.length })}>
      {canWrite && !adding && (
        <Group mb="sm">
          <Button variant="light" size="xs" onClick={() => setAdding(true)}>
            {t('agreements.addSource')}
          </Button>
        </Group>
      )}
      {adding && (
        <Paper withBorder p="sm" mb="md">
          <AddEvidenceForm
            subject={{ agreementId }}
            onCancel={() => setAdding(false)}
            onAdded={() => {
              setAdding(false);
              onChanged();
            }}
          />
        </Paper>
      )}
      <ErrorAlert error={actionError} />
      <EvidenceList
        items={sources}
        on="agreement"
        onEdit={canWrite ? (e) => setEditingId(e.id) : undefined}
        onDetach={canWrite ? (e) => void act(() => detachEvidence({ agreementId }, e.id)) : undefined}
        onArchive={canWrite ? (e) => void act(() => archiveEvidence(e.id, e.version ?? 1)) : undefined}
      />
      {editing && <EditEvidenceDialog item={editing} onClose={() => setEditingId(null)} onChanged={onChanged} />}
    </Panel>
  );
}
