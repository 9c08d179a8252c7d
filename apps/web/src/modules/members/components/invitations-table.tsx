import { useState } from 'react';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import type { InvitationsQuery } from '../../../gql/graphql';
import { RowActionButton } from '../../ui/confirm-button';
import { DataTable } from '../../ui/data-table';
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

  return (
    <>
      <ErrorAlert error={error} />
      <DataTable
        rows={invitations}
        rowKey={(i) => i.id}
        minWidth={640}
        empty={t('members.noInvitations')}
        columns={[
          { header: t('members.email'), cell: (i) => i.email },
          { header: t('members.role'), cell: (i) => t(`roles.${i.role}`) },
          {
            header: t('members.state'),
            cell: (i) => {
              const state = stateOf(i, now);
              return (
                <Badge variant="light" color={state === 'pending' ? 'blue' : 'gray'} autoContrast>
                  {t(`members.invitationState.${state}`)}
                </Badge>
              );
            },
          },
          { header: t('members.expires'), cell: (i) => format.dateTime(i.expiresAt) },
        ]}
        actions={(i) =>
          stateOf(i, now) === 'pending' && (
            <RowActionButton
              label={t('members.revoke')}
              aria-label={t('members.revokeOf', { email: i.email })}
              question={t('members.revokeQuestion', { email: i.email })}
              onConfirm={async () => {
                const result = await revokeInvitation({ invitationId: i.id });
                setError(result.error ?? null);
                onChanged();
              }}
            />
          )
        }
      />
    </>
  );
}
