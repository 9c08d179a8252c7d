import { Container, Group, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SignInForm } from '../modules/session/components/sign-in-form';
import { LanguageSelect } from '../modules/ui/language-select';

export interface SignInPageProps {
  onSignedIn: () => void;
}

export default function SignInPage({ onSignedIn }: SignInPageProps) {
  const { t } = useTranslation();
  return (
    <Container size={420} py={60} component="main">
      <Group justify="space-between" align="flex-end" mb="lg">
        <Title order={1}>Pactwatch</Title>
        <LanguageSelect />
      </Group>
      <Text c="dimmed" mb="lg">
        {t('signIn.intro')}
      </Text>
      <Paper withBorder p="lg" radius="md">
        <Title order={2} size="h3" mb="md">
          {t('signIn.title')}
        </Title>
        <SignInForm onSignedIn={onSignedIn} />
      </Paper>
    </Container>
  );
}
