import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Permission } from '@pactwatch/domain';
import { GettingStarted } from '../modules/reference-data/components/getting-started';
import { OrganizationsSection } from '../modules/reference-data/components/organizations-section';
import { PartiesSection } from '../modules/reference-data/components/parties-section';
import { PeopleSection } from '../modules/reference-data/components/people-section';
import { ThemesSection } from '../modules/reference-data/components/themes-section';
import { useCountries } from '../modules/reference-data/hooks/use-countries';
import { useReferenceData } from '../modules/reference-data/hooks/use-reference-data';
import { useCan } from '../modules/session/hooks/use-can';
import { ErrorAlert } from '../modules/ui/error-alert';
import { Loading } from '../modules/ui/loading';

export default function ReferenceDataPage() {
  const { t } = useTranslation();
  const allowed = useCan(Permission.WRITE);
  const { data, error, refresh } = useReferenceData();
  const { countries, refresh: refreshCountries } = useCountries();
  const refreshAll = () => {
    refresh();
    refreshCountries();
  };

  if (!allowed) return <Text>{t('errors.FORBIDDEN')}</Text>;
  return (
    <Stack>
      <Title order={1}>{t('refData.title')}</Title>
      <Text c="dimmed">{t('refData.intro')}</Text>
      <GettingStarted />
      <ErrorAlert error={error} />
      {!data && !error && <Loading />}
      {data && (
        <Tabs defaultValue="parties" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="parties">{t('refData.parties')}</Tabs.Tab>
            <Tabs.Tab value="organizations">{t('refData.organizations')}</Tabs.Tab>
            <Tabs.Tab value="people">{t('refData.people')}</Tabs.Tab>
            <Tabs.Tab value="themes">{t('refData.themes')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="parties" pt="md">
            <PartiesSection parties={data.parties} countries={countries} refresh={refreshAll} />
          </Tabs.Panel>
          <Tabs.Panel value="organizations" pt="md">
            <OrganizationsSection data={data} refresh={refresh} />
          </Tabs.Panel>
          <Tabs.Panel value="people" pt="md">
            <PeopleSection data={data} refresh={refresh} />
          </Tabs.Panel>
          <Tabs.Panel value="themes" pt="md">
            <ThemesSection themes={data.themes} refresh={refresh} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
