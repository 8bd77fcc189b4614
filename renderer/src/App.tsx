import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { useAppStatus } from './hooks/useAppStatus';
import { useIdleLock } from './hooks/useIdleLock';
import { ChangePasswordScreen } from './screens/ChangePasswordScreen';
import { LockScreen } from './screens/LockScreen';
import { LoginScreen } from './screens/LoginScreen';
import { ProblemScreen } from './screens/ProblemScreen';
import { RecoveryCodeScreen } from './screens/RecoveryCodeScreen';
import { RescueScreen } from './screens/RescueScreen';
import { SetupScreen } from './screens/SetupScreen';
import { BackupKeyRestoreScreen } from './screens/backup/RestorePanel';
import { MainShell } from './shell/MainShell';

/** Picks the screen from main's state; nothing here decides anything main would not. */
export function App() {
  const { t } = useTranslation();
  const { status, refresh } = useAppStatus();
  const [recoveryCode, setRecoveryCode] = useState<string | null>(null);
  const [restoringOntoEmpty, setRestoringOntoEmpty] = useState(false);
  useIdleLock(status?.office?.idleLockMinutes, status?.state === 'ready', refresh);

  if (!status) {
    return (
      <Center h="100vh">
        <Loader aria-label={t('a11y.loading')} />
      </Center>
    );
  }
  if (recoveryCode) return <RecoveryCodeScreen code={recoveryCode} onDone={() => { setRecoveryCode(null); void refresh(); }} />;
  switch (status.state) {
    case 'setup':
      if (restoringOntoEmpty) {
        return <BackupKeyRestoreScreen onBack={() => setRestoringOntoEmpty(false)} onDone={() => { setRestoringOntoEmpty(false); void refresh(); }} />;
      }
      return <SetupScreen onDone={(code) => setRecoveryCode(code)} onRestore={() => setRestoringOntoEmpty(true)} />;
    case 'signed-out':
      return <LoginScreen onDone={refresh} onRecoveryCode={setRecoveryCode} />;
    case 'locked':
      return <LockScreen name={status.session?.displayName ?? ''} onDone={refresh} />;
    case 'error':
      return <ProblemScreen problem={status.problem} onDone={refresh} />;
    case 'rescue':
      return <RescueScreen status={status} onDone={refresh} />;
    case 'ready':
      if (status.session?.mustChangePassword) return <ChangePasswordScreen mustChange onDone={refresh} />;
      return <MainShell status={status} refresh={refresh} />;
  }
}
