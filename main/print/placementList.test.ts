import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskTckn } from './format';
import { renderPlacementList } from './index';
import { LONG_MOTHER_NAME, samplePlacementList } from './testing/fixtures';
import {
  firstOutOfOrder,
  missingPdfTools,
  pdfInfo,
  pdfPages,
  pdfText,
  renderPng,
  tempFolder,
  writePdf,
} from './testing/pdfTools';

const missing = missingPdfTools();
if (missing.length > 0) console.warn(`Skipping Asil / Yedek listesi PDF tests: ${missing.join(', ')} not installed`);

const HEADER = ['Sıra', 'Liste', 'Kayıt No', 'Randevu No', 'Anne Adı Soyadı', 'T.C. Kimlik No', 'Ön Kayıt Zamanı'];

describe.skipIf(missing.length > 0)('Asil / Yedek listesi, 2,000 rows', () => {
  const model = samplePlacementList(2000, true, 1750);
  let tmp: ReturnType<typeof tempFolder>;
  let pdf: string;
  let pages: string[];

  beforeAll(async () => {
    tmp = tempFolder('list');
    pdf = writePdf(tmp.dir, 'list', await renderPlacementList(model));
    pages = pdfPages(pdf);
  });
  afterAll(() => tmp.cleanup());

  it('is landscape A4 and paginated', () => {
    const info = pdfInfo(pdf);
    expect(info.widthPt).toBeCloseTo(841.89, 1);
    expect(info.heightPt).toBeCloseTo(595.28, 1);
    expect(info.pages).toBeGreaterThan(20);
    expect(pages).toHaveLength(info.pages);
  });

  it('titles the list with the edition, the province and the as-of time', () => {
    const first = pages[0]!;
    expect(
      firstOutOfOrder(first, [
        'T.C. SOSYAL GÜVENLİK KURUMU',
        'İzmir Sosyal Güvenlik İl Müdürlüğü',
        'ASİL / YEDEK LİSTESİ',
        'Evde Çocuk Bakım Desteği 2015 · İzmir',
        '03.08.2015 09:00 itibarıyla',
        'Asil: 1.750 · Yedek: 250 · Kontenjan: 1.750',
      ]),
    ).toBeNull();
  });

  it('repeats the SGK header, the column header and "Sayfa N / M" on every page', () => {
    pages.forEach((page, i) => {
      expect(page, `page ${i + 1}`).toContain('T.C. SOSYAL GÜVENLİK KURUMU');
      const headerLine = page.split('\n').find((l) => l.includes('Anne Adı Soyadı'));
      expect(headerLine, `column header on page ${i + 1}`).toBeDefined();
      expect(firstOutOfOrder(headerLine!, HEADER), `page ${i + 1}`).toBeNull();
      expect(page).toContain(`Sayfa ${i + 1} / ${pages.length}`);
    });
  });

  it('prints all 2,000 rows once, in order, main list before reserves', () => {
    const text = pages.join('\n');
    expect(firstOutOfOrder(text, model.rows.map((r) => r.registrationNo))).toBeNull();
    const firstReserve = text.indexOf(model.rows[1750]!.registrationNo);
    expect(text.lastIndexOf(' Asil ', firstReserve)).toBeGreaterThan(0);
    expect(text.indexOf(' Asil ', firstReserve)).toBe(-1);
    const line = text.split('\n').find((l) => l.includes(model.rows[1750]!.registrationNo))!;
    expect(line).toMatch(/^\s*1\s+Yedek\s+KK35-2015-001751\s+35-2015-011750\s/);
    expect(text).toContain('25.06.2015 10:00:00');
  });

  it('masks T.C. Kimlik numbers when asked, and Turkish names round-trip', () => {
    const text = pages.join('\n');
    expect(text).toContain(LONG_MOTHER_NAME);
    expect(text).toContain(maskTckn(model.rows[0]!.motherTckn));
    for (const row of model.rows.slice(0, 200)) expect(text).not.toContain(row.motherTckn);
  });

  it('renders at 200 dpi (first and last page: every page would take a minute for nothing new)', () => {
    expect(renderPng(pdf, 200, tmp.dir, 1, 1)).toHaveLength(1);
    expect(renderPng(pdf, 200, tmp.dir, pages.length, pages.length)).toHaveLength(2);
  });
});

describe.skipIf(missing.length > 0)('Asil / Yedek listesi, small and unmasked', () => {
  it('prints full T.C. Kimlik numbers when masking is off', async () => {
    const tmp = tempFolder('list-small');
    try {
      const model = samplePlacementList(40, false, 30);
      const text = pdfText(writePdf(tmp.dir, 'small', await renderPlacementList(model)));
      for (const row of model.rows) expect(text).toContain(row.motherTckn);
      expect(text).not.toContain('maskelenmiştir');
      expect(text).toMatch(/Sayfa 1 \/ \d+/);
    } finally {
      tmp.cleanup();
    }
  });

  it('prints an empty list as such', async () => {
    const tmp = tempFolder('list-empty');
    try {
      const text = pdfText(writePdf(tmp.dir, 'empty', await renderPlacementList({ ...samplePlacementList(0), rows: [] })));
      expect(text).toContain('Listede kayıt yok.');
      expect(text).toContain('Asil: 0 · Yedek: 0');
    } finally {
      tmp.cleanup();
    }
  });
});
