import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarizeDay } from './documents/dailyReportSummary';
import { formatMoney, maskName } from './format';
import { renderDailyReport } from './index';
import type { DailyReportRow } from './models';
import { LEDGER_HEAD, LONG_MOTHER_NAME, sampleDailyReport } from './testing/fixtures';
import {
  firstOutOfOrder,
  missingPdfTools,
  pdfInfo,
  pdfPages,
  renderPng,
  tempFolder,
  writePdf,
} from './testing/pdfTools';

const missing = missingPdfTools();
if (missing.length > 0) console.warn(`Skipping Günlük Rapor PDF tests: ${missing.join(', ')} not installed`);

describe('summarizeDay', () => {
  const row = (outcome: DailyReportRow['outcome'], clerkName: string | null, support: number | null = null): DailyReportRow => ({
    time: '09:00',
    appointmentNo: 'x',
    motherName: 'y',
    outcome,
    clerkName,
    monthlySupportMinor: support,
  });

  it('counts outcomes so that the lines add up', () => {
    const s = summarizeDay([
      row('finalRegistration', 'Cem', 300_00),
      row('finalRegistration', 'Cem', 390_00),
      row('rejected', 'Cem'),
      row('missingDocuments', 'İsmail'),
      row('noShow', null),
      row('cancelled', null),
      row('pending', null),
    ]);
    expect(s.counts).toEqual({
      appointments: 7,
      arrived: 4,
      noShow: 1,
      finalRegistration: 2,
      rejected: 1,
      missingDocuments: 1,
      cancelled: 1,
      pending: 1,
    });
    expect(s.supportTotalMinor).toBe(690_00);
    expect(s.byClerk[0]).toEqual({ clerkName: 'Cem', finalRegistration: 2, rejected: 1, missingDocuments: 0, total: 3, supportMinor: 690_00 });
  });

  it('orders clerks the Turkish way (C < Ç, I < İ)', () => {
    const names = ['Zeki', 'İsmail', 'Çiğdem', 'Ilgaz', 'Cem', 'Ömer', 'Oya'];
    const s = summarizeDay(names.map((n) => row('rejected', n)));
    expect(s.byClerk.map((c) => c.clerkName)).toEqual(['Cem', 'Çiğdem', 'Ilgaz', 'İsmail', 'Oya', 'Ömer', 'Zeki']);
  });
});

describe.skipIf(missing.length > 0)('Günlük Rapor, 300 appointments', () => {
  const model = sampleDailyReport(300, false);
  const summary = summarizeDay(model.appointments);
  let tmp: ReturnType<typeof tempFolder>;
  let pdf: string;
  let pages: string[];
  let text: string;

  beforeAll(async () => {
    tmp = tempFolder('daily');
    pdf = writePdf(tmp.dir, 'daily', await renderDailyReport(model));
    pages = pdfPages(pdf);
    text = pages.join('\n');
  });
  afterAll(() => tmp.cleanup());

  it('numbers every page "Sayfa N / M" with M the real page count', () => {
    const { pages: count } = pdfInfo(pdf);
    expect(count).toBeGreaterThan(3);
    expect(pages).toHaveLength(count);
    pages.forEach((page, i) => expect(page).toContain(`Sayfa ${i + 1} / ${count}`));
  });

  it('opens with the header, the date and the counts by outcome', () => {
    const first = pages[0]!;
    expect(firstOutOfOrder(first, ['T.C. SOSYAL GÜVENLİK KURUMU', 'İzmir Sosyal Güvenlik İl Müdürlüğü', 'Başvuru Masası 3', 'GÜNLÜK RAPOR', '02.07.2015'])).toBeNull();
    const c = summary.counts;
    const expected: Array<[string, number]> = [
      ['Randevu', c.appointments],
      ['Gelen', c.arrived],
      ['Gelmeyen', c.noShow],
      ['Kesin Kayıt', c.finalRegistration],
      ['Ret', c.rejected],
      ['Eksik Evrak', c.missingDocuments],
      ['İptal', c.cancelled],
    ];
    for (const [label, n] of expected) expect(first, label).toMatch(new RegExp(`^\\s*${label}\\s+${n}\\b`, 'm'));
    expect(c.appointments).toBe(300);
  });

  it('prints the counts by clerk and the monthly support total', () => {
    for (const clerk of summary.byClerk) {
      expect(pages[0]).toMatch(new RegExp(`${clerk.clerkName}\\s+${clerk.finalRegistration}\\s+${clerk.rejected}\\s+${clerk.missingDocuments}\\s+${clerk.total}\\s+`));
    }
    const total = formatMoney(summary.supportTotalMinor, 'EUR');
    expect(pages[0]).toMatch(new RegExp(`Aylık Destek Toplamı\\s+${total.replace('.', '\\.')}`));
  });

  it('lists every appointment once, in order, with the table header on every page it continues on', () => {
    expect(firstOutOfOrder(text, model.appointments.map((a) => a.appointmentNo))).toBeNull();
    pages.forEach((page, i) => {
      const firstRow = page.search(/35-2015-\d{6}/);
      if (firstRow < 0) return;
      const header = page.slice(0, firstRow).split('\n').find((l) => l.includes('Anne Adı Soyadı'));
      expect(header, `page ${i + 1}`).toBeDefined();
      expect(firstOutOfOrder(header!, ['#', 'Saat', 'Randevu No', 'Anne Adı Soyadı', 'Sonuç', 'Görevli', 'Aylık Destek'])).toBeNull();
    });
    const first = text.split('\n').find((l) => l.includes(model.appointments[0]!.appointmentNo))!;
    expect(first).toMatch(/^\s*1\s+08:30\s+35-2015-004000\s+Gülşen Özdemir Çağlayan-Işıkoğlu\s+/);
  });

  it('prints the ledger chain head whole (grouped for reading) with signature boxes after it', () => {
    const last = pages.at(-1)!;
    expect(last.replace(/\s+/g, '')).toContain(LEDGER_HEAD);
    const signers = [...summary.byClerk.map((c) => c.clerkName), model.officeHeadName];
    expect(firstOutOfOrder(last, ['Defter Zinciri Başı', '9f3c', '1a35', 'İmzalar'])).toBeNull();
    for (const name of signers) expect(last.slice(last.indexOf('İmzalar'))).toContain(name);
    expect(last).toContain('Birim Sorumlusu');
  });

  it('renders at 200 dpi', () => {
    expect(renderPng(pdf, 200, tmp.dir, 1, 1)).toHaveLength(1);
  });
});

describe.skipIf(missing.length > 0)('Günlük Rapor of a day without appointments', () => {
  it('says so, and still carries the chain head and the office head signature', async () => {
    const tmp = tempFolder('daily-empty');
    try {
      const model = { ...sampleDailyReport(0), appointments: [] };
      const text = pdfPages(writePdf(tmp.dir, 'empty', await renderDailyReport(model))).join('\n');
      expect(text).toContain('Bu gün için randevu yok.');
      expect(text).toMatch(/^\s*Randevu\s+0\b/m);
      expect(text.replace(/\s+/g, '')).toContain(LEDGER_HEAD);
      expect(firstOutOfOrder(text, ['İmzalar', 'Birim Sorumlusu', 'Müberra Çiçekoğlu', 'Sayfa 1 / 1'])).toBeNull();
    } finally {
      tmp.cleanup();
    }
  });
});

describe.skipIf(missing.length > 0)('Günlük Rapor with masked names', () => {
  it('prints masked mother names only, and says so', async () => {
    const tmp = tempFolder('daily-masked');
    try {
      const model = sampleDailyReport(60, true);
      const text = pdfPages(writePdf(tmp.dir, 'masked', await renderDailyReport(model))).join('\n');
      expect(text).toContain('maskelenmiştir');
      expect(text).not.toContain(LONG_MOTHER_NAME);
      expect(text).toContain(maskName(LONG_MOTHER_NAME));
      // Clerks sign with their names: masking is for the mothers only.
      expect(text).toContain('Müberra Çiçekoğlu');
    } finally {
      tmp.cleanup();
    }
  });
});
