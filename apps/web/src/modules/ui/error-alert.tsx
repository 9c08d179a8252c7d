import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { describeError, errorFacts } from './describe-error';

export interface ErrorAlertProps {
  error: CombinedError | undefined | null;
  /** Sentences that fit this place better than the general one, by code. */
  overrides?: Parameters<typeof describeError>[2];
}

export function ErrorAlert({ error, overrides }: ErrorAlertProps) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const facts = errorFacts(error);
  // The server speaks English; its exact words help an English reader and are kept out of other languages.
  const detail = i18n.language === 'en' && facts.detail && !overrides?.[facts.code] ? facts.detail : null;
  return (
    <Alert color="red" role="alert" title={describeError(error, t, overrides)}>
      {detail && <Text size="sm">{detail}</Text>}
    </Alert>
  );
}
