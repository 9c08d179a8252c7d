import { useState } from 'react';
import { Anchor, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SignUpForm } from '../modules/account/components/sign-up-form';

export default function SignUpPage() {
  const { t } = useTranslation();
  const [sentTo, setSentTo] = useState<string | null>(null);
  return (
    <Paper withBorder p="lg" radius="md">
      {sentTo ? (
        <Stack>
          <Title order={2} size="h3">
            {t('account.signUp.sentTitle')}
          </Title>
          <Text role="status">{t('account.signUp.sent', { email: sentTo })}</Text>
          <Button variant="default" onClick={() => setSentTo(null)}>
            {t('account.signUp.again')}
          </Button>
        </Stack>
      ) : (
        <Stack>
          <Title order={2} size="h3">
            {t('account.signUp.title')}
          </Title>
          <Text c="dimmed">{t('account.signUp.intro')}</Text>
          <SignUpForm onSent={setSentTo} />
          <Anchor component={Link} to="/">
            {t('account.links.signIn')}
          </Anchor>
        </Stack>
      )}
    </Paper>
  );
}
