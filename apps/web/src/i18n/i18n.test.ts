import { describe, expect, it } from 'vitest';
import { en } from './en';
import { es } from './es';
import { i18n } from './i18n';

/** Every message of a catalogue with its dotted key. */
function messages(catalogue: object, prefix = ''): [string, string][] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : messages(value as object, `${prefix}${key}.`),
  );
}

describe('counts in messages', () => {
  it('have thousands separators in each language, as Intl writes them', () => {
    const esNumber = new Intl.NumberFormat('es').format(12345);
    expect(esNumber).not.toBe('12345');
    expect(i18n.getFixedT('en')('dashboard.overdue', { count: 12345 })).toBe('Overdue (12,345)');
    expect(i18n.getFixedT('es')('dashboard.overdue', { count: 12345 })).toBe(`Vencidos (${esNumber})`);
    expect(i18n.getFixedT('en')('agreements.commitments', { count: 1234 })).toBe('1,234 commitments');
    expect(i18n.getFixedT('en')('comments.title', { count: 1 })).toBe('Discussion (1)');
    expect(i18n.getFixedT('en')('myWork.more', { shown: 50, total: 1500 })).toBe('Showing 50 of 1,500. See them all in the list.');
  });

  it('no message puts a count in unformatted', () => {
    const raw = [...messages(en), ...messages(es)].filter(([, text]) => /\{\{(count|total|shown|rows|created|updated|unchanged|agreements|scheduled|sent|empty|failed)\}\}/.test(text));
    expect(raw).toEqual([]);
  });
});
