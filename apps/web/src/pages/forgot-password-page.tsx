import { FormEvent, useState } from 'react';
import { Anchor, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isLanguage } from '../i18n/i18n';
import { checkAccountFields, serverAccountErrors } from '../modules/account/account-form';
import { useRequestPasswordReset } from '../modules/account/hooks/use-request-password-reset';
import { ErrorAlert } from '../modules/ui/error-alert';

export default function ForgotPasswordPage() {
  const { t, i18n } = useTranslation();
  const { requestPasswordReset, fetching, error } = useRequestPasswordReset();
  const [email, setEmail] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const fromServer = serverAccountErrors(error, t, i18n.language);
  const problem = (attempted ? checkAccountFields({ email }, t).email : undefined) ?? fromServer.email;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (checkAccountFields({ email }, t).email) return;
    const result = await requestPasswordReset(email, isLanguage(i18n.language) ? i18n.language : 'en');
    if (!result.error) setSentTo(email.trim());
  };

  return (
    <Paper withBorder p="lg" radius="md">
      <Stack>
        <Title order={2} size="h3">
          {sentTo ? t('account.forgot.sentTitle') : t('account.forgot.title')}
        </Title>
        {sentTo ? (
          <Text role="status">{t('account.forgot.sent', { email: sentTo })}</Text>
        ) : (
          <form onSubmit={submit} noValidate aria-label={t('account.forgot.title')}>
            <Stack>
              <Text c="dimmed">{t('account.forgot.intro')}</Text>
              <TextInput label={t('account.fields.email')} type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={problem} />
              {error && !Object.keys(fromServer).length && <ErrorAlert error={error} />}
              <Button type="submit" loading={fetching}>
                {t('account.forgot.submit')}
              </Button>
            </Stack>
          </form>
        )}
        <Anchor component={Link} to="/">
          {t('account.links.signIn')}
        </Anchor>
      </Stack>
    </Paper>
  );
}
