import { useMemo, useState } from 'react';
import { Button, Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CountriesQuery } from '../../../gql/graphql';
import { ErrorAlert } from '../../ui/error-alert';
import { countryMatches } from '../field-rules';
import { useAddCountryParty } from '../hooks/use-add-country-party';

export interface CountryPickerProps {
  countries: CountriesQuery['countries'];
  onAdded: () => void;
}

/** Search the ISO country list in the reader's language (or the other, or by code) and add one as a party. */
export function CountryPicker({ countries, onAdded }: CountryPickerProps) {
  const { t, i18n } = useTranslation();
  const { addCountryParty, fetching, error } = useAddCountryParty();
  const [code, setCode] = useState<string | null>(null);
  const byCode = useMemo(() => new Map(countries.map((c) => [c.code, c])), [countries]);
  // Countries already added are not offered again; an archived one is restored from the list of parties.
  const data = useMemo(
    () =>
      countries
        .filter((c) => !c.party)
        .map((c) => ({ value: c.code, label: `${i18n.language === 'es' ? c.nameEs : c.name} (${c.code})` }))
        .sort((a, b) => a.label.localeCompare(b.label, i18n.language)),
    [countries, i18n.language],
  );

  const add = async () => {
    if (!code) return;
    const result = await addCountryParty({ code });
    if (result.data) {
      setCode(null);
      onAdded();
    }
  };

  return (
    <div>
      <ErrorAlert error={error} />
      <Group align="flex-end" mt="xs" wrap="wrap">
        <Select
          label={t('refData.countryPicker')}
          description={t('refData.countryPickerHint')}
          placeholder={t('refData.countrySearch')}
          searchable
          clearable
          data={data}
          value={code}
          onChange={setCode}
          nothingFoundMessage={t('refData.noCountry')}
          filter={({ options, search }) =>
            options.filter((o) => {
              const country = 'value' in o ? byCode.get(o.value) : undefined;
              return country !== undefined && countryMatches(country, search);
            })
          }
          limit={50}
          w={{ base: '100%', sm: 340 }}
        />
        <Button onClick={() => void add()} disabled={!code} loading={fetching}>
          {t('refData.addCountry')}
        </Button>
      </Group>
    </div>
  );
}
