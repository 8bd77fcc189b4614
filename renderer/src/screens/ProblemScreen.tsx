import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../preload/contract/types';
import { CenteredCard } from '../shell/CenteredCard';

/** Read-only: explains what is wrong with the data folder. Never offers to start afresh. */
export function ProblemScreen({ problem }: { problem: AppStatus['problem'] }) {
  const { t, i18n } = useTranslation();
  return (
    <CenteredCard title={t('problem.title')} width={560}>
      <Stack>
        <Alert color="red" role="alert">
          {problem ? (i18n.language === 'en' ? problem.messageEn : problem.message) : ''}
        </Alert>
        <Text size="sm">{t('problem.intro')}</Text>
      </Stack>
    </CenteredCard>
  );
}
