import { Paper, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Drop or pick an .xlsx/.csv. The file itself is handed on: the screen reads its bytes and
 * sends them to main (the same in Electron and in the browser bridge, which cannot see paths).
 */
export function Dropzone({ onFile, disabled = false }: { onFile: (file: File) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
  const take = (file: File | undefined) => {
    if (file && !disabled) onFile(file);
  };
  return (
    <Paper
      withBorder
      p="lg"
      bg={over ? 'indigo.0' : undefined}
      style={{ borderStyle: 'dashed', textAlign: 'center' }}
      data-testid="import-dropzone"
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
        <input
          type="file"
          accept=".xlsx,.csv"
          hidden
          data-testid="import-file"
          disabled={disabled}
          onChange={(e) => {
            take(e.currentTarget.files?.[0]);
            // The same file picked again (after a fix) must fire again.
            e.currentTarget.value = '';
          }}
        />
      </label>
    </Paper>
  );
}
