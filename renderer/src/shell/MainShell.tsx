import { AppShell, Badge, Button, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../preload/contract/types';
import { send } from '../api/client';
import { ChangePasswordForm } from '../screens/ChangePasswordScreen';
import { DayScreen } from '../screens/DayScreen';
import { AppointmentScreen } from '../screens/desk/AppointmentScreen';
import { FindBox } from '../screens/desk/FindBox';
import { FormVerdictAlert } from '../screens/desk/FormVerdictAlert';
import type { FormVerification } from '../../../preload/contract/formTypes';
import { RegistrationWizard } from '../screens/desk/wizard/RegistrationWizard';
import { useFindHotkey } from '../hooks/useHotkeyFocus';
import { todayInTurkey } from '../hooks/today';
import { LedgerScreen } from '../screens/LedgerScreen';
import { UsersScreen } from '../screens/UsersScreen';
import { ImportScreen } from '../screens/import/ImportScreen';
import { DayEndScreen } from '../screens/office/DayEndScreen';
import { RetentionScreen } from '../screens/office/RetentionScreen';
import { PlacementListScreen } from '../screens/office/PlacementListScreen';
import { AccessLogScreen } from '../screens/office/AccessLogScreen';
import { BackupScreen } from '../screens/office/BackupScreen';
import { RulePacksScreen } from '../screens/office/RulePacksScreen';
import { LanguageSwitch } from './LanguageSwitch';

type View = 'today' | 'import' | 'dayEnd' | 'users' | 'ledger' | 'retention' | 'lists' | 'backups' | 'accessLog' | 'password' | 'rulePacks';
/** Inside "Bugün": the day list, one appointment, or the registration wizard of one. */
type DeskView = { mode: 'day' } | { mode: 'appointment'; randevuNo: string } | { mode: 'wizard'; randevuNo: string };

/** The signed-in frame: office and user in the header, the screens a role may open on the left. */
export function MainShell({ status, refresh }: { status: AppStatus; refresh: () => Promise<void> }) {
  const { t } = useTranslation();
  const [view, setView] = useState<View>('today');
  const [desk, setDesk] = useState<DeskView>({ mode: 'day' });
  const [date, setDate] = useState(todayInTurkey());
  // The find box lives in "Bugün": F2 / Ctrl+K on any other screen goes there and focuses it.
  const findRef = useFindHotkey<HTMLInputElement>(() => setView('today'));
  const [focusFind, setFocusFind] = useState(0);
  useEffect(() => {
    if (focusFind > 0) findRef.current?.focus();
  }, [focusFind, findRef]);
  /** The verdict on the last form QR scanned into the find box, until another appointment is opened. */
  const [formVerdict, setFormVerdict] = useState<FormVerification | null>(null);
  const openAppointment = (randevuNo: string) => {
    setFormVerdict(null);
    setView('today');
    setDesk({ mode: 'appointment', randevuNo });
  };
  // A form of this desk opens its appointment under the verdict; another desk's shows the verdict alone.
  const formVerified = (v: FormVerification) => {
    if (v.local) openAppointment(v.local.randevuNo);
    else setDesk({ mode: 'day' });
    setFormVerdict(v);
  };
  const session = status.session!;
  const office = status.office!;
  const isHead = session.role === 'HEAD';
  const items: { view: View; label: string; show: boolean }[] = [
    { view: 'today', label: t('nav.today'), show: true },
    { view: 'import', label: t('nav.import'), show: isHead },
    // A clerk sees the end-of-day screen (the export only) when the head allowed it.
    { view: 'dayEnd', label: t('nav.dayEnd'), show: isHead || office.clerksMayExportReconciliation },
    { view: 'users', label: t('nav.users'), show: isHead },
    { view: 'ledger', label: t('nav.ledger'), show: isHead },
    { view: 'retention', label: t('nav.retention'), show: isHead },
    { view: 'lists', label: t('nav.lists'), show: isHead },
    { view: 'backups', label: t('backups.nav'), show: isHead },
    { view: 'accessLog', label: t('accessLog.nav'), show: isHead },
    { view: 'rulePacks', label: t('rulePacks.nav'), show: isHead },
    { view: 'password', label: t('nav.password'), show: true },
  ];
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 220, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Title order={1} size="h4">
              {t('app.name')}
            </Title>
            <Text size="sm" c="dimmed" data-testid="office">
              {office.provinceName} · {office.deskCode}
            </Text>
          </Group>
          <Group gap="sm">
            <Text size="sm" data-testid="current-user">
              {session.displayName}
            </Text>
            <Badge variant="light">{t(`roles.${session.role}`)}</Badge>
            <LanguageSwitch />
            <Button size="xs" variant="default" onClick={() => void send('auth.lock', {}).then(refresh)}>
              {t('nav.lock')}
            </Button>
            <Button size="xs" variant="subtle" onClick={() => void send('auth.logout', {}).then(refresh)}>
              {t('nav.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('a11y.menu')}>
        <Stack gap={2}>
          {items
            .filter((i) => i.show)
            .map((i) => (
              <NavLink
                key={i.view}
                component="button"
                label={i.label}
                active={view === i.view}
                aria-current={view === i.view ? 'page' : undefined}
                // Under the pointer the active item's default shade (#bac8ff) gave its text 4.12:1 (axe: 4.5 needed).
                style={view === i.view ? ({ '--nl-hover': 'var(--mantine-color-indigo-1)' } as React.CSSProperties) : undefined}
                onClick={() => {
                  setView(i.view);
                  if (i.view === 'today') setDesk({ mode: 'day' });
                }}
              />
            ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>
        {view === 'today' && (
          <Stack>
            <FindBox inputRef={findRef} onOpen={openAppointment} onFormVerified={formVerified} />
            {formVerdict && <FormVerdictAlert verification={formVerdict} onClose={() => setFormVerdict(null)} />}
            {desk.mode === 'day' && <DayScreen onOpen={openAppointment} isHead={isHead} date={date} setDate={setDate} />}
            {desk.mode === 'appointment' && (
              <AppointmentScreen
                key={desk.randevuNo}
                randevuNo={desk.randevuNo}
                isHead={isHead}
                onBack={() => setDesk({ mode: 'day' })}
                onStartWizard={(randevuNo) => setDesk({ mode: 'wizard', randevuNo })}
              />
            )}
            {desk.mode === 'wizard' && (
              <RegistrationWizard
                key={desk.randevuNo}
                randevuNo={desk.randevuNo}
                onClose={() => {
                  // Back to the day with the find box focused: the next scan goes straight in.
                  setDesk({ mode: 'day' });
                  setFocusFind((n) => n + 1);
                }}
              />
            )}
          </Stack>
        )}
        {view === 'import' && isHead && <ImportScreen />}
        {view === 'dayEnd' && (isHead || office.clerksMayExportReconciliation) && <DayEndScreen isHead={isHead} office={office} onChanged={refresh} />}
        {view === 'users' && isHead && <UsersScreen />}
        {view === 'ledger' && isHead && <LedgerScreen office={office} onChanged={refresh} />}
        {view === 'retention' && isHead && <RetentionScreen />}
        {view === 'lists' && isHead && <PlacementListScreen />}
        {view === 'backups' && isHead && <BackupScreen onRestored={() => void refresh()} />}
        {view === 'accessLog' && isHead && <AccessLogScreen />}
        {view === 'rulePacks' && isHead && <RulePacksScreen />}
        {view === 'password' && (
          <Stack>
            <Title order={2} size="h3">
              {t('changePassword.title')}
            </Title>
            <ChangePasswordForm onDone={refresh} />
          </Stack>
        )}
      </AppShell.Main>
    </AppShell>
  );
}
