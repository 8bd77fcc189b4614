import { useIdle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { send } from '../api/client';

/**
 * Locks the session after the idle time the office head set. Main enforces the same limit on
 * every call, so this is for the screen, not for security.
 */
export function useIdleLock(minutes: number | undefined, active: boolean, onLocked: () => void) {
  const { t } = useTranslation();
  const idle = useIdle((minutes ?? 10) * 60_000, { initialState: false });
  useEffect(() => {
    if (!active || !idle) return;
    void send('auth.lock', {}).then(() => {
      notifications.show({ color: 'yellow', message: t('idle.locked') });
      onLocked();
    });
  }, [idle, active, onLocked, t]);
}
