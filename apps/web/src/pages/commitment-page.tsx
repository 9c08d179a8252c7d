import { useState } from 'react';
import { Anchor, Badge, Blockquote, Breadcrumbs, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CombinedError } from 'urql';
import { CommitmentPriority, CommitmentStatus, Permission } from '@pactwatch/domain';
import { CommitmentFormDialog } from '../modules/commitments/components/commitment-form-dialog';
import { LinkCommitmentForm } from '../modules/commitments/components/link-commitment-form';
import { useArchiveCommitment, useRestoreCommitment } from '../modules/commitments/hooks/use-archive-commitment';
import { useUnlinkCommitments } from '../modules/commitments/hooks/use-link-commitments';
import { useArchiveEvidence, useDetachEvidence } from '../modules/evidence/hooks/use-detach-evidence';
import { AssigneesPanel } from '../modules/assignees/components/assignees-panel';
import { CommentThread } from '../modules/comments/components/comment-thread';
import { CommitmentDetails } from '../modules/commitments/components/commitment-details';
import { CommitmentLinks } from '../modules/commitments/components/commitment-links';
import { CommitmentTimeline } from '../modules/commitments/components/commitment-timeline';
import { useCommitment } from '../modules/commitments/hooks/use-commitment';
import { AddEvidenceForm } from '../modules/evidence/components/add-evidence-form';
import { EditEvidenceDialog } from '../modules/evidence/components/edit-evidence-dialog';
import { EvidenceList } from '../modules/evidence/components/evidence-list';
import { IndicatorsPanel } from '../modules/indicators/components/indicators-panel';
import { PresenceList } from '../modules/presence/components/presence-list';
import { useCan } from '../modules/session/hooks/use-can';
import { useSession } from '../modules/session/hooks/use-session';
import { StatusChangeDialog } from '../modules/status/components/status-change-dialog';
import { ErrorAlert } from '../modules/ui/error-alert';
import { PageLoadError } from '../modules/ui/not-found';
import { Loading } from '../modules/ui/loading';
import { StatusBadge } from '../modules/ui/status-badge';
import { Panel } from '../modules/ui/panel';
import { WatchButton } from '../modules/watches/components/watch-button';

export default function CommitmentPage() {
  const { t } = useTranslation();
  const { commitmentId = '' } = useParams();
  const canWrite = useCan(Permission.WRITE);
  const person = useSession().me.kind === 'USER';
  const { data, error, refresh } = useCommitment(commitmentId);
  const [changing, setChanging] = useState(false);
  const [addingEvidence, setAddingEvidence] = useState(false);
  const [editing, setEditing] = useState(false);
  const [editingEvidenceId, setEditingEvidenceId] = useState<string | null>(null);
  const [linking, setLinking] = useState(false);
  const [actionError, setActionError] = useState<CombinedError | null>(null);
  const { archiveCommitment, fetching: archiving } = useArchiveCommitment();
  const { restoreCommitment, fetching: restoring } = useRestoreCommitment();
  const { unlinkCommitments } = useUnlinkCommitments();
  const { detachEvidence } = useDetachEvidence();
  const { archiveEvidence } = useArchiveEvidence();
  /** Runs a change, shows its refusal if any, and reloads the page either way. */
  const act = async (run: () => Promise<{ error?: CombinedError }>) => {
    const result = await run();
    setActionError(result.error ?? null);
    refresh();
  };

  if (error && !data) return <PageLoadError error={error} />;
  if (!data) return <Loading />;
  const c = data.commitment;
  const evidence = c.evidence.edges.map((e) => e.node);
  // The source being corrected, as the page has it now (newer after a reload).
  const editingEvidence = evidence.find((e) => e.id === editingEvidenceId);
  const latest = c.statusHistory.edges[0]?.node;

  return (
    <Stack>
      <Breadcrumbs aria-label={t('nav.breadcrumbs')}>
        <Anchor component={Link} to="/commitments">
          {t('nav.commitments')}
        </Anchor>
        <Text size="sm" lineClamp={1}>
          {c.title}
        </Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <Stack gap={6}>
          <Title order={1}>{c.title}</Title>
          <Group gap="xs">
            <StatusBadge status={c.status} />
            {c.archived && <Badge color="gray">{t('dataEntry.archived')}</Badge>}
            {c.overdue && (
              <Badge color="red.8" variant="filled">
                {t('commitment.overdue')}
              </Badge>
            )}
            <Text size="xs" c="dimmed">
              {t('commitment.version', { version: c.version })}
            </Text>
          </Group>
          <PresenceList commitmentId={c.id} />
        </Stack>
        <Group gap="xs">
          {person && <WatchButton subjectType="COMMITMENT" subjectId={c.id} watched={c.watched} />}
          {canWrite && (
            <>
              <Button onClick={() => setChanging(true)}>{t('commitment.changeStatus')}</Button>
              <Button variant="light" onClick={() => setAddingEvidence(true)} disabled={addingEvidence}>
                {t('evidence.add')}
              </Button>
              <Button variant="light" onClick={() => setEditing(true)}>
                {t('dataEntry.edit')}
              </Button>
              <Button
                variant="subtle"
                color={c.archived ? 'blue' : 'red'}
                loading={archiving || restoring}
                onClick={() => void act(() => (c.archived ? restoreCommitment : archiveCommitment)(c.id, c.version))}
              >
                {c.archived ? t('dataEntry.restore') : t('dataEntry.archive')}
              </Button>
            </>
          )}
        </Group>
      </Group>
      <ErrorAlert error={actionError} />
      <CommitmentDetails commitment={c} />
      {c.description && <Text>{c.description}</Text>}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack>
            <Panel title={t('commitment.sourceQuote')}>
              {c.sourceQuote ? (
                <Blockquote color="gray" p="md" lang="en">
                  {c.sourceQuote}
                </Blockquote>
              ) : (
                <Text c="dimmed">—</Text>
              )}
            </Panel>
            <Panel title={t('commitment.history')} titleGap="md">
              <CommitmentTimeline commitment={c} />
            </Panel>
            <CommentThread subjectType="COMMITMENT" subjectId={c.id} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <AssigneesPanel commitmentId={c.id} assignees={c.assignees} canWrite={canWrite} onChanged={refresh} />
            <Panel title={t('evidence.title', { count: c.evidence.totalCount })}>
              {addingEvidence && (
                <Paper withBorder p="sm" mb="md">
                  <AddEvidenceForm
                    subject={{ commitmentId: c.id }}
                    onCancel={() => setAddingEvidence(false)}
                    onAdded={() => {
                      setAddingEvidence(false);
                      refresh();
                    }}
                  />
                </Paper>
              )}
              <EvidenceList
                items={evidence}
                onEdit={canWrite ? (e) => setEditingEvidenceId(e.id) : undefined}
                onDetach={canWrite ? (e) => void act(() => detachEvidence({ commitmentId: c.id }, e.id)) : undefined}
                onArchive={canWrite ? (e) => void act(() => archiveEvidence(e.id, e.version ?? 1)) : undefined}
              />
              {editingEvidence && <EditEvidenceDialog item={editingEvidence} onClose={() => setEditingEvidenceId(null)} onChanged={refresh} />}
            </Panel>
            <IndicatorsPanel commitmentId={c.id} indicators={c.indicators} evidence={evidence} canWrite={canWrite} onChanged={refresh} />
            <Panel title={t('links.title')}>
              <CommitmentLinks links={c.links} onUnlink={canWrite ? (linkId) => void act(() => unlinkCommitments(linkId)) : undefined} />
              {canWrite &&
                (linking ? (
                  <Paper withBorder p="sm" mt="md">
                    <LinkCommitmentForm
                      commitmentId={c.id}
                      onCancel={() => setLinking(false)}
                      onLinked={() => {
                        setLinking(false);
                        refresh();
                      }}
                    />
                  </Paper>
                ) : (
                  <Button variant="light" size="xs" mt="md" onClick={() => setLinking(true)}>
                    {t('dataEntry.links.add')}
                  </Button>
                ))}
            </Panel>
          </Stack>
        </Grid.Col>
      </Grid>
      {editing && (
        <CommitmentFormDialog
          commitment={{
            id: c.id, version: c.version, agreementId: c.agreement.id, title: c.title, description: c.description, sourceQuote: c.sourceQuote,
            partyCodes: c.parties.map((p) => p.code), ownerOrganizationId: c.owner?.id ?? '', ownerPersonId: c.ownerPerson?.id ?? '',
            themes: c.themes.map((th) => th.slug), dueOn: c.dueOn ?? '', priority: c.priority as CommitmentPriority,
          }}
          onClose={() => setEditing(false)}
          onSaved={refresh}
        />
      )}
      {changing && (
        <StatusChangeDialog
          commitment={{ id: c.id, version: c.version, status: c.status as CommitmentStatus, title: c.title, dueOn: c.dueOn ?? null, priority: c.priority }}
          existingEvidence={evidence}
          latestChange={latest ? { ...latest, to: latest.to as CommitmentStatus } : null}
          onClose={() => setChanging(false)}
          onChanged={refresh}
        />
      )}
    </Stack>
  );
}
