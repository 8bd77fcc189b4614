import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
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
  const { form, busy, error, errorMessage, submitWith } = useApiForm({ username: '', password: '' });
  // After repeated wrong passwords main makes this user wait: the button stays disabled and the
  // seconds left count down, so a correct password is not typed into a refusal.
  const [waitUntil, setWaitUntil] = useState(0);
  const [secondsLeft, setSecondsLeft] = useState(0);
  useEffect(() => {
    if (waitUntil === 0) return;
    const tick = () => {
      const left = Math.max(0, Math.ceil((waitUntil - Date.now()) / 1000));
      setSecondsLeft(left);
      if (left === 0) setWaitUntil(0);
    };
    tick();
    const timer = setInterval(tick, 250);
    return () => clearInterval(timer);
  }, [waitUntil]);
  const onSubmit = submitWith(async (v) => {
    if (secondsLeft > 0) return { error: null };
    const r = await sendCatch('auth.login', v);
    if (!r.data) {
      form.setFieldValue('password', '');
      const wait = Number(r.error.params?.seconds ?? 0);
      if (wait > 0) setWaitUntil(Date.now() + wait * 1000);
    }
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
          {/* The live countdown replaces main's fixed "N saniye sonra" text. */}
          <FormError message={secondsLeft > 0 && error?.code === 'AUTH_THROTTLED' ? null : errorMessage} />
          {secondsLeft > 0 && (
            <Text c="red.8" size="sm" role="status" data-testid="login-wait">
              {t('login.waitText', { seconds: secondsLeft })}
            </Text>
          )}
          <Button type="submit" loading={busy} disabled={secondsLeft > 0}>
            {secondsLeft > 0 ? t('login.waitButton', { seconds: secondsLeft }) : t('login.submit')}
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
