import { lazy, Suspense } from 'react';
import { MantineProvider } from '@mantine/core';
import { BrowserRouter } from 'react-router';
import { SessionProvider } from '../modules/session/components/session-provider';
import { Loading } from '../modules/ui/loading';
import { AppRoutes } from './app-routes';
import { cssVariablesResolver, theme } from './theme';

const SignInPage = lazy(() => import('../pages/sign-in-page'));

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <BrowserRouter>
        <SessionProvider
          signedOut={(restart) => (
            <Suspense fallback={<Loading />}>
              <SignInPage onSignedIn={restart} />
            </Suspense>
          )}
        >
          <AppRoutes />
        </SessionProvider>
      </BrowserRouter>
    </MantineProvider>
  );
}
