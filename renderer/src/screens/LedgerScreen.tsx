import { Alert, Button, Code, Group, NumberInput, Paper, SimpleGrid, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecisionReplay, LedgerCheck, LedgerStatus, OfficeInfo } from '../../../preload/contract/types';
import { ApiCallError, send } from '../api/client';
import { errorText } from '../api/errorText';

/** Chain problems the screen names (ledgerProblem.* in the i18n catalogues). */
const PROBLEMS = new Set(['HASH_MISMATCH', 'PREV_MISMATCH', 'SEQ_GAP', 'HEAD_MISMATCH', 'REDACTION_UNLISTED']);

/** The office head's view of the ledger: counts, chain head, verify, idle lock, key rotation. */
export function LedgerScreen({ office, onChanged }: { office: OfficeInfo; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<LedgerStatus | null>(null);
  const [check, setCheck] = useState<LedgerCheck | null>(null);
  const [busy, setBusy] = useState(false);
  const [idle, setIdle] = useState<number | string>(office.idleLockMinutes);
  const load = useCallback(async () => setStatus(await send('ledger.status', {})), []);
  useEffect(() => {
    void load();
  }, [load]);

  async function run(fn: () => Promise<void>) {
    setBusy(true);
    try {
      await fn();
    } catch (e) {
      if (e instanceof ApiCallError) notifications.show({ color: 'red', message: errorText(e.error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack>
      <Title order={2} size="h3">
        {t('ledger.title')}
      </Title>
      {status && (
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <Stat label={t('ledger.schema')} value={status.schemaVersion} />
          <Stat label={t('ledger.events')} value={status.events} />
          <Stat label={t('ledger.appointments')} value={status.counts.appointments} />
          <Stat label={t('ledger.registrations')} value={status.counts.registrations} />
        </SimpleGrid>
      )}
      {status && (
        <Text size="sm">
          {t('ledger.head')}: <Code>#{status.chainHead.seq} {status.chainHead.hash}</Code>
        </Text>
      )}
      <Group>
        <Button loading={busy} onClick={() => void run(async () => setCheck(await send('ledger.verify', {})))}>
          {t('ledger.verify')}
        </Button>
        <Button
          variant="default"
          loading={busy}
          onClick={() =>
            void run(async () => {
              await send('ledger.rekey', {});
              notifications.show({ color: 'green', message: t('ledger.rekeyDone') });
              await load();
            })
          }
        >
          {t('ledger.rekey')}
        </Button>
      </Group>
      {check && check.chain.ok && check.replay.ok && (
        <Alert color="green" role="status">
          {t('ledger.verifyOk', { count: check.chain.checked })}
        </Alert>
      )}
      {check && !(check.chain.ok && check.replay.ok) && (
        <Alert color="red" role="alert">
          {check.chain.firstBad
            ? t('ledger.verifyBad', { seq: check.chain.firstBad.seq, problem: PROBLEMS.has(check.chain.firstBad.problem) ? t(`ledgerProblem.${check.chain.firstBad.problem}`) : check.chain.firstBad.problem })
            : t('ledger.replayBad')}
        </Alert>
      )}
      {check?.decisions && <DecisionReplayResult replay={check.decisions} />}
      <Group align="end">
        <NumberInput label={t('ledger.idle')} min={1} max={240} value={idle} onChange={setIdle} w={220} />
        <Button
          variant="default"
          onClick={() =>
            void run(async () => {
              await send('settings.update', { idleLockMinutes: Number(idle) });
              await onChanged();
            })
          }
        >
          {t('ledger.saveIdle')}
        </Button>
      </Group>
      <Switch
        label={t('silentPrint.label')}
        description={window.masa.transport === 'electron' ? t('silentPrint.desktop') : t('silentPrint.desktopOnly')}
        checked={office.silentPrint}
        data-testid="silent-print"
        onChange={(e) => {
          const on = e.currentTarget.checked;
          void run(async () => {
            await send('settings.update', { silentPrint: on });
            notifications.show({ color: 'green', message: t('silentPrint.saved') });
            await onChanged();
          });
        }}
      />
    </Stack>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value.toLocaleString('tr-TR')}
      </Text>
    </Paper>
  );
}

/** verify's re-decision of every recorded registration: the count, or each one that comes out differently. */
function DecisionReplayResult({ replay }: { replay: DecisionReplay }) {
  const { t } = useTranslation();
  const erased = replay.erased ? ` ${t('ledger.decisionsErased', { n: replay.erased })}` : '';
  if (replay.ok)
    return (
      <Alert color="green" role="status" data-testid="decision-replay">
        {t('ledger.decisionsSame', { checked: replay.checked })}
        {erased}
      </Alert>
    );
  return (
    <Alert color="red" role="alert" data-testid="decision-replay">
      <Text size="sm" fw={700}>
        {t('ledger.decisionsDiffer', { checked: replay.checked, n: replay.differences.length })}
        {erased}
      </Text>
      <Table mt="xs" withTableBorder data-testid="decision-differences">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ledger.diffRegistration')}</Table.Th>
            <Table.Th>{t('ledger.diffAppointment')}</Table.Th>
            <Table.Th>{t('ledger.diffRecorded')}</Table.Th>
            <Table.Th>{t('ledger.diffNow')}</Table.Th>
            <Table.Th>{t('ledger.diffPack')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {replay.differences.map((d) => (
            <Table.Tr key={d.registrationNo}>
              <Table.Td>{d.registrationNo}</Table.Td>
              <Table.Td>{d.randevuNo}</Table.Td>
              <Table.Td>
                <Code>{d.recorded}</Code>
              </Table.Td>
              <Table.Td>
                <Code>{d.now}</Code>
              </Table.Td>
              <Table.Td>
                <Code>{d.pack}</Code>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Alert>
  );
}
