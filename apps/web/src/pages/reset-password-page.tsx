import { FormEvent, useState } from 'react';
import { Alert, Anchor, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { checkAccountFields, serverAccountErrors } from '../modules/account/account-form';
import { NewPasswordFields } from '../modules/account/components/password-field';
import { useResetPassword } from '../modules/account/hooks/use-reset-password';
import { ErrorAlert } from '../modules/ui/error-alert';

/** The emailed reset link: a new password, then back to sign in (every session ended). */
export default function ResetPasswordPage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { resetPassword, fetching, error } = useResetPassword();
  const [values, setValues] = useState({ newPassword: '', confirmPassword: '' });
  const [attempted, setAttempted] = useState(false);
  const [done, setDone] = useState(false);
  const problems = attempted ? checkAccountFields(values, t) : {};
  const fromServer = serverAccountErrors(error, t, i18n.language);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (Object.keys(checkAccountFields(values, t)).length) return;
    const result = await resetPassword(token, values.newPassword);
    if (!result.error) setDone(true);
  };

  return (
    <Paper withBorder p="lg" radius="md">
      <Stack>
        <Title order={2} size="h3">
          {done ? t('account.reset.doneTitle') : t('account.reset.title')}
        </Title>
        {done ? (
          <Text role="status">{t('account.reset.done')}</Text>
        ) : !token ? (
          <Alert color="red" role="alert" title={t('account.errors.missingToken')} />
        ) : (
          <form onSubmit={submit} noValidate aria-label={t('account.reset.title')}>
            <Stack>
              {fromServer.token && (
                <Alert color="red" role="alert" title={fromServer.token}>
                  <Anchor component={Link} to="/forgot-password">
                    {t('account.reset.askAgain')}
                  </Anchor>
                </Alert>
              )}
              <NewPasswordFields
                label={t('account.fields.newPassword')}
                password={values.newPassword}
                confirm={values.confirmPassword}
                onPassword={(v) => setValues((o) => ({ ...o, newPassword: v }))}
                onConfirm={(v) => setValues((o) => ({ ...o, confirmPassword: v }))}
                error={problems.newPassword ?? fromServer.newPassword}
                confirmError={problems.confirmPassword}
              />
              {error && !Object.keys(fromServer).length && <ErrorAlert error={error} />}
              <Button type="submit" loading={fetching}>
                {t('account.reset.submit')}
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
