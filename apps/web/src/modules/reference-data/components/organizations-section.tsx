import { useTranslation } from 'react-i18next';
import { ACRONYM_MAX_LENGTH, checkLabel } from '@pactwatch/domain';
import type { ReferenceDataQuery } from '../../../gql/graphql';
import { RefField } from '../field-rules';
import { useCreateOrganization } from '../hooks/use-create-organization';
import { useSetOrganizationArchived } from '../hooks/use-set-organization-archived';
import { useUpdateOrganization } from '../hooks/use-update-organization';
import { RefListRow, ReferenceSection } from './reference-section';

export interface OrganizationsSectionProps {
  data: ReferenceDataQuery;
  refresh: () => void;
}

/** Agencies and ministries, each of a party (DHS of the US, SRE of Mexico). */
export function OrganizationsSection({ data, refresh }: OrganizationsSectionProps) {
  const { t, i18n } = useTranslation();
  const { createOrganization } = useCreateOrganization();
  const { updateOrganization } = useUpdateOrganization();
  const { setOrganizationArchived } = useSetOrganizationArchived();
  const partyLabel = (p: ReferenceDataQuery['parties'][number]) => `${i18n.language === 'es' ? p.nameEs : p.name} (${p.code})`;
  const fields = (row?: RefListRow): RefField[] => [
    {
      name: 'partyId',
      label: t('refData.fields.party'),
      rule: (v, f) => (v ? null : { field: f, message: `${f} is required` }),
      // Archived parties are not offered, except the one the organization already has.
      options: data.parties.filter((p) => !p.archived || p.id === row?.values.partyId).map((p) => ({ value: p.id, label: partyLabel(p) })),
    },
    { name: 'acronym', label: t('refData.fields.acronym'), rule: (v, f) => checkLabel(f, v, { required: true, max: ACRONYM_MAX_LENGTH }) },
    { name: 'name', label: t('refData.fields.name'), rule: (v, f) => checkLabel(f, v, { required: true }) },
  ];
  const rows = data.organizations.map((o) => ({
    id: o.id,
    version: o.version,
    archived: o.archived,
    primary: o.acronym,
    secondary: `${o.name} · ${o.party.code}`,
    values: { partyId: o.party.id, acronym: o.acronym, name: o.name },
  }));

  return (
    <ReferenceSection
      title={t('refData.organizations')}
      addLabel={t('refData.addOrganization')}
      newTitle={t('refData.newOrganization')}
      rows={rows}
      fields={fields}
      create={(v) => createOrganization({ partyId: v.partyId, acronym: v.acronym.trim(), name: v.name.trim() })}
      update={(row, v, expectedVersion) => updateOrganization({ id: row.id, expectedVersion, partyId: v.partyId, acronym: v.acronym.trim(), name: v.name.trim() })}
      setArchived={(row, archived) => setOrganizationArchived({ id: row.id, expectedVersion: row.version, archived })}
      refresh={refresh}
      empty={data.parties.length ? t('refData.noOrganizations') : t('refData.partiesFirst')}
    />
  );
}
