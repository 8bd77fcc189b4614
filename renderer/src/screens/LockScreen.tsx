import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { send, sendCatch } from '../api/client';
import { useApiForm } from '../hooks/useApiForm';
import { CenteredCard } from '../shell/CenteredCard';
import { FormError } from '../shell/FormError';

export function LockScreen({ name, onDone }: { name: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { form, busy, errorMessage, submitWith } = useApiForm({ password: '' });
  const onSubmit = submitWith(async (v) => {
    const r = await sendCatch('auth.unlock', v);
    if (r.data) onDone();
    else form.setFieldValue('password', '');
    return r;
  });
  return (
    <CenteredCard title={t('lock.title')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <Text size="sm">{t('lock.intro', { name })}</Text>
          <PasswordInput label={t('lock.password')} autoFocus autoComplete="current-password" {...form.getInputProps('password')} />
          <FormError message={errorMessage} />
          <Group justify="space-between">
            <Button variant="subtle" onClick={() => void send('auth.logout', {}).then(onDone)}>
              {t('lock.logout')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('lock.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </CenteredCard>
  );
}
