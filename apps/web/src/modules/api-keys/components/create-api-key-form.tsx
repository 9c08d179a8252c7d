import { FormEvent, useState } from 'react';
import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiKeyScope } from '@pactwatch/domain';
import { ErrorAlert } from '../../ui/error-alert';
import { useCreateApiKey } from '../hooks/use-create-api-key';

export interface CreateApiKeyFormProps {
  onCreated: (created: { name: string; secret: string }) => void;
}

export function CreateApiKeyForm({ onCreated }: CreateApiKeyFormProps) {
  const { t } = useTranslation();
  const { createApiKey, fetching, error } = useCreateApiKey();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<ApiKeyScope>(ApiKeyScope.READ);
  const [attempted, setAttempted] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (!name.trim()) return;
    const result = await createApiKey({ name: name.trim(), scope });
    if (result.data) {
      onCreated({ name: result.data.createApiKey.apiKey.name, secret: result.data.createApiKey.secret });
      setName('');
      setAttempted(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('apiKeys.create')}>
      <ErrorAlert error={error} />
      <Group align="flex-start" mt="xs">
        <TextInput
          label={t('apiKeys.name')}
          description={t('apiKeys.nameHint')}
          required
          value={name}
          error={attempted && !name.trim() ? t('common.required') : undefined}
          onChange={(e) => setName(e.currentTarget.value)}
          w={300}
        />
        <NativeSelect
          label={t('apiKeys.scope')}
          description={t('apiKeys.scopeHint')}
          value={scope}
          onChange={(e) => setScope(e.currentTarget.value as ApiKeyScope)}
          data={Object.values(ApiKeyScope).map((s) => ({ value: s, label: t(`apiKeys.scopes.${s}`) }))}
        />
        <Button type="submit" loading={fetching} mt={46}>
          {t('apiKeys.createSubmit')}
        </Button>
      </Group>
    </form>
  );
}
