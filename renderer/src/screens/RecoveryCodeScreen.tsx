import { Button, Checkbox, Code, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CenteredCard } from '../shell/CenteredCard';

/** Shown once after setup: the code is never stored in the clear and cannot be shown again. */
export function RecoveryCodeScreen({ code, onDone }: { code: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [stored, setStored] = useState(false);
  return (
    <CenteredCard title={t('recovery.title')} width={560}>
      <Stack>
        <Text size="sm">{t('recovery.intro')}</Text>
        <Code block fz="xl" ta="center" data-testid="recovery-code">
          {code}
        </Code>
        <Checkbox label={t('recovery.confirm')} checked={stored} onChange={(e) => setStored(e.currentTarget.checked)} />
        <Group justify="space-between">
          <Button variant="default" onClick={() => window.print()}>
            {t('recovery.print')}
          </Button>
          <Button disabled={!stored} onClick={onDone}>
            {t('common.continue')}
          </Button>
        </Group>
      </Stack>
    </CenteredCard>
  );
}
