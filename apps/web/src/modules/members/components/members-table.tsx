import { useState } from 'react';
import { NativeSelect, Stack, Table, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { canGrantRole, Role } from '@pactwatch/domain';
import type { MembersQuery } from '../../../gql/graphql';
import { ConfirmButton } from '../../ui/confirm-button';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/use-format';
import { useChangeMemberRole } from '../hooks/use-change-member-role';
import { useRemoveMember } from '../hooks/use-remove-member';

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

  return (
    <Stack>
      <ErrorAlert error={error} />
      <Table.ScrollContainer minWidth={640}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('members.name')}</Table.Th>
              <Table.Th scope="col">{t('members.email')}</Table.Th>
              <Table.Th scope="col">{t('members.role')}</Table.Th>
              <Table.Th scope="col">{t('members.since')}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.map((m) => {
              // Only an owner may touch an owner; the server has the last word either way.
              const editable = canGrantRole(myRole, m.role as Role);
              return (
                <Table.Tr key={m.user.id}>
                  <Table.Td>{m.user.name}</Table.Td>
                  <Table.Td>{m.user.email}</Table.Td>
                  <Table.Td>
                    <NativeSelect
                      aria-label={t('members.roleOf', { name: m.user.name })}
                      size="xs"
                      value={m.role}
                      disabled={!editable}
                      onChange={(e) => void run(changeMemberRole({ userId: m.user.id, role: e.currentTarget.value as Role }))}
                      data={(editable ? grantable : [m.role as Role]).map((r) => ({ value: r, label: t(`roles.${r}`) }))}
                    />
                  </Table.Td>
                  <Table.Td>{format.date(m.createdAt)}</Table.Td>
                  <Table.Td>
                    {editable && m.user.id !== myUserId && (
                      <ConfirmButton
                        size="xs"
                        variant="subtle"
                        color="red"
                        aria-label={t('members.removeOf', { name: m.user.name })}
                        question={t('members.removeQuestion', { name: m.user.name })}
                        confirmLabel={t('members.remove')}
                        onConfirm={() => run(removeMember({ userId: m.user.id }))}
                      >
                        {t('members.remove')}
                      </ConfirmButton>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
