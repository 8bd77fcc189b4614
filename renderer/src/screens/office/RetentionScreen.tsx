import { Alert, Button, Checkbox, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErasureResult, RetentionOverview } from '../../../../preload/contract/retentionTypes';
import { sendCatch } from '../../api/client';
import { errorText } from '../../api/errorText';
import { formatTrDate, formatTrDateTime } from '../../hooks/today';

/** How many due records the table shows; the erasure still covers every selected one. */
const SHOWN = 200;
/** The word the office head types to confirm: erasure cannot be undone. */

/**
 * KVKK retention for the office head: records past their programme's retention period, their
 * erasure (personal fields only: counts, outcomes and the chain stay) after a typed
 * confirmation, and the destruction records of earlier erasures.
 */
export function RetentionScreen() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'tr';
  const [overview, setOverview] = useState<RetentionOverview | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [word, setWord] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<ErasureResult | null>(null);

  const load = useCallback(async () => {
    const r = await sendCatch('retention.overview', {});
    if (r.error) setError(errorText(r.error));
    else {
      setOverview(r.data);
      setSelected(new Set(r.data.due.map((d) => d.randevuNo)));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  async function erase() {
    setBusy(true);
    setError(null);
    const r = await sendCatch('retention.erase', { records: [...selected] });
    setBusy(false);
    setConfirming(false);
    setWord('');
    if (r.error) setError(errorText(r.error));
    else {
      setDone(r.data);
      await load();
    }
  }

  const toggle = (no: string) =>
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(no)) n.delete(no);
      else n.add(no);
      return n;
    });

  return (
    <Stack>
      <Title order={2} size="h3">
        {t('retention.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('retention.explain')}
      </Text>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {done && (
        <Alert color="green" role="status" data-testid="erasure-done">
          {t('retention.done', { records: done.records, appointments: done.appointments, registrations: done.registrations, events: done.redactedEvents, seq: done.seq })}
        </Alert>
      )}
      {overview && (
        <>
          <Text fw={600} data-testid="due-count">
            {t('retention.due', { count: overview.due.length, today: formatTrDate(overview.today) })}
          </Text>
          {overview.due.length > 0 && (
            <>
              <Table striped withTableBorder aria-label={t('retention.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>
                      <Checkbox
                        aria-label={t('retention.selectAll')}
                        checked={selected.size === overview.due.length}
                        indeterminate={selected.size > 0 && selected.size < overview.due.length}
                        onChange={(e) => setSelected(e.currentTarget.checked ? new Set(overview.due.map((d) => d.randevuNo)) : new Set())}
                      />
                    </Table.Th>
                    <Table.Th>{t('retention.randevuNo')}</Table.Th>
                    <Table.Th>{t('retention.programme')}</Table.Th>
                    <Table.Th>{t('retention.records')}</Table.Th>
                    <Table.Th>{t('retention.lastActivity')}</Table.Th>
                    <Table.Th>{t('retention.dueOn')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {overview.due.slice(0, SHOWN).map((d) => (
                    <Table.Tr key={d.randevuNo}>
                      <Table.Td>
                        <Checkbox aria-label={d.randevuNo} checked={selected.has(d.randevuNo)} onChange={() => toggle(d.randevuNo)} />
                      </Table.Td>
                      <Table.Td>{d.randevuNo}</Table.Td>
                      <Table.Td>
                        {d.programCode} · {d.provinceCode}
                      </Table.Td>
                      <Table.Td>{t('retention.counts', { appointments: d.appointments, registrations: d.registrations })}</Table.Td>
                      <Table.Td>{formatTrDateTime(d.lastActivity, true)}</Table.Td>
                      <Table.Td>
                        {formatTrDate(d.dueOn)} ({t('retention.years', { years: d.retentionYears })})
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {overview.due.length > SHOWN && <Text size="sm">{t('retention.more', { count: overview.due.length - SHOWN })}</Text>}
              <Group>
                <Button color="red" disabled={selected.size === 0} onClick={() => setConfirming(true)}>
                  {t('retention.erase', { count: selected.size })}
                </Button>
              </Group>
            </>
          )}
          <Title order={3} size="h4">
            {t('retention.history')}
          </Title>
          {overview.erasures.length === 0 ? (
            <Text size="sm">{t('retention.noHistory')}</Text>
          ) : (
            <Table withTableBorder aria-label={t('retention.history')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('retention.when')}</Table.Th>
                  <Table.Th>{t('retention.who')}</Table.Th>
                  <Table.Th>{t('retention.records')}</Table.Th>
                  <Table.Th>{t('retention.event')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {overview.erasures.map((e) => (
                  <Table.Tr key={e.seq}>
                    <Table.Td>{formatTrDateTime(e.at, true)}</Table.Td>
                    <Table.Td>{e.user}</Table.Td>
                    <Table.Td>
                      {e.records} ({t('retention.counts', { appointments: e.appointments, registrations: e.registrations })})
                    </Table.Td>
                    <Table.Td>#{e.seq}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('retention.confirmTitle')}>
        <Stack>
          <Text>{t('retention.confirmText', { count: selected.size })}</Text>
          <TextInput
            label={t('retention.confirmLabel', { word: t('retentionConfirm.word') })}
            value={word}
            onChange={(e) => setWord(e.currentTarget.value)}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('retention.cancel')}
            </Button>
            <Button color="red" loading={busy} disabled={word.trim().toLocaleUpperCase(lang === 'tr' ? 'tr-TR' : 'en') !== t('retentionConfirm.word')} onClick={() => void erase()}>
              {t('retention.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
