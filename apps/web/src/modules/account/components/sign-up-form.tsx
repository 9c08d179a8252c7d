import { FormEvent, useState } from 'react';
import { Button, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isLanguage } from '../../../i18n/i18n';
import { ErrorAlert } from '../../ui/error-alert';
import { checkAccountFields, serverAccountErrors } from '../account-form';
import { useSignUp } from '../hooks/use-sign-up';
import { NewPasswordFields } from './password-field';

export interface SignUpFormProps {
  onSent: (email: string) => void;
}

export function SignUpForm({ onSent }: SignUpFormProps) {
  const { t, i18n } = useTranslation();
  const { signUp, fetching, error } = useSignUp();
  const [values, setValues] = useState({ email: '', name: '', workspaceName: '', password: '', confirmPassword: '' });
  const [attempted, setAttempted] = useState(false);
  const problems = attempted ? checkAccountFields(values, t) : {};
  const fromServer = serverAccountErrors(error, t, i18n.language);
  const errorOf = (f: keyof typeof values) => problems[f] ?? fromServer[f];
  const set = (f: keyof typeof values) => (v: string) => setValues((old) => ({ ...old, [f]: v }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (Object.keys(checkAccountFields(values, t)).length) return;
    const locale = isLanguage(i18n.language) ? i18n.language : 'en';
    const result = await signUp({ email: values.email.trim(), name: values.name.trim(), workspaceName: values.workspaceName.trim(), password: values.password, locale });
    if (!result.error) onSent(values.email.trim());
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('account.signUp.title')}>
      <Stack>
        <TextInput label={t('account.fields.email')} type="email" autoComplete="email" required value={values.email} onChange={(e) => set('email')(e.currentTarget.value)} error={errorOf('email')} />
        <TextInput label={t('account.fields.name')} autoComplete="name" required value={values.name} onChange={(e) => set('name')(e.currentTarget.value)} error={errorOf('name')} />
        <TextInput label={t('account.fields.workspaceName')} autoComplete="organization" required value={values.workspaceName} onChange={(e) => set('workspaceName')(e.currentTarget.value)} error={errorOf('workspaceName')} />
        <NewPasswordFields
          label={t('account.fields.password')}
          password={values.password}
          confirm={values.confirmPassword}
          onPassword={set('password')}
          onConfirm={set('confirmPassword')}
          error={errorOf('password')}
          confirmError={errorOf('confirmPassword')}
        />
        {error && !Object.keys(fromServer).length && <ErrorAlert error={error} />}
        <Button type="submit" loading={fetching}>
          {t('account.signUp.submit')}
        </Button>
      </Stack>
    </form>
  );
}
