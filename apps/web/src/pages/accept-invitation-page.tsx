import { FormEvent, useState } from 'react';
import { Alert, Button, Divider, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorCode } from '@pactwatch/domain';
import { isLanguage } from '../i18n/i18n';
import { checkAccountFields, serverAccountErrors } from '../modules/account/account-form';
import { NewPasswordFields } from '../modules/account/components/password-field';
import { SignedInPersonQuery } from '../modules/account/graphql/account.queries';
import { useAcceptInvitation } from '../modules/account/hooks/use-accept-invitation';
import { SignInForm } from '../modules/session/components/sign-in-form';
import { SignOutMutation, SwitchWorkspaceMutation } from '../modules/session/graphql/session.mutations';
import { errorFacts } from '../modules/ui/describe-error';
import { ErrorAlert } from '../modules/ui/error-alert';
import { Loading } from '../modules/ui/loading';

/**
 * The emailed invitation link. Signed in as the invited address: one button. Signed out: create
 * an account with the address (name and password), or sign in with it, then accept.
 */
export default function AcceptInvitationPage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const [who, refetchWho] = useQuery({ query: SignedInPersonQuery, requestPolicy: 'network-only' });
  const recheck = () => refetchWho({ requestPolicy: 'network-only' });
  const { acceptInvitation, fetching, error } = useAcceptInvitation();
  const [, switchWorkspace] = useMutation(SwitchWorkspaceMutation);
  const [signOut, runSignOut] = useMutation(SignOutMutation);
  const [values, setValues] = useState({ name: '', password: '', confirmPassword: '' });
  const [attempted, setAttempted] = useState(false);
  const person = who.data?.me.user ?? null;
  const problems = attempted ? checkAccountFields(values, t) : {};
  const fromServer = serverAccountErrors(error, t, i18n.language);
  const code = error ? errorFacts(error).code : null;

  const accept = async (input: { name?: string; password?: string }) => {
    const locale = isLanguage(i18n.language) ? i18n.language : 'en';
    const result = await acceptInvitation({ token, ...input, locale });
    const workspaceId = result.data?.acceptInvitation.membership.workspace.id;
    if (!workspaceId) return;
    // A person already signed in works in the workspace they just joined.
    if (person) await switchWorkspace({ input: { workspaceId } });
    navigate('/', { replace: true });
  };

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (Object.keys(checkAccountFields(values, t)).length) return;
    await accept({ name: values.name.trim(), password: values.password });
  };

  if (!token) {
    return <Alert color="red" role="alert" title={t('account.errors.missingToken')} />;
  }
  if (who.fetching && !who.data && !who.error) return <Loading />;

  const tokenAlert = fromServer.token && code === ErrorCode.BAD_USER_INPUT && <Alert color="red" role="alert" title={fromServer.token} />;
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack>
        <Title order={2} size="h3">
          {t('account.invitation.title')}
        </Title>
        <Text>{t('account.invitation.intro')}</Text>
        {tokenAlert}
        {code === ErrorCode.FORBIDDEN && (
          <Alert color="red" role="alert" title={t('account.invitation.mismatch')}>
            <Text size="sm">{t('account.invitation.mismatchHelp')}</Text>
            {i18n.language === 'en' && error?.graphQLErrors[0] && <Text size="sm" mt="xs">{error.graphQLErrors[0].message}</Text>}
          </Alert>
        )}
        {person ? (
          <Stack>
            <Text>{t('account.invitation.signedInAs', { name: person.name, email: person.email })}</Text>
            {code !== ErrorCode.FORBIDDEN && !tokenAlert && <ErrorAlert error={error} />}
            <Button onClick={() => void accept({})} loading={fetching}>
              {t('account.invitation.accept')}
            </Button>
            <Button variant="default" loading={signOut.fetching} onClick={() => void runSignOut({}).then(recheck)}>
              {t('account.invitation.signOut')}
            </Button>
          </Stack>
        ) : (
          <>
            {code === ErrorCode.UNAUTHENTICATED && <Alert color="yellow" role="alert" title={t('account.invitation.signInFirst')} />}
            <form onSubmit={create} noValidate aria-label={t('account.invitation.newTitle')}>
              <Stack>
                <Title order={3} size="h4">
                  {t('account.invitation.newTitle')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('account.invitation.newIntro')}
                </Text>
                <TextInput label={t('account.fields.name')} autoComplete="name" required value={values.name} onChange={(e) => setValues((o) => ({ ...o, name: e.currentTarget.value }))} error={problems.name ?? fromServer.name} />
                <NewPasswordFields
                  label={t('account.fields.password')}
                  password={values.password}
                  confirm={values.confirmPassword}
                  onPassword={(v) => setValues((o) => ({ ...o, password: v }))}
                  onConfirm={(v) => setValues((o) => ({ ...o, confirmPassword: v }))}
                  error={problems.password ?? fromServer.password}
                  confirmError={problems.confirmPassword}
                />
                {error && code !== ErrorCode.UNAUTHENTICATED && !Object.keys(fromServer).length && <ErrorAlert error={error} />}
                <Button type="submit" loading={fetching}>
                  {t('account.invitation.create')}
                </Button>
              </Stack>
            </form>
            <Divider />
            <section aria-labelledby="have-account">
              <Stack>
                <Title order={3} size="h4" id="have-account">
                  {t('account.invitation.haveTitle')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('account.invitation.haveIntro')}
                </Text>
                <SignInForm onSignedIn={recheck} />
              </Stack>
            </section>
          </>
        )}
      </Stack>
    </Paper>
  );
}
