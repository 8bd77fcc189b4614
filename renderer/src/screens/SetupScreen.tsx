import { Anchor, Button, PasswordInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PROVINCES } from '../../../preload/contract/provinces';
import { sendCatch } from '../api/client';
import { useApiForm } from '../hooks/useApiForm';
import { CenteredCard } from '../shell/CenteredCard';
import { FormError } from '../shell/FormError';
import { turkishFilter } from '../shell/turkishFilter';

const provinceOptions = Object.entries(PROVINCES).map(([code, name]) => ({ value: code, label: `${code} — ${name}` }));

export function SetupScreen({ onDone, onRestore }: { onDone: (recoveryCode: string) => void; onRestore?: () => void }) {
  const { t } = useTranslation();
  const { form, busy, errorMessage, submitWith } = useApiForm({
    username: '',
    displayName: '',
    password: '',
    passwordRepeat: '',
    provinceCode: '',
    deskCode: '',
  });
  const onSubmit = submitWith(async (v) => {
    const r = await sendCatch('setup.create', v);
    if (r.data) onDone(r.data.recoveryCode);
    return r;
  });
  return (
    <CenteredCard title={t('setup.title')} width={520}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <Text size="sm">{t('setup.intro')}</Text>
          <TextInput label={t('setup.displayName')} autoFocus autoComplete="name" {...form.getInputProps('displayName')} />
          <TextInput label={t('setup.username')} autoComplete="username" {...form.getInputProps('username')} />
          <PasswordInput label={t('setup.password')} description={t('setup.passwordHint')} autoComplete="new-password" {...form.getInputProps('password')} />
          <PasswordInput label={t('setup.passwordRepeat')} autoComplete="new-password" {...form.getInputProps('passwordRepeat')} />
          <Select
            label={t('setup.province')}
            placeholder={t('setup.provincePlaceholder')}
            data={provinceOptions}
            searchable
            // A typed province ("izmir", "35") + Enter picks the first (often the only) match.
            selectFirstOptionOnChange
            filter={turkishFilter}
            {...form.getInputProps('provinceCode')}
          />
          <TextInput label={t('setup.desk')} description={t('setup.deskHint')} {...form.getInputProps('deskCode')} />
          <FormError message={errorMessage} />
          <Button type="submit" loading={busy}>
            {t('setup.submit')}
          </Button>
          {/* A new PC for an existing office: its backup, not a new ledger. */}
          {onRestore && (
            <Anchor component="button" type="button" size="sm" onClick={onRestore}>
              {t('setup.restoreInstead')}
            </Anchor>
          )}
        </Stack>
      </form>
    </CenteredCard>
  );
}
