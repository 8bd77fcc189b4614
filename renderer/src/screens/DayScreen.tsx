import { ActionIcon, Alert, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { TrDateInput } from '../shell/TrDateInput';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { statusLabels, type AppointmentStatus } from '../../../preload/contract/appointmentStatus';
import type { DayView } from '../../../preload/contract/deskTypes';
import { ApiCallError, send } from '../api/client';
import { errorText } from '../api/errorText';
import { formatTrDate, shiftDay, todayInTurkey } from '../hooks/today';
import { StatusChip } from '../shell/StatusChip';
import { notifications } from '@mantine/notifications';
import type { PrintedDocument } from '../../../preload/contract/printTypes';
import { PdfPreview } from '../shell/PdfPreview';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import type { AppointmentSummary } from '../../../preload/contract/deskTypes';

/** Turkey's clock time now as HH:mm (UTC+3 all year), to tell whether the day's last slot has come. */
function turkeyTimeNow(): string {
  return new Date(Date.now() + 3 * 3600_000).toISOString().slice(11, 16);
}

/** "Bugün": the day's appointments of this desk by slot, counts on top, the current slot marked. */
export function DayScreen({ onOpen, isHead, date, setDate }: { onOpen: (randevuNo: string) => void; isHead: boolean; date: string; setDate: (d: string) => void }) {
  const { t, i18n } = useTranslation();
  const [day, setDay] = useState<DayView | null>(null);
  const [doc, setDoc] = useState<PrintedDocument | null>(null);
  const [confirmClose, setConfirmClose] = useState(false);
  const [noShow, setNoShow] = useState<AppointmentSummary | null>(null);
  const load = useCallback(async () => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(date)) setDay(await send('day.view', { date }));
  }, [date]);
  useEffect(() => {
    void load();
  }, [load]);
  const isToday = date === todayInTurkey();
  const lastSlot = day && day.appointments.length ? day.appointments.reduce((m, a) => (a.time > m ? a.time : m), '00:00') : null;

  async function act(fn: () => Promise<unknown>) {
    try {
      await fn();
      await load();
    } catch (e) {
      if (e instanceof ApiCallError) notifications.show({ color: 'red', message: errorText(e.error) });
    }
  }

  return (
    <Stack>
      <Group justify="space-between" align="end">
        <Title order={2} size="h3">
          {isToday ? t('day.title') : t('day.titleOther', { date: formatTrDate(date) })}
        </Title>
        <Group gap="xs" align="end">
          <ActionIcon variant="default" size="lg" aria-label={t('day.prev')} onClick={() => setDate(shiftDay(date, -1))}>
            ‹
          </ActionIcon>
          <TrDateInput label={t('day.date')} value={date} onChange={(v) => v && setDate(v)} w={170} />
          <ActionIcon variant="default" size="lg" aria-label={t('day.next')} onClick={() => setDate(shiftDay(date, 1))}>
            ›
          </ActionIcon>
          {!isToday && (
            <Button variant="default" onClick={() => setDate(todayInTurkey())}>
              {t('day.today')}
            </Button>
          )}
          {isHead && day && day.total > 0 && (
            <Button variant="default" onClick={() => void act(async () => setDoc(await send('print.dailyReport', { date })))}>
              {t('print.report')}
            </Button>
          )}
          {isHead && day && day.counts.BEKLIYOR > 0 && date <= todayInTurkey() && (
            <Button variant="light" color="orange" onClick={() => setConfirmClose(true)} data-testid="close-day">
              {t('day.close', { count: day.counts.BEKLIYOR })}
            </Button>
          )}
        </Group>
      </Group>
      {day && day.total > 0 && (
        <Group gap="xs" data-testid="day-counts" aria-label={t('day.counts')}>
          <Badge variant="outline" color="dark">
            {t('day.total', { count: day.total })}
          </Badge>
          {(Object.keys(statusLabels) as AppointmentStatus[])
            .filter((s) => day.counts[s] > 0)
            .map((s) => (
              <Badge key={s} color={statusLabels[s].color} variant="light" data-count={s}>
                {i18n.language === 'en' ? statusLabels[s].en : statusLabels[s].tr}: {day.counts[s]}
              </Badge>
            ))}
        </Group>
      )}
      <PdfPreview doc={doc} onClose={() => setDoc(null)} />
      {day && (
        <ConfirmDialog
          opened={confirmClose}
          title={t('day.closeTitle', { date: formatTrDate(date) })}
          confirmLabel={t('day.closeConfirm', { count: day.counts.BEKLIYOR })}
          testId="close-day-dialog"
          onCancel={() => setConfirmClose(false)}
          onConfirm={() =>
            void act(async () => {
              setConfirmClose(false);
              const r = await send('desk.closeDay', { date });
              const en = i18n.language === 'en';
              notifications.show({ color: 'green', message: t('day.closed', { count: r.noShows }) });
              notifications.show(
                r.backup.ok
                  ? { color: 'green', message: t('day.closedBackup', { name: r.backup.name }) }
                  : { color: 'orange', autoClose: false, message: t('day.closedBackupFailed', { message: en ? r.backup.messageEn : r.backup.message }) },
              );
            })
          }
        >
          <Text>{t('day.closeText', { count: day.counts.BEKLIYOR })}</Text>
          {lastSlot && isToday && turkeyTimeNow() < lastSlot && (
            <Alert color="red" variant="filled" data-testid="close-day-early">
              {t('day.closeEarly', { time: lastSlot })}
            </Alert>
          )}
        </ConfirmDialog>
      )}
      <ConfirmDialog
        opened={noShow !== null}
        title={t('day.noShowTitle')}
        confirmLabel={t('day.noShow')}
        color="dark"
        testId="no-show-dialog"
        onCancel={() => setNoShow(null)}
        onConfirm={() =>
          void act(async () => {
            const a = noShow!;
            setNoShow(null);
            await send('desk.markNoShow', { randevuNo: a.randevuNo });
            notifications.show({ color: 'green', message: t('day.noShowDone', { randevuNo: a.randevuNo }) });
          })
        }
      >
        {noShow && <Text>{t('day.noShowText', { name: noShow.motherName, time: noShow.time, randevuNo: noShow.randevuNo })}</Text>}
      </ConfirmDialog>
      {day && day.total === 0 && <Alert color="gray">{t('day.empty')}</Alert>}
      {day && day.total > 0 && (
        <Table highlightOnHover data-testid="day-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('day.time')}</Table.Th>
              <Table.Th>{t('day.randevuNo')}</Table.Th>
              <Table.Th>{t('day.mother')}</Table.Th>
              <Table.Th>{t('day.program')}</Table.Th>
              <Table.Th>{t('day.status')}</Table.Th>
              <Table.Th>{t('day.action')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {day.appointments.map((r) => {
              const current = r.time === day.currentSlot;
              return (
                <Table.Tr key={r.randevuNo} bg={current ? 'yellow.0' : undefined} data-current={current || undefined} aria-current={current ? 'time' : undefined}>
                  <Table.Td fw={current ? 700 : undefined}>{r.time}</Table.Td>
                  <Table.Td>{r.randevuNo}</Table.Td>
                  <Table.Td>{r.motherName}</Table.Td>
                  <Table.Td>{r.programCode}</Table.Td>
                  <Table.Td>
                    <StatusChip status={r.status} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      {/* An applicant arrives only on her day: "Geldi" is not offered on another. */}
                      {r.status === 'BEKLIYOR' && isToday && (
                        <Button size="compact-sm" variant="light" onClick={() => void act(() => send('desk.checkIn', { randevuNo: r.randevuNo }))}>
                          {t('desk.checkIn')}
                        </Button>
                      )}
                      {r.status === 'BEKLIYOR' && date <= todayInTurkey() && (
                        <Button size="compact-sm" variant="default" onClick={() => setNoShow(r)} data-testid="no-show">
                          {t('day.noShow')}
                        </Button>
                      )}
                      <Button size="compact-sm" variant="default" onClick={() => onOpen(r.randevuNo)}>
                        {t('desk.open')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
