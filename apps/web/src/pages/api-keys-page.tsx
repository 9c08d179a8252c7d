import { useState } from 'react';
import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Permission } from '@pactwatch/domain';
import { ApiKeysTable } from '../modules/api-keys/components/api-keys-table';
import { CreateApiKeyForm } from '../modules/api-keys/components/create-api-key-form';
import { NewApiKeySecret } from '../modules/api-keys/components/new-api-key-secret';
import { useApiKeys } from '../modules/api-keys/hooks/use-api-keys';
import { useCan } from '../modules/session/hooks/use-can';
import { ErrorAlert } from '../modules/ui/error-alert';
import { Loading } from '../modules/ui/loading';

export default function ApiKeysPage() {
  const { t } = useTranslation();
  const allowed = useCan(Permission.MANAGE_KEYS);
  const { data, error, refresh } = useApiKeys(allowed);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);

  if (!allowed) return <Text>{t('errors.FORBIDDEN')}</Text>;
  return (
    <Stack>
      <Title order={1}>{t('apiKeys.title')}</Title>
      <Text c="dimmed">{t('apiKeys.intro')}</Text>
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4">
          {t('apiKeys.create')}
        </Title>
        {created ? (
          <NewApiKeySecret name={created.name} secret={created.secret} onDone={() => setCreated(null)} />
        ) : (
          <CreateApiKeyForm
            onCreated={(c) => {
              setCreated(c);
              refresh();
            }}
          />
        )}
      </Paper>
      <ErrorAlert error={error} />
      {!data && !error && <Loading />}
      {data && <ApiKeysTable apiKeys={data.apiKeys} onChanged={refresh} />}
    </Stack>
  );
}
