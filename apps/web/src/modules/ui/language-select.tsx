import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeLanguage, isLanguage, LANGUAGES } from '../../i18n/i18n';

const NAMES: Record<(typeof LANGUAGES)[number], string> = { en: 'English', es: 'Español' };

/** Each language is named in itself, so a reader finds theirs whatever the page is in. */
export function LanguageSelect() {
  const { t, i18n } = useTranslation();
  return (
    <NativeSelect
      label={t('common.language')}
      size="xs"
      // Wide enough for "Español" whatever room the header has left.
      miw={96}
      value={i18n.language}
      onChange={(e) => isLanguage(e.currentTarget.value) && changeLanguage(e.currentTarget.value)}
      data={LANGUAGES.map((l) => ({ value: l, label: NAMES[l] }))}
    />
  );
}
