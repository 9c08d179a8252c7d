import { useTranslation } from 'react-i18next';
import { checkLabel, checkThemeSlug } from '@pactwatch/domain';
import type { ReferenceDataQuery } from '../../../gql/graphql';
import { RefField } from '../field-rules';
import { useCreateTheme } from '../hooks/use-create-theme';
import { useSetThemeArchived } from '../hooks/use-set-theme-archived';
import { useUpdateTheme } from '../hooks/use-update-theme';
import { ReferenceSection } from './reference-section';

export interface ThemesSectionProps {
  themes: ReferenceDataQuery['themes'];
  refresh: () => void;
}

/** Tags for commitments, labelled in each language; the slug is fixed once made. */
export function ThemesSection({ themes, refresh }: ThemesSectionProps) {
  const { t, i18n } = useTranslation();
  const { createTheme } = useCreateTheme();
  const { updateTheme } = useUpdateTheme();
  const { setThemeArchived } = useSetThemeArchived();
  const fields: RefField[] = [
    { name: 'slug', label: t('refData.fields.slug'), rule: (v, f) => checkThemeSlug(f, v), createOnly: true },
    { name: 'name', label: t('refData.fields.labelEn'), rule: (v, f) => checkLabel(f, v, { required: true }) },
    { name: 'nameEs', label: t('refData.fields.labelEs'), rule: (v, f) => checkLabel(f, v, { required: true }) },
  ];
  const rows = themes.map((th) => ({
    id: th.id,
    version: th.version,
    archived: th.archived,
    primary: i18n.language === 'es' ? th.nameEs : th.name,
    secondary: th.slug,
    values: { slug: th.slug, name: th.name, nameEs: th.nameEs },
  }));

  return (
    <ReferenceSection
      title={t('refData.themes')}
      addLabel={t('refData.addTheme')}
      newTitle={t('refData.newTheme')}
      rows={rows}
      fields={() => fields}
      create={(v) => createTheme({ slug: v.slug.trim(), name: v.name.trim(), nameEs: v.nameEs.trim() })}
      update={(row, v, expectedVersion) => updateTheme({ id: row.id, expectedVersion, name: v.name.trim(), nameEs: v.nameEs.trim() })}
      setArchived={(row, archived) => setThemeArchived({ id: row.id, expectedVersion: row.version, archived })}
      refresh={refresh}
      empty={t('refData.noThemes')}
    />
  );
}
