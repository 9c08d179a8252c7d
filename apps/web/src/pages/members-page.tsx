import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Permission, Role } from '@pactwatch/domain';
import { InvitationsTable } from '../modules/members/components/invitations-table';
import { InviteMemberForm } from '../modules/members/components/invite-member-form';
import { MembersTable } from '../modules/members/components/members-table';
import { useInvitations } from '../modules/members/hooks/use-invitations';
import { useMembers } from '../modules/members/hooks/use-members';
import { ReminderSettingsForm } from '../modules/reminders/components/reminder-settings-form';
import { useReminderSettings } from '../modules/reminders/hooks/use-reminder-settings';
import { useCan } from '../modules/session/hooks/use-can';
import { useSession } from '../modules/session/hooks/use-session';
import { ErrorAlert } from '../modules/ui/error-alert';
import { Loading } from '../modules/ui/loading';
import { Panel } from '../modules/ui/panel';

export default function MembersPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const allowed = useCan(Permission.MANAGE_MEMBERS);
  const members = useMembers(allowed);
  const invitations = useInvitations(allowed);
  const reminders = useReminderSettings(allowed);
  const refresh = () => {
    members.refresh();
    invitations.refresh();
  };

  if (!allowed || !me.role) return <Text>{t('errors.FORBIDDEN')}</Text>;
  const myRole = me.role as Role;
  return (
    <Stack>
      <Title order={1}>{t('members.title')}</Title>
      <Panel title={t('members.members')}>
        <ErrorAlert error={members.error} />
        {!members.data && !members.error && <Loading />}
        {members.data && <MembersTable members={members.data.members} myRole={myRole} myUserId={me.user?.id} onChanged={refresh} />}
      </Panel>
      <Panel title={t('members.invitations')}>
        <InviteMemberForm myRole={myRole} onInvited={refresh} />
        <div style={{ marginTop: 16 }}>
          <ErrorAlert error={invitations.error} />
          {invitations.data && <InvitationsTable invitations={invitations.data.invitations} onChanged={refresh} />}
        </div>
      </Panel>
      <Panel title={t('reminders.title')}>
        <ErrorAlert error={reminders.error} />
        {reminders.data && <ReminderSettingsForm daysBefore={reminders.data.reminderSettings.daysBefore} />}
      </Panel>
    </Stack>
  );
}
