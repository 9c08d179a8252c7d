import { NativeSelect, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession } from '../hooks/use-session';
import { useSwitchWorkspace } from '../hooks/use-switch-workspace';

/** Lists the person's workspaces; with only one there is nothing to switch, so it is just named. */
export function WorkspaceSwitch() {
  const { t } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const { switchWorkspace, fetching } = useSwitchWorkspace();
  const current = me.workspace;
  if (me.memberships.length < 2) {
    return (
      <Text size="sm" fw={500} title={current?.name} maw={200} truncate="end">
        {current?.name}
      </Text>
    );
  }
  return (
    <NativeSelect
      label={t('shell.workspace')}
      size="xs"
      disabled={fetching}
      value={current?.id ?? ''}
      onChange={(e) => {
        const id = e.currentTarget.value;
        // Ids of one workspace mean nothing in another: start again from the dashboard.
        navigate('/');
        void switchWorkspace(id);
      }}
      data={me.memberships.map((m) => ({ value: m.workspace.id, label: m.workspace.name }))}
    />
  );
}
