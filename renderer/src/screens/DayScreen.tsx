import { Alert, Badge, Group, Stack, Table, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DayAppointment } from '../../../preload/contract/types';
import { send } from '../api/client';
import { formatTrDate, todayInTurkey } from '../hooks/today';

/** "Bugünün randevuları": the day's slots of this desk. */
export function DayScreen() {
  const { t } = useTranslation();
  const [date, setDate] = useState(todayInTurkey());
  const [rows, setRows] = useState<DayAppointment[] | null>(null);
  useEffect(() => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
    let live = true;
    void send('day.list', { date }).then((r) => live && setRows(r.appointments));
    return () => {
      live = false;
    };
  }, [date]);
  const isToday = date === todayInTurkey();
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h3">
          {isToday ? t('day.title') : t('day.titleOther', { date: formatTrDate(date) })}
        </Title>
        <TextInput type="date" label={t('day.date')} value={date} onChange={(e) => setDate(e.currentTarget.value)} w={180} />
      </Group>
      {rows && rows.length === 0 && <Alert color="gray">{t('day.empty')}</Alert>}
      {rows && rows.length > 0 && (
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('day.time')}</Table.Th>
              <Table.Th>{t('day.randevuNo')}</Table.Th>
              <Table.Th>{t('day.mother')}</Table.Th>
              <Table.Th>{t('day.program')}</Table.Th>
              <Table.Th>{t('day.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.randevuNo}>
                <Table.Td>{r.time}</Table.Td>
                <Table.Td>{r.randevuNo}</Table.Td>
                <Table.Td>{r.motherName}</Table.Td>
                <Table.Td>{r.programCode}</Table.Td>
                <Table.Td>
                  <Badge variant="light">{r.status}</Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
