import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../preload/contract/types';
import { send, sendCatch } from '../api/client';
import { CenteredCard } from '../shell/CenteredCard';
import { RestorePanel } from './backup/RestorePanel';

/**
 * The start-up check failed: say what is wrong and offer a restore from a verified backup, from
 * the office's backup folder or any other folder the head names (another USB disk). Nothing here
 * repairs or writes the damaged ledger.
 */
export function RescueScreen({ status, onDone }: { status: AppStatus; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const isHead = status.session?.role === 'HEAD';
  const [folder, setFolder] = useState('');
  useEffect(() => {
    // The configured folder, if the damaged ledger can still say; else the head types one.
    if (isHead) void sendCatch('backup.folder', {}).then((r) => r.data && setFolder(r.data.dir));
  }, [isHead]);
  const r = status.rescue;
  return (
    <CenteredCard title={t('rescue.title')} width={680}>
      <Stack>
        <Alert color="red" role="alert">
          {/* Main names the damage class (lost acknowledged writes, damaged pages, a cut-off file, a broken chain). */}
          {r?.message ? (i18n.language === 'en' ? r.messageEn : r.message) : null}
          {/* 'deferred': the page check of a large ledger had not run yet, so the chain is what failed. */}
          {r?.message ? null : r?.integrity !== 'ok' && r?.integrity !== 'deferred' ? t('rescue.integrity') : t('rescue.chain', { seq: r?.firstBadSeq ?? '?' })}
        </Alert>
        <Text size="sm">{t('rescue.intro')}</Text>
        {!isHead && <Alert color="yellow">{t('rescue.callHead')}</Alert>}
        {isHead && <RestorePanel mode="session" initialDir={folder} onRestored={onDone} />}
        <Group justify="space-between">
          <Button variant="subtle" onClick={() => void send('auth.logout', {}).then(onDone)}>
            {t('nav.logout')}
          </Button>
        </Group>
      </Stack>
    </CenteredCard>
  );
}
