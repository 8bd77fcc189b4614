import { afterAll, describe, expect, it } from 'vitest';
import { sampleStatementText } from '../formStatement/sample';
import { renderDecisionNotice, renderFinalRegistrationForm } from './index';
import { sampleDecisionNotice, sampleFinalRegistrationForm } from './testing/fixtures';
import { decodeBarcodes, missingPdfTools, pdfInfo, pdfText, renderPng, tempFolder, writePdf } from './testing/pdfTools';

const missing = missingPdfTools();
if (missing.length > 0) console.warn(`Skipping the form QR layout tests: ${missing.join(', ')} not installed`);

const collapse = (s: string) => s.replace(/\s+/g, ' ');
const tmp = tempFolder('statement-qr');
afterAll(() => tmp.cleanup());

/**
 * The QR corner of the decision documents, on the longest fixtures (8 obligations, long
 * names): still one page, also as a reprint; the QR and the Code 128 both scan at 150 dpi.
 */
describe.skipIf(missing.length > 0)('the signed statement QR on the decision documents', () => {
  it('the Kesin Kayıt Formu keeps its one page with the QR, also as a reprint, and both codes scan at 150 dpi', async () => {
    const model = sampleFinalRegistrationForm();
    const statement = sampleStatementText('finalRegistration', model.mother.tckn);
    for (const reprint of [false, true]) {
      const pdf = writePdf(tmp.dir, `form-${reprint}`, await renderFinalRegistrationForm({ ...model, statement, reprint }));
      expect(pdfInfo(pdf).pages).toBe(1);
      const text = collapse(pdfText(pdf));
      // The caption wraps under the 37 mm square (pdftotext -layout may put other text between its lines).
      expect(text).toContain('Bu formun doğruluğu karekodla');
      expect(text).toContain('doğrulanabilir.');
      expect(text.includes('YENİDEN BASKI')).toBe(reprint);
      const codes = decodeBarcodes(renderPng(pdf, 150, tmp.dir)[0]!);
      expect(codes).toEqual(expect.arrayContaining([statement, model.registrationNo]));
    }
  });

  it('the Ret and Eksik Evrak notices carry it beside the decision, one page each', async () => {
    for (const decision of ['rejected', 'missingDocuments'] as const) {
      const model = sampleDecisionNotice(decision);
      const statement = sampleStatementText(decision, model.mother.tckn);
      const pdf = writePdf(tmp.dir, `notice-${decision}`, await renderDecisionNotice({ ...model, statement, reprint: true }));
      expect(pdfInfo(pdf).pages).toBe(1);
      expect(collapse(pdfText(pdf))).toContain('YENİDEN BASKI');
      expect(decodeBarcodes(renderPng(pdf, 150, tmp.dir)[0]!)).toEqual([statement]);
    }
  });

  it('a model with a statement that is not MASA1: Base45 is refused before anything is drawn', async () => {
    await expect(renderFinalRegistrationForm({ ...sampleFinalRegistrationForm(), statement: 'MASA1:abc' })).rejects.toThrow();
    await expect(renderDecisionNotice({ ...sampleDecisionNotice('rejected'), statement: 'https://example.org' })).rejects.toThrow();
  });
});
