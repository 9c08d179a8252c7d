import { Anchor, Button, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Permission } from '@pactwatch/domain';
import { useCan } from '../../session/hooks/use-can';
import { useSession } from '../../session/hooks/use-session';
import { ErrorAlert } from '../../ui/error-alert';
import { useLoadExampleData } from '../hooks/use-load-example-data';
import { useWorkspaceStart } from '../hooks/use-workspace-start';

/**
 * What to do first in a workspace with no agreement yet: add the parties, then an agreement;
 * owners may instead load the US–Mexico example to look around. Renders nothing once there is an agreement.
 */
export interface GettingStartedProps {
  /** Counts the page has already read (null while it reads them); left out, the component asks for them itself. */
  start?: { partyCount: number; agreementCount: number } | null;
}

export function GettingStarted({ start: given }: GettingStartedProps = {}) {
  const { t } = useTranslation();
  const { restart } = useSession();
  const asked = useWorkspaceStart({ pause: given !== undefined });
  const start = given === undefined ? asked : { ready: given !== null, partyCount: given?.partyCount ?? 0, agreementCount: given?.agreementCount ?? 0 };
  const canWrite = useCan(Permission.WRITE);
  const isOwner = useCan(Permission.MANAGE_WORKSPACE);
  const { loadExampleData, fetching, error } = useLoadExampleData();
  if (!start.ready || start.agreementCount > 0) return null;
  const partiesDone = start.partyCount >= 2;

  const load = async () => {
    const result = await loadExampleData();
    // Every screen has cached an empty workspace: start the client over.
    if (result.data) restart();
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="getting-started-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="getting-started-title">
          {t('refData.start.title')}
        </Title>
        <Text>{t('refData.start.intro')}</Text>
        <List type="ordered" spacing="xs">
          <List.Item icon={partiesDone ? <ThemeIcon size={20} radius="xl" color="teal" aria-hidden>✓</ThemeIcon> : undefined}>
            {canWrite ? (
              <Anchor component={Link} to="/reference-data">
                {t('refData.start.parties')}
              </Anchor>
            ) : (
              t('refData.start.parties')
            )}
            {partiesDone && <Text span c="dimmed" size="sm"> — {t('refData.start.done', { count: start.partyCount })}</Text>}
          </List.Item>
          <List.Item>
            {canWrite && partiesDone ? (
              <Anchor component={Link} to="/agreements">
                {t('refData.start.agreement')}
              </Anchor>
            ) : (
              t('refData.start.agreement')
            )}
          </List.Item>
          <List.Item>{t('refData.start.commitments')}</List.Item>
        </List>
        {!canWrite && <Text c="dimmed">{t('refData.start.viewer')}</Text>}
        {isOwner && (
          <Stack gap="xs" align="flex-start">
            <Text size="sm" c="dimmed">
              {t('refData.start.exampleHint')}
            </Text>
            <ErrorAlert error={error} />
            <Button variant="light" onClick={() => void load()} loading={fetching}>
              {t('refData.start.loadExample')}
            </Button>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
