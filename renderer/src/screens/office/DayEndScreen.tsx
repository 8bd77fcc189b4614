import { Alert, Button, Code, FileInput, Group, Paper, Stack, Switch, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupResult, DayCloseBackup } from '../../../../preload/contract/backupTypes';
import type { DeskKeyInfo, ExportResult, MergeResult, TrustedKeyView, VerifyRow } from '../../../../preload/contract/reconciliationTypes';
import type { OfficeInfo } from '../../../../preload/contract/types';
import { send, sendCatch } from '../../api/client';
import { errorText } from '../../api/errorText';
import { todayInTurkey } from '../../hooks/today';
import { TrDateInput } from '../../shell/TrDateInput';

/**
 * The office head's end of day: the signed reconciliation for HQ, a backup, the desk key HQ
 * registers, and verifying / merging several desks' files. Folders and files are typed as
 * paths (the browser bridge cannot see the disk; Electron passes the same paths).
 * The head also registers other desks' public keys, sees the province key (it signs the
 * merged IL file) and decides whether clerks may export; a clerk, when allowed, sees only
 * the export.
 */

/** A PEM as a file the user saves (works the same in Electron and in the browser). */
function PemDownload({ info, label }: { info: DeskKeyInfo; label: string }) {
  const href = `data:application/x-pem-file;charset=utf-8,${encodeURIComponent(info.pem)}`;
  return (
    <Button component="a" href={href} download={`${info.deskCode}-public.pem`} variant="default" size="xs" w="fit-content">
      {label}
    </Button>
  );
}

export function DayEndScreen({ isHead = true, office, onChanged }: { isHead?: boolean; office?: OfficeInfo; onChanged?: () => Promise<void> | void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'tr';
  const [date, setDate] = useState(todayInTurkey());
  const [outDir, setOutDir] = useState('');
  const [backupDir, setBackupDir] = useState('');
  const [files, setFiles] = useState('');
  const [key, setKey] = useState<DeskKeyInfo | null>(null);
  const [exported, setExported] = useState<(ExportResult & { backup: DayCloseBackup }) | null>(null);
  const [backup, setBackup] = useState<BackupResult | null>(null);
  const [table, setTable] = useState<VerifyRow[] | null>(null);
  const [merged, setMerged] = useState<MergeResult['merged'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [trusted, setTrusted] = useState<TrustedKeyView[]>([]);
  const [regDesk, setRegDesk] = useState('');
  const [regPem, setRegPem] = useState('');
  const [registered, setRegistered] = useState<DeskKeyInfo | null>(null);
  const [provinceKey, setProvinceKey] = useState<DeskKeyInfo | null>(null);
  const loadTrusted = () => void send('reconciliation.trustedKeys', {}).then(setTrusted);
  useEffect(() => {
    if (!isHead) return;
    void send('reconciliation.deskKey', {}).then(setKey);
    loadTrusted();
  }, [isHead]);
  const fileList = () => files.split('\n').map((f) => f.trim()).filter(Boolean);

  async function run<T>(p: Promise<{ data: T; error: null } | { data: null; error: Parameters<typeof errorText>[0] }>, ok: (v: T) => void) {
    setError(null);
    const r = await p;
    if (r.error) setError(errorText(r.error));
    else ok(r.data);
  }

  return (
    <Stack>
      <Title order={2} size="h3">
        {t('dayEnd.title')}
      </Title>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Paper withBorder p="md">
        <Stack>
          <Title order={3} size="h5">
            {t('dayEnd.export')}
          </Title>
          <Group align="end">
            <TrDateInput label={t('day.date')} value={date} onChange={(v) => v && setDate(v)} w={170} />
            <TextInput label={t('dayEnd.folder')} value={outDir} onChange={(e) => setOutDir(e.currentTarget.value)} style={{ flex: 1 }} />
            <Button
              onClick={() => {
                // A new try clears the last success line: it must not stay beside a refusal.
                setExported(null);
                if (!outDir.trim()) setError(t('dayEnd.noFolder'));
                else void run(sendCatch('reconciliation.export', { date, outDir }), setExported);
              }}
            >
              {t('dayEnd.exportButton')}
            </Button>
          </Group>
          {exported && (
            <Alert color="green" data-testid="export-done">
              {exported.xlsxPath} · SHA-256 <Code>{exported.sha256.slice(0, 16)}…</Code>
            </Alert>
          )}
          {isHead && office && (
            <Switch
              data-testid="clerks-may-export"
              label={t('dayEnd.clerksMayExport')}
              description={t('dayEnd.clerksMayExportHint')}
              checked={office.clerksMayExportReconciliation}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                void run(sendCatch('settings.update', { clerksMayExportReconciliation: on }), () => void onChanged?.());
              }}
            />
          )}
          {exported &&
            (exported.backup.ok ? (
              <Text size="sm" data-testid="auto-backup">
                {t('dayEnd.autoBackup', { name: exported.backup.name })}
              </Text>
            ) : (
              <Alert color="orange" data-testid="auto-backup">
                {t('dayEnd.autoBackupFailed', { message: lang === 'en' ? exported.backup.messageEn : exported.backup.message })}
              </Alert>
            ))}
        </Stack>
      </Paper>
      {isHead && (
        <>
          <Paper withBorder p="md">
            <Stack>
              <Title order={3} size="h5">
                {t('dayEnd.backup')}
              </Title>
              <Group align="end">
                <TextInput label={t('dayEnd.backupFolder')} description={t('dayEnd.backupHint')} value={backupDir} onChange={(e) => setBackupDir(e.currentTarget.value)} style={{ flex: 1 }} />
                <Button variant="default" onClick={() => void run(sendCatch('backup.create', backupDir ? { to: backupDir } : {}), setBackup)}>
                  {t('dayEnd.backupButton')}
                </Button>
              </Group>
              {backup && <Alert color="green">{t('dayEnd.backupDone', { dir: backup.dir })}</Alert>}
            </Stack>
          </Paper>
          <Paper withBorder p="md">
            <Stack>
              <Title order={3} size="h5">
                {t('dayEnd.deskKey')}
              </Title>
              {key && (
                <>
                  <Text size="sm">
                    {t('dayEnd.fingerprint')}: <Code data-testid="fingerprint">{key.fingerprint}</Code>
                  </Text>
                  <Code block>{key.pem}</Code>
                  <PemDownload info={key} label={t('dayEnd.savePem')} />
                </>
              )}
            </Stack>
          </Paper>
          <Paper withBorder p="md">
            <Stack>
              <Title order={3} size="h5">
                {t('dayEnd.provinceKey')}
              </Title>
              <Text size="sm">{t('dayEnd.provinceKeyHint')}</Text>
              {provinceKey ? (
                <>
                  <Text size="sm">
                    {t('dayEnd.fingerprint')}: <Code data-testid="province-fingerprint">{provinceKey.fingerprint}</Code>
                  </Text>
                  <Code block data-testid="province-pem">
                    {provinceKey.pem}
                  </Code>
                  <PemDownload info={provinceKey} label={t('dayEnd.savePem')} />
                </>
              ) : (
                <Button variant="default" w="fit-content" onClick={() => void run(sendCatch('reconciliation.provinceKey', {}), (k) => (setProvinceKey(k), loadTrusted()))}>
                  {t('dayEnd.showProvinceKey')}
                </Button>
              )}
            </Stack>
          </Paper>
          <Paper withBorder p="md">
            <Stack>
              <Title order={3} size="h5">
                {t('dayEnd.keys')}
              </Title>
              <Group align="end">
                <TextInput label={t('dayEnd.keyDesk')} value={regDesk} onChange={(e) => setRegDesk(e.currentTarget.value)} w={140} />
                <FileInput
                  label={t('dayEnd.keyFile')}
                  accept=".pem,.txt,text/plain"
                  onChange={(f) => {
                    if (f) void f.text().then(setRegPem);
                  }}
                  style={{ flex: 1 }}
                />
              </Group>
              <Textarea label={t('dayEnd.keyPem')} placeholder="-----BEGIN PUBLIC KEY-----" autosize minRows={3} value={regPem} onChange={(e) => setRegPem(e.currentTarget.value)} />
              <Button
                w="fit-content"
                onClick={() =>
                  void run(sendCatch('reconciliation.registerDeskKey', { deskCode: regDesk, pem: regPem }), (k) => {
                    setRegistered(k);
                    setRegPem('');
                    loadTrusted();
                  })
                }
              >
                {t('dayEnd.registerKey')}
              </Button>
              {registered && (
                <Alert color="green" data-testid="key-registered">
                  {t('dayEnd.keyRegistered', { desk: registered.deskCode })} <Code>{registered.fingerprint}</Code>
                </Alert>
              )}
              <Table withTableBorder data-testid="trusted-keys">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('dayEnd.desk')}</Table.Th>
                    <Table.Th>{t('dayEnd.keyKind')}</Table.Th>
                    <Table.Th>{t('dayEnd.fingerprint')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {trusted.map((k) => (
                    <Table.Tr key={`${k.kind}:${k.deskCode}`}>
                      <Table.Td>{k.deskCode}</Table.Td>
                      <Table.Td>{t(`dayEnd.keyKinds.${k.kind}`)}</Table.Td>
                      <Table.Td>
                        <Code>{k.fingerprint}</Code>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Stack>
          </Paper>
          <Paper withBorder p="md">
            <Stack>
              <Title order={3} size="h5">
                {t('dayEnd.merge')}
              </Title>
              <Textarea label={t('dayEnd.files')} description={t('dayEnd.filesHint')} autosize minRows={3} value={files} onChange={(e) => setFiles(e.currentTarget.value)} />
              <Group>
                <Button variant="default" onClick={() => void run(sendCatch('reconciliation.verify', { files: fileList() }), setTable)}>
                  {t('dayEnd.verify')}
                </Button>
                <Button
                  onClick={() =>
                    void run(sendCatch('reconciliation.merge', { files: fileList(), outDir }), (m) => {
                      setTable(m.files);
                      setMerged(m.merged);
                    })
                  }
                >
                  {t('dayEnd.mergeButton')}
                </Button>
              </Group>
              {table && (
                <Table withTableBorder data-testid="verify-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('dayEnd.file')}</Table.Th>
                      <Table.Th>{t('dayEnd.desk')}</Table.Th>
                      <Table.Th>{t('day.date')}</Table.Th>
                      <Table.Th>{t('dayEnd.registrations')}</Table.Th>
                      <Table.Th>{t('dayEnd.result')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {table.map((r, i) => (
                      <Table.Tr key={`${i}:${r.file}`}>
                        <Table.Td>{r.file}</Table.Td>
                        <Table.Td>{r.desk ?? '—'}</Table.Td>
                        <Table.Td>{r.date ?? '—'}</Table.Td>
                        <Table.Td>{r.counts?.registrations ?? '—'}</Table.Td>
                        <Table.Td c={r.ok ? undefined : 'red.9'}>{r.message[lang]}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
              {merged && <Alert color="green">{t('dayEnd.merged', { file: merged.xlsxPath, mothers: merged.duplicateMothers, children: merged.duplicateChildren })}</Alert>}
            </Stack>
          </Paper>
        </>
      )}
    </Stack>
  );
}
