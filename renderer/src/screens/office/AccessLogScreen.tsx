import { Alert, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessLogEntry } from '../../../../preload/contract/auditTypes';
import { sendCatch } from '../../api/client';
import { errorText } from '../../api/errorText';
import { todayInTurkey } from '../../hooks/today';
import { TrDateInput } from '../../shell/TrDateInput';

/** dd.MM.yyyy HH:mm:ss in Turkey time, whatever the PC's zone. */
function trTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 3 * 3600_000).toISOString();
  return `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)} ${d.slice(11, 19)}`;
}

/** KVKK access log for the office head: who viewed, printed or exported which record, and when. */
export function AccessLogScreen() {
  const { t } = useTranslation();
  /** The ledger's entity ids in words: "reconciliation:2026-12-07" -> "07.12.2026 günlük mutabakatı". */
  const recordText = (entity: string): string => {
    const [kind, ...rest] = entity.split(':');
    const trDay = (iso: string) => iso.split('-').reverse().join('.');
    if (kind === 'appointment') return t('accessLog.entity.appointment', { no: rest.join(':') });
    if (kind === 'reconciliation' && rest.length === 1) return t('accessLog.entity.reconciliation', { date: trDay(rest[0]!) });
    if (kind === 'list' && rest.length === 2) return t('accessLog.entity.list', { program: rest[0], province: rest[1] });
    if (kind === 'day' && rest.length === 1) return t('accessLog.entity.day', { date: trDay(rest[0]!) });
    return entity;
  };
  const [from, setFrom] = useState(todayInTurkey());
  const [to, setTo] = useState(todayInTurkey());
  const [rows, setRows] = useState<AccessLogEntry[] | null>(null);
  // Of the range shown: how many entries it has, and the cursor of the next (older) page.
  const [total, setTotal] = useState(0);
  const [next, setNext] = useState<number | null>(null);
  const [shown, setShown] = useState({ from, to });
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function show(f = from, tt = to) {
    setError(null);
    const r = await sendCatch('audit.accessLog', { from: f, to: tt });
    if (r.error) return setError(errorText(r.error));
    setRows(r.data.entries);
    setTotal(r.data.total);
    setNext(r.data.next);
    setShown({ from: f, to: tt });
  }
  async function more() {
    if (next === null) return;
    setError(null);
    setLoading(true);
    const r = await sendCatch('audit.accessLog', { from: shown.from, to: shown.to, before: next });
    setLoading(false);
    if (r.error) return setError(errorText(r.error));
    setRows((old) => [...(old ?? []), ...r.data.entries]);
    setTotal(r.data.total);
    setNext(r.data.next);
  }
  useEffect(() => void show(), []); // eslint-disable-line react-hooks/exhaustive-deps
  const action = (a: string) => {
    const key = `accessLog.actions.${a.replace('.', '_')}`;
    const text = t(key);
    return text === key ? a : text;
  };
  return (
    <Stack>
      <Title order={2} size="h3">
        {t('accessLog.title')}
      </Title>
      <Text size="sm">{t('accessLog.intro')}</Text>
      <Group align="end">
        <TrDateInput label={t('accessLog.from')} value={from} onChange={(v) => v && setFrom(v)} w={170} data-testid="access-from" />
        <TrDateInput label={t('accessLog.to')} value={to} onChange={(v) => v && setTo(v)} w={170} data-testid="access-to" />
        <Button onClick={() => void show()}>{t('accessLog.show')}</Button>
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {rows && rows.length === 0 && <Alert color="gray">{t('accessLog.empty')}</Alert>}
      {rows && rows.length > 0 && (
        <>
          <Text size="sm" c="dimmed" data-testid="access-log-count">
            {next === null ? t('accessLog.count', { count: rows.length }) : t('accessLog.countOf', { shown: rows.length, total })}
          </Text>
          <Table striped withTableBorder data-testid="access-log">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('accessLog.when')}</Table.Th>
                <Table.Th>{t('accessLog.user')}</Table.Th>
                <Table.Th>{t('accessLog.action')}</Table.Th>
                <Table.Th>{t('accessLog.record')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.seq}>
                  <Table.Td>{trTime(r.at)}</Table.Td>
                  <Table.Td>{r.user}</Table.Td>
                  <Table.Td>{action(r.action)}</Table.Td>
                  <Table.Td>{recordText(r.entity)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {next !== null && (
            <Group>
              <Text size="sm">{t('accessLog.moreLeft', { count: total - rows.length })}</Text>
              <Button variant="default" loading={loading} onClick={() => void more()}>
                {t('accessLog.more')}
              </Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
