import { useEffect, useRef } from 'react';
import { Alert, Anchor, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { changeLanguage, hasChosenLanguage, isLanguage } from '../i18n/i18n';
import { serverAccountErrors } from '../modules/account/account-form';
import { useConfirmSignUp } from '../modules/account/hooks/use-confirm-sign-up';
import { ErrorAlert } from '../modules/ui/error-alert';

/** The emailed sign-up link: creates the account and its workspace, signs in, and opens the (empty) dashboard. */
export default function SignUpConfirmPage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const { confirmSignUp, error } = useConfirmSignUp();
  // The link works once: a second run of the effect must not spend it again.
  const sent = useRef(false);

  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true;
    void confirmSignUp(token).then((result) => {
      const locale = result.data?.confirmSignUp.user.locale;
      if (!hasChosenLanguage() && isLanguage(locale)) changeLanguage(locale, false);
      if (result.data) navigate('/', { replace: true });
    });
  }, [token]);

  const tokenProblem = serverAccountErrors(error, t, i18n.language).token;
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack>
        <Title order={2} size="h3">
          {t('account.confirm.title')}
        </Title>
        {!token && <Alert color="red" role="alert" title={t('account.errors.missingToken')} />}
        {token && !error && (
          <Text role="status">
            <Loader size="xs" mr="xs" aria-hidden />
            {t('account.confirm.working')}
          </Text>
        )}
        {tokenProblem ? (
          <Alert color="red" role="alert" title={t('account.confirm.failed')}>
            {tokenProblem}
          </Alert>
        ) : (
          <ErrorAlert error={error} />
        )}
        {(error || !token) && (
          <Anchor component={Link} to="/sign-up">
            {t('account.confirm.retry')}
          </Anchor>
        )}
      </Stack>
    </Paper>
  );
}
