import { lazy, Suspense } from 'react';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { BrowserRouter, Route, Routes } from 'react-router';
import { PublicLayout } from '../modules/account/components/public-layout';
import { SessionProvider } from '../modules/session/components/session-provider';
import { Loading } from '../modules/ui/loading';
import { AppRoutes } from './app-routes';
import { cssVariablesResolver, theme } from './theme';

const SignInPage = lazy(() => import('../pages/sign-in-page'));
// Pages that need no session: sign-up and the emailed links (their paths are those the API mails).
const SignUpPage = lazy(() => import('../pages/sign-up-page'));
const SignUpConfirmPage = lazy(() => import('../pages/sign-up-confirm-page'));
const ForgotPasswordPage = lazy(() => import('../pages/forgot-password-page'));
const ResetPasswordPage = lazy(() => import('../pages/reset-password-page'));
const AcceptInvitationPage = lazy(() => import('../pages/accept-invitation-page'));

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      {/* Saved notices at the top: the corner below is where a new notification (NotificationsLink) shows. */}
      <Notifications position="top-center" />
      <BrowserRouter>
        <Routes>
          <Route element={<PublicLayout />}>
            <Route path="sign-up" element={<SignUpPage />} />
            <Route path="sign-up/confirm" element={<SignUpConfirmPage />} />
            <Route path="forgot-password" element={<ForgotPasswordPage />} />
            <Route path="reset-password" element={<ResetPasswordPage />} />
            <Route path="invitations/accept" element={<AcceptInvitationPage />} />
          </Route>
          <Route
            path="*"
            element={
              <SessionProvider
                signedOut={(restart) => (
                  <Suspense fallback={<Loading />}>
                    <SignInPage onSignedIn={restart} />
                  </Suspense>
                )}
              >
                <AppRoutes />
              </SessionProvider>
            }
          />
        </Routes>
      </BrowserRouter>
    </MantineProvider>
  );
}
