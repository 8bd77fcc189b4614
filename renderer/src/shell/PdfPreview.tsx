import { Button, Group, Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintedDocument } from '../../../preload/contract/printTypes';
import { sendCatch } from '../api/client';
import { errorText } from '../api/errorText';

/**
 * Preview of a PDF made in main, with print and "PDF olarak kaydet". The bytes live in a blob
 * URL in memory only; saving goes through the browser's (Electron's) save dialog.
 */
export function PdfPreview({ doc, onClose, returnFocus = true }: { doc: PrintedDocument | null; onClose: () => void; returnFocus?: boolean }) {
  const { t, i18n } = useTranslation();
  const frame = useRef<HTMLIFrameElement>(null);
  /**
   * Desktop app: main prints the PDF it rendered (named by id, the bytes stay in main) silently
   * when the office head enabled it; otherwise, and in the browser, the system dialog.
   */
  async function print() {
    if (doc && window.masa.transport === 'electron') {
      const r = await sendCatch('print.toPrinter', { documentId: doc.documentId });
      if (r.error) {
        notifications.show({ color: 'red', message: errorText(r.error) });
        return;
      }
      if (r.data.mode === 'silent') {
        notifications.show(r.data.ok ? { color: 'green', message: t('silentPrint.sent') } : { color: 'red', message: i18n.language === 'en' ? r.data.messageEn : r.data.message });
        return;
      }
    }
    frame.current?.contentWindow?.print();
  }
  const url = useMemo(() => {
    if (!doc) return null;
    const bytes = Uint8Array.from(atob(doc.pdfBase64), (c) => c.charCodeAt(0));
    return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  }, [doc]);
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);
  return (
    <Modal opened={!!doc} onClose={onClose} returnFocus={returnFocus} title={doc?.fileName} size="90%" data-testid="pdf-preview">
      {doc && url && (
        <Stack>
          <iframe ref={frame} src={url} title={doc.fileName} style={{ width: '100%', height: '70vh', border: '1px solid #dee2e6' }} />
          <Group justify="flex-end">
            <Button component="a" href={url} download={doc.fileName} variant="default">
              {t('print.save')}
            </Button>
            <Button onClick={() => void print()}>{t('print.print')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
