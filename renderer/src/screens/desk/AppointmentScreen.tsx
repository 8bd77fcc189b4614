import { Alert, Button, Grid, Group, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTCOME_TEXT } from '../../../../preload/contract/appointmentStatus';
import type { AppointmentDetail } from '../../../../preload/contract/deskTypes';
import { ApiCallError, send, sendCatch } from '../../api/client';
import { errorText, fieldErrors } from '../../api/errorText';
import { formatMoney, formatTrDate, formatTrDateTime } from '../../hooks/today';
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
          {a.status === 'BEKLIYOR' && (
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
          {reg && (
            <Paper withBorder p="md" mb="md" data-testid="registration">
              <Title order={3} size="h5" mb="xs">
                {t('desk.outcome')}: {OUTCOME_TEXT[reg.outcome]}
              </Title>
              <Fields
                rows={[
                  [t('desk.registrationNo'), reg.registrationNo],
                  [t('desk.supportType'), reg.supportType ?? '—'],
                  [t('desk.monthly'), reg.monthlyAmountCents !== null ? formatMoney(reg.monthlyAmountCents, reg.currency) : '—'],
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
                  <Button mt="sm" variant="default" onClick={() => void send('print.registration', { registrationNo: reg.registrationNo }).then(setDoc)}>
                    {t('print.form')}
                  </Button>
                  {isHead && <ReverseForm registrationNo={reg.registrationNo} onDone={load} />}
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
                      {h.outcome ? ` — ${OUTCOME_TEXT[h.outcome as keyof typeof OUTCOME_TEXT] ?? h.outcome}` : ''}
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

/** Office head only: an outcome is reversed by a new event with a reason, never overwritten. */
function ReverseForm({ registrationNo, onDone }: { registrationNo: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [err, setErr] = useState<string | null>(null);
  return (
    <Stack mt="md" gap="xs">
      <Textarea label={t('desk.reverseReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={err} autosize minRows={2} />
      <Button
        color="red"
        variant="light"
        onClick={async () => {
          const r = await sendCatch('registration.reverse', { registrationNo, reason });
          if (r.error) setErr(fieldErrors(r.error).reason ?? errorText(r.error));
          else {
            setErr(null);
            setReason('');
            onDone();
          }
        }}
      >
        {t('desk.reverse')}
      </Button>
    </Stack>
  );
}
