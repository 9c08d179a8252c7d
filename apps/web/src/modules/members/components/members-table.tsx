import { useState } from 'react';
import { NativeSelect, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { canGrantRole, Role } from '@pactwatch/domain';
import type { MembersQuery } from '../../../gql/graphql';
import { RowActionButton } from '../../ui/confirm-button';
import { DataTable } from '../../ui/data-table';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/use-format';
import { useChangeMemberRole } from '../hooks/use-change-member-role';
import { useRemoveMember } from '../hooks/use-remove-member';

type Member = MembersQuery['members'][number];

export interface MembersTableProps {
  members: MembersQuery['members'];
  myRole: Role;
  myUserId: string | undefined;
  onChanged: () => void;
}

export function MembersTable({ members, myRole, myUserId, onChanged }: MembersTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { changeMemberRole } = useChangeMemberRole();
  const { removeMember } = useRemoveMember();
  const [error, setError] = useState<CombinedError | null>(null);
  const grantable = Object.values(Role).filter((r) => canGrantRole(myRole, r));

  const run = async (action: Promise<{ error?: CombinedError }>) => {
    const result = await action;
    setError(result.error ?? null);
    onChanged();
  };

  // Only an owner may touch an owner; the server has the last word either way.
  const editable = (m: Member) => canGrantRole(myRole, m.role as Role);

  return (
    <Stack>
      <ErrorAlert error={error} />
      <DataTable
        rows={members}
        rowKey={(m) => m.user.id}
        minWidth={640}
        columns={[
          { header: t('members.name'), cell: (m) => m.user.name },
          { header: t('members.email'), cell: (m) => m.user.email },
          {
            header: t('members.role'),
            cell: (m) => (
              <NativeSelect
                aria-label={t('members.roleOf', { name: m.user.name })}
                size="xs"
                value={m.role}
                disabled={!editable(m)}
                onChange={(e) => void run(changeMemberRole({ userId: m.user.id, role: e.currentTarget.value as Role }))}
                data={(editable(m) ? grantable : [m.role as Role]).map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              />
            ),
          },
          { header: t('members.since'), cell: (m) => format.date(m.createdAt) },
        ]}
        actions={(m) =>
          editable(m) &&
          m.user.id !== myUserId && (
            <RowActionButton
              label={t('members.remove')}
              aria-label={t('members.removeOf', { name: m.user.name })}
              question={t('members.removeQuestion', { name: m.user.name })}
              onConfirm={() => run(removeMember({ userId: m.user.id }))}
            />
          )
        }
      />
    </Stack>
  );
}
