import { useState } from 'react';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import type { DigestSubscriptionFieldsFragment } from '../../../gql/graphql';
import { RowActionButton } from '../../ui/confirm-button';
import { DataTable } from '../../ui/data-table';
import { ErrorAlert } from '../../ui/error-alert';
import { useRemoveDigestRecipient } from '../hooks/use-remove-digest-recipient';

export interface DigestRecipientsTableProps {
  recipients: DigestSubscriptionFieldsFragment[];
}

const stateOf = (r: DigestSubscriptionFieldsFragment) => (r.unsubscribed ? 'unsubscribed' : r.confirmed ? 'confirmed' : 'pending');
const STATE_COLORS = { confirmed: 'green', pending: 'yellow', unsubscribed: 'gray' };

export function DigestRecipientsTable({ recipients }: DigestRecipientsTableProps) {
  const { t } = useTranslation();
  const { removeDigestRecipient } = useRemoveDigestRecipient();
  const [error, setError] = useState<CombinedError | null>(null);
  return (
    <>
      <ErrorAlert error={error} />
      <DataTable
        data-testid="digest-recipients"
        rows={recipients}
        rowKey={(r) => r.id ?? r.email}
        minWidth={560}
        empty={t('digestAdmin.noRecipients')}
        columns={[
          { header: t('digestAdmin.email'), cell: (r) => r.email },
          { header: t('digest.cadence'), cell: (r) => t(`digest.cadences.${r.cadence}`) },
          { header: t('digest.locale'), cell: (r) => r.locale },
          {
            header: t('digestAdmin.state'),
            cell: (r) => (
              <Badge variant="light" color={STATE_COLORS[stateOf(r)]}>
                {t(`digestAdmin.states.${stateOf(r)}`)}
              </Badge>
            ),
          },
        ]}
        actions={(r) =>
          r.id && (
            <RowActionButton
              label={t('digestAdmin.remove')}
              aria-label={t('digestAdmin.removeOf', { email: r.email })}
              question={t('digestAdmin.removeQuestion', { email: r.email })}
              onConfirm={async () => setError((await removeDigestRecipient(r.id as string)).error ?? null)}
            />
          )
        }
      />
    </>
  );
}
