import { Paper, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Drop or pick an .xlsx/.csv. In Electron the file's path goes to main (nothing is copied);
 * the browser bridge cannot see paths, so it asks for the path instead.
 */
export function Dropzone({ onPath }: { onPath: (path: string) => void }) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const take = (file: File | undefined) => {
    if (!file) return;
    const p = window.masa.pathForFile(file);
    if (p) onPath(p);
    else setNote(t('import.browserNoPath'));
  };
  return (
    <Paper
      withBorder
      p="lg"
      bg={over ? 'indigo.0' : undefined}
      style={{ borderStyle: 'dashed', textAlign: 'center' }}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        take(e.dataTransfer.files[0]);
      }}
    >
      <Text>{t('import.drop')}</Text>
      <label>
        <Text span c="indigo.8" td="underline" style={{ cursor: 'pointer' }}>
          {t('import.pick')}
        </Text>
        <input type="file" accept=".xlsx,.csv" hidden onChange={(e) => take(e.currentTarget.files?.[0])} />
      </label>
      {note && (
        <Text size="sm" c="dimmed" mt="xs">
          {note}
        </Text>
      )}
    </Paper>
  );
}
