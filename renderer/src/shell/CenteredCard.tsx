import { Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

/** The frame of the screens before the main shell: setup, sign-in, lock, recovery. */
export function CenteredCard({ title, children, width = 440 }: { title: string; children: ReactNode; width?: number }) {
  const { t } = useTranslation();
  return (
    <Center mih="100vh" p="md" bg="gray.0" component="main">
      <Stack w={width} maw="100%">
        <Group justify="space-between">
          <div>
            <Title order={1} size="h3">
              {t('app.name')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('app.tagline')}
            </Text>
          </div>
          <LanguageSwitch />
        </Group>
        <Paper withBorder shadow="sm" p="lg">
          <Title order={2} size="h4" mb="md">
            {title}
          </Title>
          {children}
        </Paper>
      </Stack>
    </Center>
  );
}
