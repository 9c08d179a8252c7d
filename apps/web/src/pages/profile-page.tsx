import { FormEvent, useState } from 'react';
import { Button, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeLanguage, isLanguage, Language, LANGUAGES } from '../i18n/i18n';
import { checkAccountFields, serverAccountErrors } from '../modules/account/account-form';
import { NewPasswordFields, PasswordField } from '../modules/account/components/password-field';
import { useChangePassword } from '../modules/account/hooks/use-change-password';
import { useUpdateProfile } from '../modules/account/hooks/use-update-profile';
import { useSession } from '../modules/session/hooks/use-session';
import { ErrorAlert } from '../modules/ui/error-alert';

const NAMES: Record<Language, string> = { en: 'English', es: 'Español' };

export default function ProfilePage() {
  const { t } = useTranslation();
  return (
    <Stack maw={520}>
      <Title order={1}>{t('account.profile.title')}</Title>
      <DetailsForm />
      <PasswordForm />
    </Stack>
  );
}

function DetailsForm() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const { updateProfile, fetching, error } = useUpdateProfile();
  const [name, setName] = useState(me.user?.name ?? '');
  const [locale, setLocale] = useState<Language>(isLanguage(me.user?.locale) ? me.user.locale : 'en');
  const [attempted, setAttempted] = useState(false);
  const [saved, setSaved] = useState(false);
  const problem = attempted ? checkAccountFields({ name }, t).name : undefined;
  const fromServer = serverAccountErrors(error, t, i18n.language);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    setSaved(false);
    if (checkAccountFields({ name }, t).name) return;
    const result = await updateProfile({ name: name.trim(), locale });
    if (result.error) return;
    // The saved language is this browser's choice too.
    changeLanguage(locale);
    setSaved(true);
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="profile-details">
      <form onSubmit={submit} noValidate aria-labelledby="profile-details">
        <Stack>
          <Title order={2} size="h3" id="profile-details">
            {t('account.profile.details')}
          </Title>
          <TextInput label={t('account.fields.name')} autoComplete="name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={problem ?? fromServer.name} />
          <NativeSelect
            label={t('account.fields.locale')}
            description={t('account.profile.localeHint')}
            value={locale}
            onChange={(e) => isLanguage(e.currentTarget.value) && setLocale(e.currentTarget.value)}
            data={LANGUAGES.map((l) => ({ value: l, label: NAMES[l] }))}
            error={fromServer.locale}
          />
          {error && !Object.keys(fromServer).length && <ErrorAlert error={error} />}
          {saved && <Text role="status">{t('account.profile.saved')}</Text>}
          <Button type="submit" loading={fetching} style={{ alignSelf: 'flex-start' }}>
            {t('account.profile.save')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function PasswordForm() {
  const { t, i18n } = useTranslation();
  const { changePassword, fetching, error } = useChangePassword();
  const empty = { currentPassword: '', newPassword: '', confirmPassword: '' };
  const [values, setValues] = useState(empty);
  const [attempted, setAttempted] = useState(false);
  const [changed, setChanged] = useState(false);
  const problems = attempted ? checkAccountFields(values, t) : {};
  const fromServer = serverAccountErrors(error, t, i18n.language);
  const set = (f: keyof typeof empty) => (v: string) => setValues((o) => ({ ...o, [f]: v }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    setChanged(false);
    if (Object.keys(checkAccountFields(values, t)).length) return;
    const result = await changePassword(values.currentPassword, values.newPassword);
    if (result.error) return;
    setValues(empty);
    setAttempted(false);
    setChanged(true);
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="profile-password">
      <form onSubmit={submit} noValidate aria-labelledby="profile-password">
        <Stack>
          <Title order={2} size="h3" id="profile-password">
            {t('account.profile.password')}
          </Title>
          <PasswordField label={t('account.fields.currentPassword')} autoComplete="current-password" value={values.currentPassword} onChange={set('currentPassword')} error={problems.currentPassword ?? fromServer.currentPassword} />
          <NewPasswordFields
            label={t('account.fields.newPassword')}
            password={values.newPassword}
            confirm={values.confirmPassword}
            onPassword={set('newPassword')}
            onConfirm={set('confirmPassword')}
            error={problems.newPassword ?? fromServer.newPassword}
            confirmError={problems.confirmPassword}
          />
          {error && !Object.keys(fromServer).length && <ErrorAlert error={error} />}
          {changed && <Text role="status">{t('account.profile.passwordChanged')}</Text>}
          <Button type="submit" loading={fetching} style={{ alignSelf: 'flex-start' }}>
            {t('account.profile.passwordSubmit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
