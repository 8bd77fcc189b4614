import { Alert, Anchor, Button, Group, Paper, PasswordInput, Radio, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo, BackupVerification, RestoreResult } from '../../../../preload/contract/backupTypes';
import type { ApiError } from '../../../../preload/contract/errors';
import { onMainEvent, sendCatch } from '../../api/client';
import { errorText } from '../../api/errorText';
import { CenteredCard } from '../../shell/CenteredCard';

/**
 * Choosing and restoring a backup. `session`: the signed-in office head (normal screen or
 * rescue mode), who proves the right with their own password. `backup-key`: nobody can sign
 * in (damaged ledger, missing key file, forgotten password): the office head's password or the
 * recovery code must open the backup's own key file. Both ask for a confirmation that says the
 * current ledger is kept aside, and main checks the backup in full before anything is replaced.
 */
export function RestorePanel({ mode, initialDir = '', onRestored }: { mode: 'session' | 'backup-key'; initialDir?: string; onRestored: (r: RestoreResult) => void }) {
  const { t } = useTranslation();
  const [dir, setDir] = useState(initialDir);
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [chosen, setChosen] = useState('');
  const [proof, setProof] = useState<'password' | 'code'>('password');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<RestoreResult | null>(null);

  useEffect(() => setDir(initialDir), [initialDir]);
  // A background check ended: refresh the list on screen so its "doğrulanıyor…" turns into the answer.
  const [listed, setListed] = useState<string | null>(null);
  useEffect(() => onMainEvent('backup.verified', () => listed !== null && void refresh(listed)), [listed]); // eslint-disable-line react-hooks/exhaustive-deps

  async function list(folder: string) {
    setError(null);
    setChosen('');
    setConfirming(false);
    await refresh(folder);
  }

  async function refresh(folder: string) {
    const r = mode === 'session' ? await sendCatch('backup.list', folder ? { to: folder } : {}) : await sendCatch('backup.listFolder', folder ? { dir: folder } : {});
    if (r.error) setError(errorText(r.error));
    else {
      setBackups(r.data);
      setListed(folder);
    }
  }

  const verificationText = (v: BackupVerification) => (v.state === 'failed' ? t('backups.verification.failed', { reason: v.reason }) : t(`backups.verification.${v.state}`));

  async function restore() {
    setBusy(true);
    setError(null);
    let r: { data: RestoreResult; error: null } | { data: null; error: ApiError };
    if (mode === 'session') r = await sendCatch('backup.restore', { file: chosen, password });
    else if (proof === 'code') r = await sendCatch('backup.rescueRestore', { file: chosen, recoveryCode: code });
    else r = await sendCatch('backup.rescueRestore', { file: chosen, username, password });
    setBusy(false);
    setConfirming(false);
    setPassword('');
    setCode('');
    if (r.error) setError(errorText(r.error));
    else setDone(r.data);
  }

  const chosenBackup = backups?.find((b) => b.dir === chosen);
  const chosenName = chosenBackup?.name ?? '';
  const proofGiven = mode === 'session' ? Boolean(password) : proof === 'code' ? Boolean(code) : Boolean(username && password);

  if (done) {
    return (
      <Stack>
        <Alert color="green" role="status" data-testid="restore-done">
          {t('backups.restored', { from: done.restoredFrom, aside: done.keptAside })}
        </Alert>
        {mode === 'backup-key' && <Text size="sm">{t('backups.signInAfter')}</Text>}
        <Group>
          <Button onClick={() => onRestored(done)}>{t('common.continue')}</Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack>
      <Text size="sm">{t('backups.restoreIntro')}</Text>
      <Group align="end">
        <TextInput
          label={t('backups.sourceFolder')}
          description={mode === 'backup-key' ? t('backups.sourceHint') : undefined}
          value={dir}
          onChange={(e) => setDir(e.currentTarget.value)}
          style={{ flex: 1 }}
          data-testid="restore-folder"
        />
        <Button variant="default" onClick={() => void list(dir.trim())}>
          {t('backups.list')}
        </Button>
      </Group>
      {backups && backups.length === 0 && <Alert color="yellow">{t('backups.none')}</Alert>}
      {backups && backups.length > 0 && (
        <Radio.Group label={t('backups.choose')} value={chosen} onChange={(v) => { setChosen(v); setConfirming(false); }}>
          <Stack gap={4} mt="xs">
            {backups.map((b) => (
              <Radio
                key={b.dir}
                value={b.dir}
                disabled={!b.whole}
                label={`${b.name} — ${b.createdAt ? new Date(b.createdAt).toLocaleString('tr-TR', { timeZone: 'Europe/Istanbul' }) : t('backups.damaged')}${b.chainHead ? ` — #${b.chainHead.seq}` : ''} — ${verificationText(b.verification)}`}
              />
            ))}
          </Stack>
        </Radio.Group>
      )}
      {chosenBackup?.verification.state === 'failed' && <Alert color="yellow">{t('backups.failedNote')}</Alert>}
      {chosen && mode === 'backup-key' && (
        <SegmentedControl
          value={proof}
          onChange={(v) => setProof(v as 'password' | 'code')}
          data={[
            { value: 'password', label: t('backups.byPassword') },
            { value: 'code', label: t('backups.byCode') },
          ]}
        />
      )}
      {chosen && mode === 'backup-key' && proof === 'password' && (
        <TextInput label={t('backups.username')} autoComplete="username" value={username} onChange={(e) => setUsername(e.currentTarget.value)} />
      )}
      {chosen && proof === 'password' && (
        <PasswordInput label={mode === 'session' ? t('backups.password') : t('login.password')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
      )}
      {chosen && mode === 'backup-key' && proof === 'code' && (
        <TextInput label={t('backups.code')} ff="monospace" value={code} onChange={(e) => setCode(e.currentTarget.value)} />
      )}
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {!confirming && chosen && (
        <Group>
          <Button color="red" disabled={!proofGiven} onClick={() => setConfirming(true)}>
            {t('backups.restore')}
          </Button>
        </Group>
      )}
      {confirming && (
        <Paper withBorder p="md" role="alertdialog" aria-labelledby="restore-confirm-title" data-testid="restore-confirm">
          <Stack>
            <Title order={3} size="h5" id="restore-confirm-title">
              {t('backups.confirmTitle')}
            </Title>
            <Text size="sm">{t('backups.confirmText', { name: chosenName })}</Text>
            <Group>
              <Button color="red" loading={busy} onClick={() => void restore()}>
                {t('backups.confirm')}
              </Button>
              <Button variant="default" disabled={busy} onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}

/** Full-screen restore for the problem and sign-in screens: no session, rights proved on the backup. */
export function BackupKeyRestoreScreen({ onBack, onDone }: { onBack: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  // The office's folder from the plain settings file: the ledger itself cannot be read here.
  const [folder, setFolder] = useState('');
  useEffect(() => void sendCatch('backup.knownFolder', {}).then((r) => r.data?.configured && setFolder(r.data.dir)), []);
  return (
    <CenteredCard title={t('backups.rescueTitle')} width={680}>
      <Stack>
        <Text size="sm">{t('backups.rescueIntro')}</Text>
        <RestorePanel mode="backup-key" initialDir={folder} onRestored={onDone} />
        <Anchor component="button" type="button" size="sm" onClick={onBack}>
          {t('backups.back')}
        </Anchor>
      </Stack>
    </CenteredCard>
  );
}
