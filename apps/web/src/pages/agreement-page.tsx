import { useState } from 'react';
import { Anchor, Badge, Breadcrumbs, Button, Grid, Group, List, Stack, Text, Title } from '@mantine/core';
import type { CombinedError } from 'urql';
import { AgreementKind, Permission } from '@pactwatch/domain';
import { AgreementFormDialog } from '../modules/agreements/components/agreement-form-dialog';
import { useArchiveAgreement, useRestoreAgreement } from '../modules/agreements/hooks/use-archive-agreement';
import { CommitmentFormDialog } from '../modules/commitments/components/commitment-form-dialog';
import { useCan } from '../modules/session/hooks/use-can';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AgreementCommitments } from '../modules/agreements/components/agreement-commitments';
import { AgreementTimeline } from '../modules/agreements/components/agreement-timeline';
import { CommentThread } from '../modules/comments/components/comment-thread';
import { useAgreement } from '../modules/agreements/hooks/use-agreement';
import { AgreementSources } from '../modules/agreements/components/agreement-sources';
import { useSession } from '../modules/session/hooks/use-session';
import { ErrorAlert } from '../modules/ui/error-alert';
import { PageLoadError } from '../modules/ui/not-found';
import { Loading } from '../modules/ui/loading';
import { useFormat } from '../modules/ui/use-format';
import { Panel } from '../modules/ui/panel';
import { WatchButton } from '../modules/watches/components/watch-button';

export default function AgreementPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { agreementId = '' } = useParams();
  const { data, error, refresh } = useAgreement(agreementId);
  const person = useSession().me.kind === 'USER';
  const canWrite = useCan(Permission.WRITE);
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [actionError, setActionError] = useState<CombinedError | null>(null);
  const { archiveAgreement, fetching: archiving } = useArchiveAgreement();
  const { restoreAgreement, fetching: restoring } = useRestoreAgreement();

  if (error && !data) return <PageLoadError error={error} />;
  if (!data) return <Loading />;
  const a = data.agreement;
  const dates = [
    a.heldOn && t('agreements.heldOnDate', { date: format.date(a.heldOn) }),
    a.signedOn && t('agreements.signedOnDate', { date: format.date(a.signedOn) }),
    a.inForceOn && t('agreements.inForceOnDate', { date: format.date(a.inForceOn) }),
    a.place,
  ].filter(Boolean);

  return (
    <Stack>
      <Breadcrumbs aria-label={t('nav.breadcrumbs')}>
        <Anchor component={Link} to="/agreements">
          {t('nav.agreements')}
        </Anchor>
        <Text size="sm" lineClamp={1}>
          {a.title}
        </Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <Group gap="xs">
          <Title order={1}>{a.title}</Title>
          {a.archived && <Badge color="gray">{t('dataEntry.archived')}</Badge>}
        </Group>
        <Group gap="xs">
          {person && <WatchButton subjectType="AGREEMENT" subjectId={a.id} style={{ flex: 'none' }} />}
          {canWrite && (
            <>
              <Button variant="light" onClick={() => setEditing(true)}>{t('dataEntry.edit')}</Button>
              <Button variant="light" onClick={() => setAdding(true)}>{t('dataEntry.commitment.create')}</Button>
              <Button
                variant="subtle"
                color={a.archived ? 'blue' : 'red'}
                loading={archiving || restoring}
                onClick={async () => {
                  const result = await (a.archived ? restoreAgreement : archiveAgreement)(a.id, a.version);
                  setActionError(result.error ?? null);
                  refresh();
                }}
              >
                {a.archived ? t('dataEntry.restore') : t('dataEntry.archive')}
              </Button>
            </>
          )}
        </Group>
      </Group>
      <ErrorAlert error={actionError} />
      {editing && (
        <AgreementFormDialog
          agreement={{
            id: a.id, version: a.version, title: a.title, kind: a.kind as AgreementKind, partyCodes: a.parties.map((p) => p.code),
            heldOn: a.heldOn ?? '', signedOn: a.signedOn ?? '', inForceOn: a.inForceOn ?? '', place: a.place ?? '',
            participantIds: a.participants.map((p) => p.id), summary: a.summary,
          }}
          onClose={() => setEditing(false)}
          onSaved={refresh}
        />
      )}
      {adding && <CommitmentFormDialog agreementId={a.id} onClose={() => setAdding(false)} onSaved={refresh} />}
      <Text c="dimmed">
        {t(`agreementKind.${a.kind}`)} · {a.parties.map((p) => p.name).join(' – ')} · {dates.join(' · ')}
      </Text>
      {a.summary && <Text>{a.summary}</Text>}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack>
            <AgreementCommitments agreement={a} />
            <Panel title={t('agreements.timeline')} titleGap="md">
              <AgreementTimeline agreement={a} />
            </Panel>
            <CommentThread subjectType="AGREEMENT" subjectId={a.id} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <Panel title={t('agreements.participants')}>
              <List size="sm">
                {a.participants.map((p) => (
                  <List.Item key={p.id}>
                    <strong>{p.name}</strong>
                    {p.title ? `, ${p.title}` : ''}
                    {p.organization ? ` (${p.organization.acronym})` : ''}
                  </List.Item>
                ))}
              </List>
            </Panel>
            <AgreementSources agreementId={a.id} sources={a.sources} canWrite={canWrite} onChanged={refresh} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
