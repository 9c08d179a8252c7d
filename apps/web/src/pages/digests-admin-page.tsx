import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Permission } from '@pactwatch/domain';
import { AddDigestRecipientForm } from '../modules/digests/components/add-digest-recipient-form';
import { DigestDeliveriesTable } from '../modules/digests/components/digest-deliveries-table';
import { DigestRecipientsTable } from '../modules/digests/components/digest-recipients-table';
import { OutboxList } from '../modules/digests/components/outbox-list';
import { useDigestDeliveries } from '../modules/digests/hooks/use-digest-deliveries';
import { useDigestRecipients } from '../modules/digests/hooks/use-digest-recipients';
import { useOutbox } from '../modules/digests/hooks/use-outbox';
import { useRunDigests } from '../modules/digests/hooks/use-run-digests';
import { useCan } from '../modules/session/hooks/use-can';
import { ErrorAlert } from '../modules/ui/error-alert';
import { Loading } from '../modules/ui/loading';
import { Panel } from '../modules/ui/panel';

export default function DigestsAdminPage() {
  const { t } = useTranslation();
  const allowed = useCan(Permission.MANAGE_MEMBERS);
  const recipients = useDigestRecipients(allowed);
  const deliveries = useDigestDeliveries(allowed);
  const outbox = useOutbox(allowed);
  const run = useRunDigests();

  if (!allowed) return <Text>{t('errors.FORBIDDEN')}</Text>;
  return (
    <Stack>
      <Title order={1}>{t('digestAdmin.title')}</Title>
      <Panel title={t('digestAdmin.recipients')}>
        <Text size="sm" c="dimmed" mb="sm">
          {t('digestAdmin.recipientsIntro')}
        </Text>
        <AddDigestRecipientForm />
        <div style={{ marginTop: 16 }}>
          <ErrorAlert error={recipients.error} />
          {recipients.recipients && <DigestRecipientsTable recipients={recipients.recipients} />}
        </div>
      </Panel>
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            {t('digestAdmin.deliveries')}
          </Title>
          <Button size="xs" onClick={() => void run.runDigests()} loading={run.fetching}>
            {t('digestAdmin.run')}
          </Button>
        </Group>
        {run.result && (
          <Text size="sm" mb="sm" role="status">
            {t('digestAdmin.ran', run.result)}
          </Text>
        )}
        <ErrorAlert error={run.error ?? deliveries.error} />
        {!deliveries.deliveries && !deliveries.error && <Loading />}
        {deliveries.deliveries && <DigestDeliveriesTable deliveries={deliveries.deliveries} />}
      </Paper>
      <Panel title={t('digestAdmin.outbox')}>
        <ErrorAlert error={outbox.error} />
        {!outbox.messages && !outbox.error && <Loading />}
        {outbox.messages && <OutboxList messages={outbox.messages} />}
      </Panel>
    </Stack>
  );
}
