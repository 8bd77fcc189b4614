import { Alert, Button, Code, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupFolderInfo } from '../../../../preload/contract/backupTypes';
import { sendCatch } from '../../api/client';
import { errorText } from '../../api/errorText';
import { RestorePanel } from '../backup/RestorePanel';

/**
 * The office head's backups: where day-close backups go (checked by main: writable, not in the
 * data folder, warned when on the ledger's disk), a backup now, and a restore from any folder.
 */
export function BackupScreen({ onRestored }: { onRestored: () => void }) {
  const { t } = useTranslation();
  const [folder, setFolder] = useState<BackupFolderInfo | null>(null);
  const [newDir, setNewDir] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const load = () =>
    void sendCatch('backup.folder', {}).then((r) => {
      if (r.error) setError(errorText(r.error));
      else setFolder(r.data);
    });
  useEffect(load, []);

  return (
    <Stack>
      <Title order={2} size="h3">
        {t('backups.title')}
      </Title>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {message && (
        <Alert color="green" role="status">
          {message}
        </Alert>
      )}
      <Paper withBorder p="md">
        <Stack>
          <Title order={3} size="h5">
            {t('backups.folderTitle')}
          </Title>
          <Text size="sm">{t('backups.folderIntro')}</Text>
          {folder && (
            <Text size="sm">
              {t('backups.current')}: <Code data-testid="backup-folder">{folder.dir}</Code>
            </Text>
          )}
          {folder?.isDefault && <Alert color="yellow">{t('backups.defaultWarning')}</Alert>}
          {folder && !folder.isDefault && folder.sameDisk && <Alert color="yellow">{t('backups.sameDiskWarning')}</Alert>}
          <Group align="end">
            <TextInput label={t('backups.newFolder')} value={newDir} onChange={(e) => setNewDir(e.currentTarget.value)} style={{ flex: 1 }} />
            <Button
              disabled={!newDir.trim()}
              onClick={async () => {
                setError(null);
                setMessage(null);
                const r = await sendCatch('backup.setFolder', { dir: newDir.trim() });
                if (r.error) setError(errorText(r.error));
                else {
                  setFolder(r.data);
                  setNewDir('');
                  setMessage(t('backups.folderSaved', { dir: r.data.dir }));
                }
              }}
            >
              {t('backups.setFolder')}
            </Button>
          </Group>
          <Group>
            <Button
              variant="default"
              loading={busy}
              onClick={async () => {
                setError(null);
                setMessage(null);
                setBusy(true);
                const r = await sendCatch('backup.create', {});
                setBusy(false);
                if (r.error) setError(errorText(r.error));
                else setMessage(t('backups.backupDone', { name: r.data.name }));
              }}
            >
              {t('backups.backupNow')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Stack>
          <Title order={3} size="h5">
            {t('backups.restoreTitle')}
          </Title>
          <RestorePanel mode="session" initialDir={folder?.dir ?? ''} onRestored={onRestored} />
        </Stack>
      </Paper>
    </Stack>
  );
}
