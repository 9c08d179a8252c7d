import { Anchor, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
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
        <Stack gap={4} mt="md">
          <Anchor component={Link} to="/forgot-password" size="sm">
            {t('account.links.forgot')}
          </Anchor>
          <Text size="sm">
            {t('account.links.noAccount')}{' '}
            <Anchor component={Link} to="/sign-up">
              {t('account.links.signUp')}
            </Anchor>
          </Text>
        </Stack>
      </Paper>
    </Container>
  );
}
