import { Badge, Button, Group, Modal, PasswordInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../../../preload/contract/types';
import { ApiCallError, send, sendCatch } from '../api/client';
import { errorText } from '../api/errorText';
import { useApiForm } from '../hooks/useApiForm';
import { FormError } from '../shell/FormError';

/** Office head only (main refuses everyone else): add, disable, enable, reset clerks. */
export function UsersScreen() {
  const { t } = useTranslation();
  const [users, setUsers] = useState<UserSummary[]>([]);
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<UserSummary | null>(null);
  const load = useCallback(async () => setUsers(await send('users.list', {})), []);
  useEffect(() => {
    void load();
  }, [load]);

  async function toggle(u: UserSummary) {
    try {
      await send('users.setDisabled', { userId: u.id, disabled: !u.disabled });
      await load();
    } catch (e) {
      if (e instanceof ApiCallError) notifications.show({ color: 'red', message: errorText(e.error) });
    }
  }

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('users.title')}
        </Title>
        <Button onClick={() => setAdding(true)}>{t('users.add')}</Button>
      </Group>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('users.displayName')}</Table.Th>
            <Table.Th>{t('users.username')}</Table.Th>
            <Table.Th>{t('users.role')}</Table.Th>
            <Table.Th>{t('users.status')}</Table.Th>
            <Table.Th>{t('users.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((u) => (
            <Table.Tr key={u.id}>
              <Table.Td>{u.displayName}</Table.Td>
              <Table.Td>{u.username}</Table.Td>
              <Table.Td>{t(`roles.${u.role}`)}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <Badge color={u.disabled ? 'gray' : 'green'} variant="light">
                    {u.disabled ? t('users.disabled') : t('users.active')}
                  </Badge>
                  {u.mustChangePassword && !u.disabled && (
                    <Badge color="yellow" variant="light">
                      {t('users.mustChange')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Group gap="xs">
                  <Button size="xs" variant="default" onClick={() => void toggle(u)}>
                    {u.disabled ? t('users.enable') : t('users.disable')}
                  </Button>
                  <Button size="xs" variant="default" onClick={() => setResetting(u)}>
                    {t('users.reset')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('users.add')}>
        <AddUserForm onDone={() => { setAdding(false); void load(); }} />
      </Modal>
      <Modal opened={!!resetting} onClose={() => setResetting(null)} title={`${t('users.reset')}: ${resetting?.displayName ?? ''}`}>
        {resetting && <ResetForm user={resetting} onDone={() => { setResetting(null); void load(); }} />}
      </Modal>
    </Stack>
  );
}

function AddUserForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { form, busy, errorMessage, submitWith } = useApiForm({ displayName: '', username: '', role: 'CLERK' as 'CLERK' | 'HEAD', password: '' });
  const onSubmit = submitWith(async (v) => {
    const r = await sendCatch('users.create', v);
    if (r.data) {
      notifications.show({ color: 'green', message: t('users.created') });
      onDone();
    }
    return r;
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <TextInput label={t('users.displayName')} autoFocus {...form.getInputProps('displayName')} />
        <TextInput label={t('users.username')} {...form.getInputProps('username')} />
        <Select
          label={t('users.role')}
          data={[
            { value: 'CLERK', label: t('roles.CLERK') },
            { value: 'HEAD', label: t('roles.HEAD') },
          ]}
          allowDeselect={false}
          {...form.getInputProps('role')}
        />
        <PasswordInput label={t('users.temporaryPassword')} description={t('users.temporaryHint')} {...form.getInputProps('password')} />
        <FormError message={errorMessage} />
        <Button type="submit" loading={busy}>
          {t('common.save')}
        </Button>
      </Stack>
    </form>
  );
}

function ResetForm({ user, onDone }: { user: UserSummary; onDone: () => void }) {
  const { t } = useTranslation();
  const { form, busy, errorMessage, submitWith } = useApiForm({ password: '' });
  const onSubmit = submitWith(async (v) => {
    const r = await sendCatch('users.resetPassword', { userId: user.id, password: v.password });
    if (r.data) {
      notifications.show({ color: 'green', message: t('users.resetDone') });
      onDone();
    }
    return r;
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <Text size="sm">{t('users.temporaryHint')}</Text>
        <PasswordInput label={t('users.temporaryPassword')} autoFocus {...form.getInputProps('password')} />
        <FormError message={errorMessage} />
        <Button type="submit" loading={busy}>
          {t('common.save')}
        </Button>
      </Stack>
    </form>
  );
}
