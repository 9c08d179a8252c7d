import { FormEvent, useState } from 'react';
import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DigestCadence } from '../../../gql/graphql';
import { ErrorAlert } from '../../ui/error-alert';
import { useAddDigestRecipient } from '../hooks/use-add-digest-recipient';
import { CADENCES, DIGEST_LOCALES } from '../digest-schedule';

/** Someone without an account who gets the workspace's digest once they confirm by the emailed link. */
export function AddDigestRecipientForm() {
  const { t } = useTranslation();
  const { addDigestRecipient, fetching, error } = useAddDigestRecipient();
  const [email, setEmail] = useState('');
  const [cadence, setCadence] = useState<DigestCadence>('WEEKLY');
  const [locale, setLocale] = useState<string>('en');
  const [missing, setMissing] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMissing(!email.trim());
    if (!email.trim()) return;
    const result = await addDigestRecipient({ email: email.trim(), cadence, locale });
    if (!result.error) setEmail('');
  };

  return (
    <form onSubmit={(e) => void submit(e)} aria-label={t('digestAdmin.add')} noValidate>
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('digestAdmin.email')}
          type="email"
          required
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={missing ? t('members.errors.email') : undefined}
          style={{ flex: '1 1 240px' }}
        />
        <NativeSelect label={t('digest.cadence')} value={cadence} onChange={(e) => setCadence(e.currentTarget.value as DigestCadence)} data={CADENCES.filter((c) => c !== 'OFF').map((c) => ({ value: c, label: t(`digest.cadences.${c}`) }))} />
        <NativeSelect label={t('digest.locale')} value={locale} onChange={(e) => setLocale(e.currentTarget.value)} data={DIGEST_LOCALES.map((l) => ({ value: l, label: t(`digest.locales.${l}`) }))} />
        <Button type="submit" loading={fetching}>
          {t('digestAdmin.addSubmit')}
        </Button>
      </Group>
      <div style={{ marginTop: 8 }}>
        <ErrorAlert error={error} />
      </div>
    </form>
  );
}
