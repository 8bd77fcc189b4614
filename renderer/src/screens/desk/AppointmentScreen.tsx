import { Alert, Button, Grid, Group, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTCOME_TEXT } from '../../../../preload/contract/appointmentStatus';
import type { AppointmentDetail } from '../../../../preload/contract/deskTypes';
import { ApiCallError, send, sendCatch } from '../../api/client';
import { errorText, fieldErrors } from '../../api/errorText';
import { formatMoney, formatTrDate, formatTrDateTime, todayInTurkey } from '../../hooks/today';
import { ConfirmDialog } from '../../shell/ConfirmDialog';
import { fieldMessages } from '../../../../preload/contract/fieldMessages';
import { StatusChip } from '../../shell/StatusChip';
import { PdfPreview } from '../../shell/PdfPreview';
import type { PrintedDocument } from '../../../../preload/contract/printTypes';

/**
 * One appointment: its details, the recorded outcome (read-only) and every ledger event about
 * it. The primary action has the focus, so a scan + Enter + Enter goes scan -> arrived -> wizard.
 */
export function AppointmentScreen({
  randevuNo,
  isHead,
  onBack,
  onStartWizard,
}: {
  randevuNo: string;
  isHead: boolean;
  onBack: () => void;
  onStartWizard: (randevuNo: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'tr';
  const [detail, setDetail] = useState<AppointmentDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const primary = useRef<HTMLButtonElement>(null);
  const [doc, setDoc] = useState<PrintedDocument | null>(null);
  const load = useCallback(async () => {
    const r = await sendCatch('desk.detail', { randevuNo });
    if (r.error) setError(errorText(r.error));
    else setDetail(r.data);
  }, [randevuNo]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    primary.current?.focus();
  }, [detail?.appointment.status]);
  useHotkeys([['Escape', onBack]]);

  async function checkIn() {
    try {
      await send('desk.checkIn', { randevuNo });
      await load();
    } catch (e) {
      if (e instanceof ApiCallError) notifications.show({ color: 'red', message: errorText(e.error) });
    }
  }

  async function printForm(registrationNo: string) {
    const r = await sendCatch('print.registration', { registrationNo });
    if (r.error) notifications.show({ color: 'red', message: errorText(r.error) });
    else setDoc(r.data);
  }

  if (error) {
    return (
      <Stack>
        <Alert color="red" role="alert">
          {error}
        </Alert>
        <Button variant="default" onClick={onBack} w={160}>
          {t('desk.back')}
        </Button>
      </Stack>
    );
  }
  if (!detail) return null;
  const a = detail.appointment;
  const reg = detail.registration;
  const canStart = a.status === 'GELDI' || a.status === 'ISLEMDE';
  return (
    <Stack data-testid="appointment-screen" data-randevu={a.randevuNo} data-status={a.status}>
      <Group justify="space-between">
        <Group>
          <Title order={2} size="h3">
            {a.motherName}
          </Title>
          <StatusChip status={a.status} />
        </Group>
        <Group>
          <Button variant="default" onClick={onBack}>
            {t('desk.back')}
          </Button>
          {/* An applicant arrives only on her day: "Geldi" is not offered on another (main refuses it too). */}
          {a.status === 'BEKLIYOR' && a.date === todayInTurkey() && (
            <Button ref={primary} onClick={() => void checkIn()} data-autofocus>
              {t('desk.checkIn')}
            </Button>
          )}
          {canStart && (
            <Button ref={primary} onClick={() => onStartWizard(randevuNo)}>
              {a.status === 'ISLEMDE' ? t('desk.continueWizard') : t('desk.startWizard')}
            </Button>
          )}
        </Group>
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper withBorder p="md">
            <Title order={3} size="h5" mb="xs">
              {t('desk.appointment')}
            </Title>
            <Fields
              rows={[
                [t('day.randevuNo'), a.randevuNo],
                [t('day.program'), a.programCode],
                [t('desk.slot'), `${formatTrDate(a.date)} ${a.time}`],
                [t('desk.preRegisteredAt'), formatTrDateTime(a.preRegisteredAt)],
                [t('desk.arrivedAt'), a.arrivedAt ?? '—'],
                [t('desk.motherTckn'), a.motherTckn],
                [t('desk.motherBirth'), a.motherBirthDate ? formatTrDate(a.motherBirthDate) : '—'],
                [t('desk.childTckn'), a.childTckn ?? '—'],
                [t('desk.childBirth'), formatTrDate(a.childBirthDate)],
                [t('desk.caregiverTckn'), a.caregiverTckn ?? '—'],
                [t('desk.institution'), a.institutionName ?? '—'],
                [t('desk.phone'), a.phone ?? '—'],
              ]}
            />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          {isHead && a.status === 'GELMEDI' && <ReopenForm randevuNo={a.randevuNo} onDone={load} />}
          {reg && (
            <Paper withBorder p="md" mb="md" data-testid="registration">
              <Title order={3} size="h5" mb="xs">
                {t('desk.outcome')}: {t(`outcomes.${reg.outcome}`)}
              </Title>
              <Fields
                rows={[
                  [t('desk.registrationNo'), reg.registrationNo],
                  // A refusal or an incomplete file grants nothing: no support rows at all.
                  ...(reg.outcome === 'KESIN_KAYIT'
                    ? ([
                        [t('desk.supportType'), reg.supportType?.[lang] ?? '—'],
                        [t('desk.monthly'), reg.monthlyAmountCents !== null ? formatMoney(reg.monthlyAmountCents, reg.currency) : '—'],
                      ] as [string, string][])
                    : []),
                  [t('desk.registeredAt'), formatTrDateTime(reg.registeredAt, true)],
                  [t('desk.clerk'), reg.clerk],
                  [t('desk.newAppointment'), reg.newAppointmentNo ?? '—'],
                ]}
              />
              {a.erased ? (
                <Alert mt="sm" color="gray" data-testid="erased">
                  {t('desk.erased')}
                </Alert>
              ) : (
                <>
                  <Button mt="sm" variant="default" onClick={() => void printForm(reg.registrationNo)}>
                    {t('print.form')}
                  </Button>
                  <NoteForm randevuNo={a.randevuNo} onDone={load} />
                  {isHead && <ReverseForm registrationNo={reg.registrationNo} outcome={reg.outcome} onDone={load} />}
                </>
              )}
            </Paper>
          )}
          <Paper withBorder p="md">
            <Title order={3} size="h5" mb="xs">
              {t('desk.history')}
            </Title>
            <Table data-testid="history">
              <Table.Tbody>
                {detail.history.map((h) => (
                  <Table.Tr key={h.seq}>
                    <Table.Td>{formatTrDateTime(h.at, true)}</Table.Td>
                    <Table.Td>
                      {h.text[lang]}
                      {h.outcome ? ` — ${h.outcome in OUTCOME_TEXT ? t(`outcomes.${h.outcome}`) : h.outcome}` : ''}
                      {h.reason ? (
                        <Text size="xs" c="dimmed">
                          {h.reason}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{h.user ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </Grid.Col>
      </Grid>
      <PdfPreview doc={doc} onClose={() => setDoc(null)} />
    </Stack>
  );
}

function Fields({ rows }: { rows: [string, string][] }) {
  return (
    <Table variant="vertical" withRowBorders={false}>
      <Table.Tbody>
        {rows.map(([k, v]) => (
          <Table.Tr key={k}>
            <Table.Th w={200}>{k}</Table.Th>
            <Table.Td>{v}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Clerk or head: a correction is a new ledger event with its reason, never an overwrite. */
function NoteForm({ randevuNo, onDone }: { randevuNo: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [err, setErr] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function add() {
    if (busy) return;
    setBusy(true);
    const r = await sendCatch('registration.note', { randevuNo, reason });
    setBusy(false);
    if (r.error) setErr(fieldErrors(r.error).reason ?? errorText(r.error));
    else {
      setErr(null);
      setReason('');
      notifications.show({ color: 'green', message: t('desk.noteSaved') });
      onDone();
    }
  }
  return (
    <Stack mt="md" gap="xs">
      <Textarea
        label={t('desk.noteReason')}
        description={t('desk.noteHint')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={err}
        autosize
        minRows={2}
        data-testid="note-reason"
      />
      <Button variant="light" onClick={() => void add()} loading={busy} data-testid="note-add">
        {t('desk.note')}
      </Button>
    </Stack>
  );
}

/**
 * Office head only: an outcome is reversed by a new event with a reason, never overwritten.
 * It cannot be taken back, so it asks first, naming the outcome and the registration.
 */
function ReverseForm({ registrationNo, outcome, onDone }: { registrationNo: string; outcome: string; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const [reason, setReason] = useState('');
  const [err, setErr] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  async function reverse() {
    setAsking(false);
    const r = await sendCatch('registration.reverse', { registrationNo, reason });
    if (r.error) setErr(fieldErrors(r.error).reason ?? errorText(r.error));
    else {
      setErr(null);
      setReason('');
      if (r.data.followUpCancelled) notifications.show({ color: 'orange', message: t('desk.followUpCancelled', { randevuNo: r.data.followUpCancelled }) });
      onDone();
    }
  }
  return (
    <Stack mt="md" gap="xs">
      <Textarea label={t('desk.reverseReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={err} autosize minRows={2} />
      <Button
        color="red"
        variant="light"
        onClick={() => {
          // The reason is checked before asking: a dialog over a refusal helps nobody.
          if (reason.trim().length < 5) setErr(fieldMessages.REASON[i18n.language === 'en' ? 'en' : 'tr']);
          else setAsking(true);
        }}
      >
        {t('desk.reverse')}
      </Button>
      <ConfirmDialog
        opened={asking}
        title={t('desk.reverseTitle')}
        confirmLabel={t('desk.reverse')}
        testId="reverse-dialog"
        onCancel={() => setAsking(false)}
        onConfirm={() => void reverse()}
      >
        <Text>{t('desk.reverseText', { outcome: t(`outcomes.${outcome}`), registrationNo })}</Text>
      </ConfirmDialog>
    </Stack>
  );
}

/** Office head only: a wrongly made no-show waits again; a new event with the head's reason. */
function ReopenForm({ randevuNo, onDone }: { randevuNo: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [err, setErr] = useState<string | null>(null);
  return (
    <Paper withBorder p="md" mb="md" data-testid="reopen">
      <Stack gap="xs">
        <Textarea label={t('desk.reopenReason')} description={t('desk.reopenHint')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={err} autosize minRows={2} />
        <Button
          variant="light"
          onClick={async () => {
            const r = await sendCatch('desk.reopen', { randevuNo, reason });
            if (r.error) setErr(fieldErrors(r.error).reason ?? errorText(r.error));
            else {
              setErr(null);
              setReason('');
              notifications.show({ color: 'green', message: t('desk.reopened') });
              onDone();
            }
          }}
        >
          {t('desk.reopen')}
        </Button>
      </Stack>
    </Paper>
  );
}
