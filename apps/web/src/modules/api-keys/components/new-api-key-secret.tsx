import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface NewApiKeySecretProps {
  name: string;
  secret: string;
  onDone: () => void;
}

/** The only time the secret exists outside a hash: shown once, with a copy button. */
export function NewApiKeySecret({ name, secret, onDone }: NewApiKeySecretProps) {
  const { t } = useTranslation();
  return (
    <Alert color="green" title={t('apiKeys.created', { name })} role="status">
      <Stack gap="xs">
        <Text size="sm">{t('apiKeys.shownOnce')}</Text>
        <Code block data-testid="api-key-secret">
          {secret}
        </Code>
        <Group>
          <CopyButton value={secret}>
            {({ copied, copy }) => (
              <Button size="xs" color={copied ? 'teal' : 'blue'} onClick={copy}>
                {copied ? t('apiKeys.copied') : t('apiKeys.copy')}
              </Button>
            )}
          </CopyButton>
          <Button size="xs" variant="default" onClick={onDone}>
            {t('apiKeys.done')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
