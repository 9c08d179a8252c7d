import { useTranslation } from 'react-i18next';
import { checkLabel } from '@pactwatch/domain';
import type { ReferenceDataQuery } from '../../../gql/graphql';
import { RefField } from '../field-rules';
import { useCreatePerson } from '../hooks/use-create-person';
import { useSetPersonArchived } from '../hooks/use-set-person-archived';
import { useUpdatePerson } from '../hooks/use-update-person';
import { RefListRow, ReferenceSection } from './reference-section';

export interface PeopleSectionProps {
  data: ReferenceDataQuery;
  refresh: () => void;
}

/** Officials: name, title, the organization they serve. */
export function PeopleSection({ data, refresh }: PeopleSectionProps) {
  const { t } = useTranslation();
  const { createPerson } = useCreatePerson();
  const { updatePerson } = useUpdatePerson();
  const { setPersonArchived } = useSetPersonArchived();
  const fields = (row?: RefListRow): RefField[] => [
    { name: 'name', label: t('refData.fields.name'), rule: (v, f) => checkLabel(f, v, { required: true }) },
    { name: 'title', label: t('refData.fields.title'), rule: (v, f) => checkLabel(f, v), optional: true },
    {
      name: 'organizationId',
      label: t('refData.fields.organization'),
      rule: () => null,
      optional: true,
      options: data.organizations
        .filter((o) => !o.archived || o.id === row?.values.organizationId)
        .map((o) => ({ value: o.id, label: `${o.acronym} · ${o.name}` })),
    },
  ];
  const rows = data.people.map((p) => ({
    id: p.id,
    version: p.version,
    archived: p.archived,
    primary: p.name,
    secondary: [p.title, p.organization?.acronym].filter(Boolean).join(' · ') || undefined,
    values: { name: p.name, title: p.title ?? '', organizationId: p.organization?.id ?? '' },
  }));
  const input = (v: Record<string, string>) => ({ name: v.name.trim(), title: v.title.trim() || null, organizationId: v.organizationId || null });

  return (
    <ReferenceSection
      title={t('refData.people')}
      addLabel={t('refData.addPerson')}
      newTitle={t('refData.newPerson')}
      rows={rows}
      fields={fields}
      create={(v) => createPerson(input(v))}
      update={(row, v, expectedVersion) => updatePerson({ id: row.id, expectedVersion, ...input(v) })}
      setArchived={(row, archived) => setPersonArchived({ id: row.id, expectedVersion: row.version, archived })}
      refresh={refresh}
      empty={t('refData.noPeople')}
    />
  );
}
