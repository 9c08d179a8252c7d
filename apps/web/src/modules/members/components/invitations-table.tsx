import { useState } from 'react';
import { Badge, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import type { InvitationsQuery } from '../../../gql/graphql';
import { ConfirmButton } from '../../ui/confirm-button';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/use-format';
import { useRevokeInvitation } from '../hooks/use-revoke-invitation';

export interface InvitationsTableProps {
  invitations: InvitationsQuery['invitations'];
  onChanged: () => void;
}

type Invitation = InvitationsQuery['invitations'][number];

function stateOf(i: Invitation, now: number): 'accepted' | 'revoked' | 'expired' | 'pending' {
  if (i.acceptedAt) return 'accepted';
  if (i.revokedAt) return 'revoked';
  return Date.parse(i.expiresAt) < now ? 'expired' : 'pending';
}

export function InvitationsTable({ invitations, onChanged }: InvitationsTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { revokeInvitation } = useRevokeInvitation();
  const [error, setError] = useState<CombinedError | null>(null);
  const now = Date.now();
  if (invitations.length === 0) return <Text c="dimmed">{t('members.noInvitations')}</Text>;

  return (
    <>
      <ErrorAlert error={error} />
      <Table.ScrollContainer minWidth={640}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('members.email')}</Table.Th>
              <Table.Th scope="col">{t('members.role')}</Table.Th>
              <Table.Th scope="col">{t('members.state')}</Table.Th>
              <Table.Th scope="col">{t('members.expires')}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invitations.map((i) => {
              const state = stateOf(i, now);
              return (
                <Table.Tr key={i.id}>
                  <Table.Td>{i.email}</Table.Td>
                  <Table.Td>{t(`roles.${i.role}`)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={state === 'pending' ? 'blue' : 'gray'} autoContrast>
                      {t(`members.invitationState.${state}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{format.dateTime(i.expiresAt)}</Table.Td>
                  <Table.Td>
                    {state === 'pending' && (
                      <ConfirmButton
                        size="xs"
                        variant="subtle"
                        color="red"
                        aria-label={t('members.revokeOf', { email: i.email })}
                        question={t('members.revokeQuestion', { email: i.email })}
                        confirmLabel={t('members.revoke')}
                        onConfirm={async () => {
                          const result = await revokeInvitation({ invitationId: i.id });
                          setError(result.error ?? null);
                          onChanged();
                        }}
                      >
                        {t('members.revoke')}
                      </ConfirmButton>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
