import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sendCatch } from '../api/client';
import { useApiForm } from '../hooks/useApiForm';
import { CenteredCard } from '../shell/CenteredCard';
import { FormError } from '../shell/FormError';

export function LoginScreen({ onDone }: { onDone: () => void }) {
  const [recovering, setRecovering] = useState(false);
  return recovering ? <RecoverForm onBack={() => setRecovering(false)} onDone={onDone} /> : <LoginForm onRecover={() => setRecovering(true)} onDone={onDone} />;
}

function LoginForm({ onDone, onRecover }: { onDone: () => void; onRecover: () => void }) {
  const { t } = useTranslation();
  const { form, busy, errorMessage, submitWith } = useApiForm({ username: '', password: '' });
  const onSubmit = submitWith(async (v) => {
    const r = await sendCatch('auth.login', v);
    if (r.data) onDone();
    else form.setFieldValue('password', '');
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
        </Stack>
      </form>
    </CenteredCard>
  );
}

function RecoverForm({ onDone, onBack }: { onDone: () => void; onBack: () => void }) {
  const { t } = useTranslation();
  const { form, busy, errorMessage, submitWith } = useApiForm({ username: '', recoveryCode: '', newPassword: '' });
  const onSubmit = submitWith(async (v) => {
    const r = await sendCatch('auth.recover', v);
    if (r.data) onDone();
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
