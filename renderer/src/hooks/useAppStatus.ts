import { useCallback, useEffect, useState } from 'react';
import type { AppStatus } from '../../../preload/contract/types';
import { send } from '../api/client';

/** The app's state from main (setup / signed-out / ready / locked / error), refreshed on demand. */
export function useAppStatus() {
  const [status, setStatus] = useState<AppStatus | null>(null);
  const refresh = useCallback(async () => {
    setStatus(await send('app.status', {}));
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return { status, refresh };
}
