import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { AppLayout } from './app-layout';

// Each screen is its own chunk: the first load carries only the shell and the page it opens.
const DashboardPage = lazy(() => import('../pages/dashboard-page'));
const MyWorkPage = lazy(() => import('../pages/my-work-page'));
const AgreementsPage = lazy(() => import('../pages/agreements-page'));
const AgreementPage = lazy(() => import('../pages/agreement-page'));
const CommitmentsPage = lazy(() => import('../pages/commitments-page'));
// The list's commitments as columns by status.
const BoardPage = lazy(() => import('../pages/board-page'));
const CommitmentPage = lazy(() => import('../pages/commitment-page'));
const MembersPage = lazy(() => import('../pages/members-page'));
const ApiKeysPage = lazy(() => import('../pages/api-keys-page'));
const DigestSettingsPage = lazy(() => import('../pages/digest-settings-page'));
const DigestsAdminPage = lazy(() => import('../pages/digests-admin-page'));
const NotificationsPage = lazy(() => import('../pages/notifications-page'));
// Reference data: parties, organizations, people, themes.
const ReferenceDataPage = lazy(() => import('../pages/reference-data-page'));
// A person's own name, language and password.
const ProfilePage = lazy(() => import('../pages/profile-page'));
const NotFoundPage = lazy(() => import('../pages/not-found-page'));

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<DashboardPage />} />
        <Route path="my-work" element={<MyWorkPage />} />
        <Route path="agreements" element={<AgreementsPage />} />
        <Route path="agreements/:agreementId" element={<AgreementPage />} />
        <Route path="commitments" element={<CommitmentsPage />} />
        <Route path="board" element={<BoardPage />} />
        <Route path="commitments/:commitmentId" element={<CommitmentPage />} />
        <Route path="admin/members" element={<MembersPage />} />
        <Route path="admin/api-keys" element={<ApiKeysPage />} />
        <Route path="admin/digests" element={<DigestsAdminPage />} />
        <Route path="settings/digest" element={<DigestSettingsPage />} />
        <Route path="notifications" element={<NotificationsPage />} />
        <Route path="reference-data" element={<ReferenceDataPage />} />
        <Route path="profile" element={<ProfilePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
