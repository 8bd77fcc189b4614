import { useCallback, useEffect, useState } from 'react';
import type { AppStatus } from '../../../preload/contract/types';
import { onMainEvent, send } from '../api/client';

/** The app's state from main (setup / signed-out / ready / locked / error), refreshed on demand. */
export function useAppStatus() {
  const [status, setStatus] = useState<AppStatus | null>(null);
  const refresh = useCallback(async () => {
    setStatus(await send('app.status', {}));
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  // A large ledger's page check finishes after sign-in (main/services/auth.ts): if it finds
  // damage, main says so and the rescue screen takes over at once.
  useEffect(() => onMainEvent('ledger.rescue', () => void refresh()), [refresh]);
  return { status, refresh };
}
