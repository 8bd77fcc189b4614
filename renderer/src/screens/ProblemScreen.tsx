import { Alert, Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../preload/contract/types';
import { CenteredCard } from '../shell/CenteredCard';
import { BackupKeyRestoreScreen } from './backup/RestorePanel';

/**
 * Read-only: explains what is wrong with the data folder. Never offers to start afresh; offers
 * a restore of a chosen backup, with the rights proved on the backup itself.
 */
export function ProblemScreen({ problem, onDone }: { problem: AppStatus['problem']; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const [restoring, setRestoring] = useState(false);
  if (restoring) return <BackupKeyRestoreScreen onBack={() => setRestoring(false)} onDone={onDone} />;
  return (
    <CenteredCard title={t('problem.title')} width={560}>
      <Stack>
        <Alert color="red" role="alert">
          {problem ? (i18n.language === 'en' ? problem.messageEn : problem.message) : ''}
        </Alert>
        <Text size="sm">{t('problem.intro')}</Text>
        <Button variant="default" onClick={() => setRestoring(true)}>
          {t('backups.rescueLink')}
        </Button>
      </Stack>
    </CenteredCard>
  );
}
