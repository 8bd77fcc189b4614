import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sendCatch } from '../api/client';
import { useApiForm } from '../hooks/useApiForm';
import { CenteredCard } from '../shell/CenteredCard';
import { FormError } from '../shell/FormError';
import { BackupKeyRestoreScreen } from './backup/RestorePanel';

export function LoginScreen({ onDone, onRecoveryCode }: { onDone: () => void; onRecoveryCode?: (code: string) => void }) {
  const [mode, setMode] = useState<'login' | 'recover' | 'restore'>('login');
  if (mode === 'recover') return <RecoverForm onBack={() => setMode('login')} onDone={onDone} onRecoveryCode={onRecoveryCode} />;
  // The ledger cannot be opened (damaged file or key file) or nobody knows a password.
  if (mode === 'restore') return <BackupKeyRestoreScreen onBack={() => setMode('login')} onDone={() => setMode('login')} />;
  return <LoginForm onRecover={() => setMode('recover')} onRestore={() => setMode('restore')} onDone={onDone} />;
}

function LoginForm({ onDone, onRecover, onRestore }: { onDone: () => void; onRecover: () => void; onRestore: () => void }) {
  const { t } = useTranslation();
  const { form, busy, errorMessage, submitWith } = useApiForm({ username: '', password: '' });
  const onSubmit = submitWith(async (v) => {
    const r = await sendCatch('auth.login', v);
    if (!r.data) form.setFieldValue('password', '');
    // A refusal may mean the ledger itself cannot be opened (damaged, foreign): main's status
    // then says so, and the problem screen with its restore replaces this form.
    onDone();
    return r;
  });
  return (
    <CenteredCard title={t('login.title')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <TextInput label={t('login.username')} autoFocus autoComplete="username" {...form.getInputProps('username')} />
          <PasswordInput label={t('login.password')} autoComplete="current-password" {...form.getInputProps('password')} />
          <FormError message={errorMessage} />
          <Button type="submit" loading={busy}>
            {t('login.submit')}
          </Button>
          <Anchor component="button" type="button" size="sm" onClick={onRecover}>
            {t('login.forgot')}
          </Anchor>
          <Anchor component="button" type="button" size="sm" c="dimmed" onClick={onRestore}>
            {t('backups.rescueLink')}
          </Anchor>
        </Stack>
      </form>
    </CenteredCard>
  );
}

function RecoverForm({ onDone, onBack, onRecoveryCode }: { onDone: () => void; onBack: () => void; onRecoveryCode?: (code: string) => void }) {
  const { t } = useTranslation();
  const { form, busy, errorMessage, submitWith } = useApiForm({ username: '', recoveryCode: '', newPassword: '' });
  const onSubmit = submitWith(async (v) => {
    const r = await sendCatch('auth.recover', v);
    // The used code is spent: main issued a new one, shown once before the day screen.
    if (r.data) {
      onRecoveryCode?.(r.data.recoveryCode);
      onDone();
    }
    return r;
  });
  return (
    <CenteredCard title={t('recover.title')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <Text size="sm">{t('recover.intro')}</Text>
          <TextInput label={t('login.username')} autoFocus {...form.getInputProps('username')} />
          <TextInput label={t('recover.code')} ff="monospace" {...form.getInputProps('recoveryCode')} />
          <PasswordInput label={t('recover.newPassword')} autoComplete="new-password" {...form.getInputProps('newPassword')} />
          <FormError message={errorMessage} />
          <Button type="submit" loading={busy}>
            {t('recover.submit')}
          </Button>
          <Anchor component="button" type="button" size="sm" onClick={onBack}>
            {t('recover.back')}
          </Anchor>
        </Stack>
      </form>
    </CenteredCard>
  );
}
