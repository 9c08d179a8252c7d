import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CombinedError } from 'urql';
import { ErrorCode } from '@pactwatch/domain';
import { ErrorAlert } from './error-alert';
import { errorFacts } from './describe-error';

/** The client's not-found page: an address that leads nowhere (no route, or an id that is not there). */
export function NotFound() {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={1}>{t('notFound.title')}</Title>
      <Text>{t('notFound.body')}</Text>
      <Anchor component={Link} to="/">
        {t('notFound.home')}
      </Anchor>
    </Stack>
  );
}

/**
 * What a page shows when the thing its address names could not be read: the not-found page when
 * the API answers NOT_FOUND (an unknown id, another workspace's, or one that is not an id at all,
 * such as /commitments/not-a-uuid), the error itself otherwise (the server is down, a refusal).
 */
export function PageLoadError({ error }: { error: CombinedError }) {
  return errorFacts(error).code === ErrorCode.NOT_FOUND ? <NotFound /> : <ErrorAlert error={error} />;
}
