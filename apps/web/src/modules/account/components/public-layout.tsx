import { Suspense, useMemo } from 'react';
import { Container, Group, Title } from '@mantine/core';
import { Outlet } from 'react-router';
import { Provider } from 'urql';
import { createGraphqlClient } from '../../session/graphql/create-graphql-client';
import { LanguageSelect } from '../../ui/language-select';
import { Loading } from '../../ui/loading';

/**
 * The frame of the pages an emailed link or a stranger opens (sign-up, reset, invitation): no
 * session needed, so they have a client of their own and never fall back to the sign-in form.
 */
export function PublicLayout() {
  const client = useMemo(() => createGraphqlClient({ onSessionLost: () => undefined }), []);
  return (
    <Provider value={client}>
      <Container size={460} py={48} px="md" component="main">
        <Group justify="space-between" align="flex-end" mb="lg">
          <Title order={1} size="h2">
            Pactwatch
          </Title>
          <LanguageSelect />
        </Group>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </Container>
    </Provider>
  );
}
