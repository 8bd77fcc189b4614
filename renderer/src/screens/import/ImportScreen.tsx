import { Alert, Button, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { Dropzone } from './Dropzone';
import { randomId } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportAnalysis, ImportApplied } from '../../../../preload/contract/importTypes';
import { onMainEvent, sendCatch } from '../../api/client';
import { errorText } from '../../api/errorText';
import { downloadBase64, MAX_UPLOAD_BYTES, readFileBase64, XLSX_TYPE } from '../../api/fileBytes';

type Phase = { kind: 'pick' } | { kind: 'reading'; importId: string } | { kind: 'preview'; analysis: ImportAnalysis } | { kind: 'done'; applied: ImportApplied; fileName: string };

/**
 * HQ appointment list import (office head): pick or drop a file, see the columns as recognised
 * and the counts before anything is written, cancel or apply, then the report.
 */
export function ImportScreen() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'tr';
  const [phase, setPhase] = useState<Phase>({ kind: 'pick' });
  const [path, setPath] = useState('');
  const [progress, setProgress] = useState<{ rows: number; bytes: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [reportPath, setReportPath] = useState('');
  const [savedReport, setSavedReport] = useState<string | null>(null);
  const [applying, setApplying] = useState(false);
  // Set at once, before React renders the disabled button: a double click sends one apply.
  const applyingNow = useRef(false);
  const [downloaded, setDownloaded] = useState<string | null>(null);

  // Rows written so far while an apply runs (main tells every 2,000: importApply.ts).
  const [written, setWritten] = useState<{ rows: number; total: number } | null>(null);

  useEffect(
    () =>
      onMainEvent('import.progress', (p) => {
        const v = p as { importId: string; phase?: 'apply'; rows: number; bytes: number; total: number };
        if (v.phase === 'apply') {
          if (phase.kind === 'preview' && v.importId === phase.analysis.importId) setWritten({ rows: v.rows, total: v.total });
        } else if (phase.kind === 'reading' && v.importId === phase.importId) setProgress(v);
      }),
    [phase],
  );

  async function analyze(source: { path: string } | { file: File }) {
    setError(null);
    setNotice(null);
    setSavedReport(null);
    setDownloaded(null);
    const importId = crypto.randomUUID?.() ?? randomId();
    if ('file' in source && source.file.size === 0) {
      // Said here, by name: sent on, the empty bytes got only the generic "Girilen bilgiler eksik ya da hatalı".
      setError(t('import.fileEmpty', { file: source.file.name }));
      return;
    }
    if ('file' in source && source.file.size > MAX_UPLOAD_BYTES) {
      setError(t('import.tooLarge', { file: source.file.name, max: MAX_UPLOAD_BYTES / 1024 / 1024 }));
      return;
    }
    setPhase({ kind: 'reading', importId });
    setProgress(null);
    // Desktop app: a picked or dropped file's path, read by main itself (no bytes cross IPC).
    const onDisk = 'file' in source ? window.masa.pathForFile(source.file) : source.path;
    let r;
    if (onDisk !== null) r = await sendCatch('import.analyze', { path: onDisk, importId });
    else {
      // Browser bridge: the file's bytes go to main, which reads them in memory as it would the file.
      const file = (source as { file: File }).file;
      let base64: string;
      try {
        base64 = await readFileBase64(file);
      } catch {
        setError(t('import.fileUnreadable', { file: file.name }));
        setPhase({ kind: 'pick' });
        return;
      }
      r = await sendCatch('import.analyzeBytes', { name: file.name, base64, importId });
    }
    if (r.error) {
      setError(errorText(r.error));
      setPhase({ kind: 'pick' });
    } else setPhase({ kind: 'preview', analysis: r.data });
  }

  async function apply(analysis: ImportAnalysis) {
    // One apply per plan: the button is disabled while it runs (main also answers a repeat with the same result).
    if (applyingNow.current) return;
    applyingNow.current = true;
    setApplying(true);
    setWritten(null);
    try {
      const r = await sendCatch('import.apply', { importId: analysis.importId });
      if (r.error) {
        // The office head's own Vazgeç during the write is news, not a fault.
        if (r.error.code === 'IMPORT_CANCELLED') setNotice(errorText(r.error));
        else setError(errorText(r.error));
        setPhase({ kind: 'pick' });
      } else setPhase({ kind: 'done', applied: r.data, fileName: analysis.file.name });
    } finally {
      applyingNow.current = false;
      setApplying(false);
    }
  }

  async function download(importId: string) {
    const r = await sendCatch('import.reportFile', { importId });
    if (r.error) {
      setError(errorText(r.error));
      return;
    }
    downloadBase64(r.data.name, r.data.base64, XLSX_TYPE);
    setDownloaded(r.data.name);
  }

  async function cancel(importId: string) {
    await sendCatch('import.cancel', { importId });
    setPhase({ kind: 'pick' });
  }

  const report = phase.kind === 'preview' ? phase.analysis.report : phase.kind === 'done' ? phase.applied.report : null;
  return (
    <Stack>
      <Title order={2} size="h3">
        {t('import.title')}
      </Title>
      {error && (
        <Alert color="red" role="alert" data-testid="import-error">
          {error}
        </Alert>
      )}
      {notice && (
        <Alert color="gray" role="status" data-testid="import-notice">
          {notice}
        </Alert>
      )}
      {phase.kind === 'pick' && (
        <Paper withBorder p="md">
          <Stack>
            <Dropzone onFile={(file) => void analyze({ file })} />
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (path.trim()) void analyze({ path: path.trim() });
              }}
            >
              <Group align="end">
                <TextInput label={t('import.path')} description={t('import.pathHint')} value={path} onChange={(e) => setPath(e.currentTarget.value)} style={{ flex: 1 }} />
                <Button type="submit">{t('import.read')}</Button>
              </Group>
            </form>
          </Stack>
        </Paper>
      )}
      {phase.kind === 'reading' && (
        <Paper withBorder p="md">
          <Stack>
            <Text>{t('import.reading', { rows: (progress?.rows ?? 0).toLocaleString('tr-TR') })}</Text>
            <Progress value={progress && progress.total ? Math.min(100, (100 * progress.bytes) / progress.total) : 5} animated aria-label={t('import.progress')} />
            <Button variant="default" onClick={() => void cancel(phase.importId)} w={160}>
              {t('common.cancel')}
            </Button>
          </Stack>
        </Paper>
      )}
      {report && (
        <SimpleGrid cols={{ base: 2, md: 4, lg: 7 }} data-testid="import-counts">
          {(['added', 'updated', 'unchanged', 'cancelled', 'rejected', 'skipped', 'keptStarted'] as const).map((k) => (
            <Paper withBorder p="xs" key={k} data-count={k}>
              <Text size="xs" c="dimmed">
                {t(`import.counts.${k}`)}
              </Text>
              <Text fw={700} size="lg">
                {report.counts[k].toLocaleString('tr-TR')}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
      )}
      {phase.kind === 'preview' && (
        <Stack>
          <Alert color="blue">{t('import.previewNote', { rows: phase.analysis.report.totalRows.toLocaleString('tr-TR'), file: phase.analysis.file.name })}</Alert>
          {phase.analysis.unknownColumns.length > 0 && <Alert color="yellow">{t('import.unknownColumns', { columns: phase.analysis.unknownColumns.join(', ') })}</Alert>}
          {/* Native scrolling on a focusable, named region: a keyboard user can scroll the wide preview (axe: scrollable-region-focusable).
              Small type and tight cells: HQ's usual columns fit a 1280-wide window; more columns or a narrower window scroll sideways. */}
          <Table.ScrollContainer minWidth={900} type="native" tabIndex={0} role="region" aria-label={t('import.previewTable')} data-testid="import-preview-region">
            <Table striped withTableBorder fz="xs" horizontalSpacing={6} verticalSpacing={4} data-testid="import-preview">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('import.row')}</Table.Th>
                  {phase.analysis.columns.map((c) => (
                    <Table.Th key={c}>{c}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {phase.analysis.preview.map((r) => (
                  <Table.Tr key={r.row}>
                    <Table.Td>{r.row}</Table.Td>
                    {phase.analysis.columns.map((c) => (
                      <Table.Td key={c}>{r.values[c] ?? ''}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {applying && written && (
            <Stack gap={4}>
              <Text size="sm">{t('import.writing', { rows: written.rows.toLocaleString('tr-TR'), total: written.total.toLocaleString('tr-TR') })}</Text>
              <Progress value={Math.min(100, (100 * written.rows) / Math.max(1, written.total))} animated aria-label={t('import.writeProgress')} data-testid="import-write-progress" />
            </Stack>
          )}
          <Group>
            {/* Also while it writes: main stops at its next step and rolls everything back. */}
            <Button variant="default" onClick={() => void cancel(phase.analysis.importId)}>
              {t('common.cancel')}
            </Button>
            <Button loading={applying} disabled={applying} onClick={() => void apply(phase.analysis)} data-testid="import-apply">
              {applying ? t('import.applying') : t('import.apply')}
            </Button>
          </Group>
        </Stack>
      )}
      {report && report.lines.length > 0 && (
        <Table striped withTableBorder data-testid="import-lines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('import.row')}</Table.Th>
              <Table.Th>{t('import.column')}</Table.Th>
              <Table.Th>{t('import.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.lines.slice(0, 200).map((l, i) => (
              <Table.Tr key={i}>
                <Table.Td>{l.row}</Table.Td>
                <Table.Td>{l.column ?? '—'}</Table.Td>
                <Table.Td>{l[lang]}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {phase.kind === 'done' && (
        <Stack>
          <Alert color="green" role="status" data-testid="import-done">
            {t('import.done', { file: phase.fileName })}
          </Alert>
          <Group>
            <Button onClick={() => void download(phase.applied.importId)} data-testid="import-download">
              {t('import.downloadReport')}
            </Button>
            {downloaded && (
              <Text size="sm" role="status">
                {t('import.reportDownloaded', { name: downloaded })}
              </Text>
            )}
          </Group>
          <form
            onSubmit={async (e) => {
              e.preventDefault();
              const r = await sendCatch('import.saveReport', { importId: phase.applied.importId, to: reportPath });
              if (r.error) setError(errorText(r.error));
              else setSavedReport(r.data.path);
            }}
          >
            <Group align="end">
              <TextInput label={t('import.reportPath')} value={reportPath} onChange={(e) => setReportPath(e.currentTarget.value)} style={{ flex: 1 }} />
              <Button type="submit" variant="default">
                {t('import.saveReport')}
              </Button>
              <Button onClick={() => setPhase({ kind: 'pick' })}>{t('import.another')}</Button>
            </Group>
          </form>
          {savedReport && <Text size="sm">{t('import.reportSaved', { path: savedReport })}</Text>}
        </Stack>
      )}
    </Stack>
  );
}
