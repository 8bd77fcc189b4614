import { Alert, Button, PasswordInput, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { sendCatch } from '../api/client';
import { useApiForm } from '../hooks/useApiForm';
import { CenteredCard } from '../shell/CenteredCard';
import { FormError } from '../shell/FormError';

export function ChangePasswordForm({ mustChange, onDone }: { mustChange?: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const { form, busy, errorMessage, submitWith } = useApiForm({ currentPassword: '', newPassword: '', newPasswordRepeat: '' });
  const onSubmit = submitWith(async (v) => {
    const r = await sendCatch('auth.changePassword', v);
    if (r.data) {
      notifications.show({ color: 'green', message: t('changePassword.done') });
      form.reset();
      onDone();
    }
    return r;
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack maw={440}>
        {mustChange && <Alert color="yellow">{t('changePassword.mustChange')}</Alert>}
        <PasswordInput label={t('changePassword.current')} autoFocus autoComplete="current-password" {...form.getInputProps('currentPassword')} />
        <PasswordInput label={t('changePassword.next')} description={t('setup.passwordHint')} autoComplete="new-password" {...form.getInputProps('newPassword')} />
        <PasswordInput label={t('changePassword.repeat')} autoComplete="new-password" {...form.getInputProps('newPasswordRepeat')} />
        <FormError message={errorMessage} />
        <Button type="submit" loading={busy}>
          {t('changePassword.submit')}
        </Button>
      </Stack>
    </form>
  );
}

export function ChangePasswordScreen({ mustChange, onDone }: { mustChange?: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <CenteredCard title={t('changePassword.title')}>
      <ChangePasswordForm mustChange={mustChange} onDone={onDone} />
    </CenteredCard>
  );
}
