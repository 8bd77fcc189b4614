import { Alert, Button, Group, PasswordInput, Radio, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../preload/contract/backupTypes';
import type { AppStatus } from '../../../preload/contract/types';
import { send, sendCatch } from '../api/client';
import { errorText } from '../api/errorText';
import { CenteredCard } from '../shell/CenteredCard';

/**
 * The start-up check failed: say what is wrong and offer a restore from a verified backup.
 * Nothing here repairs or writes the damaged ledger.
 */
export function RescueScreen({ status, onDone }: { status: AppStatus; onDone: () => void }) {
  const { t } = useTranslation();
  const isHead = status.session?.role === 'HEAD';
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [chosen, setChosen] = useState<string>('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (isHead) void send('backup.list', {}).then((b) => setBackups(b.filter((x) => x.whole)));
  }, [isHead]);
  const r = status.rescue;
  return (
    <CenteredCard title={t('rescue.title')} width={640}>
      <Stack>
        <Alert color="red" role="alert">
          {r?.integrity !== 'ok' ? t('rescue.integrity') : t('rescue.chain', { seq: r?.firstBadSeq ?? '?' })}
        </Alert>
        <Text size="sm">{t('rescue.intro')}</Text>
        {!isHead && <Alert color="yellow">{t('rescue.callHead')}</Alert>}
        {isHead && backups && backups.length === 0 && <Alert color="yellow">{t('rescue.noBackups')}</Alert>}
        {isHead && backups && backups.length > 0 && (
          <Radio.Group label={t('rescue.choose')} value={chosen} onChange={setChosen}>
            <Stack gap={4} mt="xs">
              {backups.map((b) => (
                <Radio key={b.dir} value={b.dir} label={`${b.name} — #${b.chainHead?.seq ?? '?'}`} />
              ))}
            </Stack>
          </Radio.Group>
        )}
        {isHead && backups && backups.length > 0 && (
          <PasswordInput label={t('lock.password')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
        )}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="space-between">
          <Button variant="subtle" onClick={() => void send('auth.logout', {}).then(onDone)}>
            {t('nav.logout')}
          </Button>
          {isHead && (
            <Button
              color="red"
              loading={busy}
              disabled={!chosen || !password}
              onClick={async () => {
                setBusy(true);
                const res = await sendCatch('backup.restore', { file: chosen, password });
                setBusy(false);
                if (res.error) setError(errorText(res.error));
                else onDone();
              }}
            >
              {t('rescue.restore')}
            </Button>
          )}
        </Group>
      </Stack>
    </CenteredCard>
  );
}
