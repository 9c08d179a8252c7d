import { PasswordInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

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
