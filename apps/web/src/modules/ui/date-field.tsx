import { TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '@pactwatch/domain';
import { useFormat } from './use-format';

export interface DateFieldProps extends Omit<TextInputProps, 'type' | 'value' | 'onChange'> {
  /** YYYY-MM-DD, or '' for none. */
  value: string;
  onChange: (value: string) => void;
}

/**
 * A day picked with the browser's date control. The control writes the day in the browser's own
 * language, which a page cannot change; the line below it says the chosen day in the app's.
 */
export function DateField({ value, onChange, description, ...props }: DateFieldProps) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <TextInput
      {...props}
      type="date"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      description={isIsoDate(value) ? t('dateField.chosen', { date: format.date(value) }) : description}
    />
  );
}
