import { ActionIcon, Alert, Badge, Button, Group, Stack, Table, Title } from '@mantine/core';
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

/** "Bugün": the day's appointments of this desk by slot, counts on top, the current slot marked. */
export function DayScreen({ onOpen, isHead, date, setDate }: { onOpen: (randevuNo: string) => void; isHead: boolean; date: string; setDate: (d: string) => void }) {
  const { t, i18n } = useTranslation();
  const [day, setDay] = useState<DayView | null>(null);
  const [doc, setDoc] = useState<PrintedDocument | null>(null);
  const load = useCallback(async () => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(date)) setDay(await send('day.view', { date }));
  }, [date]);
  useEffect(() => {
    void load();
  }, [load]);
  const isToday = date === todayInTurkey();

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
            <Button
              variant="light"
              color="orange"
              onClick={() =>
                void act(async () => {
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
                      {r.status === 'BEKLIYOR' && (
                        <Button size="compact-sm" variant="light" onClick={() => void act(() => send('desk.checkIn', { randevuNo: r.randevuNo }))}>
                          {t('desk.checkIn')}
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
