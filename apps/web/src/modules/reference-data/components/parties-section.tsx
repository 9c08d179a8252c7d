import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ACRONYM_MAX_LENGTH, checkLabel, checkPartyCode, PartyKind } from '@pactwatch/domain';
import type { CountriesQuery, ReferenceDataQuery } from '../../../gql/graphql';
import { RefField } from '../field-rules';
import { useCreateParty } from '../hooks/use-create-party';
import { useSetPartyArchived } from '../hooks/use-set-party-archived';
import { useUpdateParty } from '../hooks/use-update-party';
import { CountryPicker } from './country-picker';
import { ReferenceSection } from './reference-section';

export interface PartiesSectionProps {
  parties: ReferenceDataQuery['parties'];
  countries: CountriesQuery['countries'] | undefined;
  refresh: () => void;
}

/** Countries added from the list, and bodies of the team's own (EU, UNHCR). */
export function PartiesSection({ parties, countries, refresh }: PartiesSectionProps) {
  const { t, i18n } = useTranslation();
  const { createParty } = useCreateParty();
  const { updateParty } = useUpdateParty();
  const { setPartyArchived } = useSetPartyArchived();
  const fields: RefField[] = [
    { name: 'code', label: t('refData.fields.code'), rule: (v, f) => checkPartyCode(f, v) ?? checkLabel(f, v, { max: ACRONYM_MAX_LENGTH }), createOnly: true },
    { name: 'name', label: t('refData.fields.nameEn'), rule: (v, f) => checkLabel(f, v, { required: true }) },
    { name: 'nameEs', label: t('refData.fields.nameEs'), rule: (v, f) => checkLabel(f, v, { required: true }) },
  ];
  const rows = parties.map((p) => ({
    id: p.id,
    version: p.version,
    archived: p.archived,
    primary: `${i18n.language === 'es' ? p.nameEs : p.name} (${p.code})`,
    secondary: p.kind === PartyKind.COUNTRY ? t('refData.kind.COUNTRY') : t('refData.kind.CUSTOM'),
    values: { code: p.code, name: p.name, nameEs: p.nameEs },
  }));

  return (
    <ReferenceSection
      title={t('refData.parties')}
      addLabel={t('refData.addCustomParty')}
      newTitle={t('refData.newCustomParty')}
      rows={rows}
      fields={() => fields}
      create={(v) => createParty({ code: v.code.trim(), name: v.name.trim(), nameEs: v.nameEs.trim() })}
      update={(row, v, expectedVersion) => updateParty({ id: row.id, expectedVersion, name: v.name.trim(), nameEs: v.nameEs.trim() })}
      setArchived={(row, archived) => setPartyArchived({ id: row.id, expectedVersion: row.version, archived })}
      refresh={refresh}
      empty={t('refData.noParties')}
    >
      {countries ? <CountryPicker countries={countries} onAdded={refresh} /> : <Text c="dimmed">{t('common.loading')}</Text>}
    </ReferenceSection>
  );
}
