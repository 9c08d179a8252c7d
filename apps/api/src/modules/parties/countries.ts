import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import es from 'i18n-iso-countries/langs/es.json';
import { foldForSearch } from '@pactwatch/domain';

// The ISO 3166-1 list and its names come from the package, not from a list kept here.
countries.registerLocale(en);
countries.registerLocale(es);

export interface CountryName {
  code: string;
  name: string;
  nameEs: string;
}

/** Every ISO 3166-1 country, by alpha-2 code, with its English and Spanish names. */
export const COUNTRIES: readonly CountryName[] = Object.keys(countries.getAlpha2Codes())
  .map((code) => ({ code, name: countries.getName(code, 'en') ?? code, nameEs: countries.getName(code, 'es') ?? code }))
  .sort((a, b) => a.code.localeCompare(b.code));

const BY_CODE = new Map(COUNTRIES.map((c) => [c.code, c]));

export function countryByCode(code: string): CountryName | undefined {
  return BY_CODE.get(code);
}

/** Countries whose code or name in either language contains the words, accents and case aside. */
export function searchCountries(search: string | null | undefined): CountryName[] {
  const words = foldForSearch(search ?? '').split(/\s+/).filter(Boolean);
  if (!words.length) return [...COUNTRIES];
  return COUNTRIES.filter((c) => {
    const text = foldForSearch(`${c.code} ${c.name} ${c.nameEs}`);
    return words.every((w) => text.includes(w));
  });
}
