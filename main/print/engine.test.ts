import type { TDocumentDefinitions } from 'pdfmake';
import { describe, expect, it } from 'vitest';
import { renderPdf } from './engine';

/** Documents are built from models, but the engine must hold even if one ever names a resource. */
function withImage(src: string): TDocumentDefinitions {
  return { content: [{ image: 'x' }], images: { x: src } } as unknown as TDocumentDefinitions;
}

describe('print engine', () => {
  it('produces a PDF in memory', async () => {
    const pdf = await renderPdf({ content: 'İıŞşĞğÇçÖöÜü' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('never fetches a URL', async () => {
    await expect(renderPdf(withImage('https://example.invalid/logo.png'))).rejects.toThrow(/Access to URL denied/);
  });

  it('never reads a local file', async () => {
    await expect(renderPdf(withImage('/etc/hostname'))).rejects.toThrow(/Access to local file denied/);
  });
});
