import { PasswordInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '@pactwatch/domain';

export interface PasswordFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  autoComplete: 'new-password' | 'current-password';
  description?: string;
}

export function PasswordField({ label, value, onChange, error, autoComplete, description }: PasswordFieldProps) {
  const { t } = useTranslation();
  return (
    <PasswordInput
      label={label}
      description={description}
      autoComplete={autoComplete}
      visibilityToggleButtonProps={{ 'aria-label': t('account.showPassword') }}
      required
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
}

export interface NewPasswordFieldsProps {
  /** The first field's label: "Password" on the forms that make an account, "New password" where one is changed. */
  label: string;
  password: string;
  confirm: string;
  onPassword: (value: string) => void;
  onConfirm: (value: string) => void;
  error?: string;
  confirmError?: string;
}

/** A new password with its length hint, then the same again to confirm it: the pair every account form asks for. */
export function NewPasswordFields({ label, password, confirm, onPassword, onConfirm, error, confirmError }: NewPasswordFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordField label={label} description={t('account.passwordHint', { count: PASSWORD_MIN_LENGTH })} autoComplete="new-password" value={password} onChange={onPassword} error={error} />
      <PasswordField label={t('account.fields.confirmPassword')} autoComplete="new-password" value={confirm} onChange={onConfirm} error={confirmError} />
    </>
  );
}
