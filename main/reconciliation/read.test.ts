import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tcknFromPrefix } from '../domain/tckn';
import type { ReconciliationDay } from './model';
import { readReconciliation, ReconciliationUnreadable } from './read';
import { createDeskKeyPair } from './signature';
import { writeReconciliation } from './write';

// Texts a desk may hold that an XML or spreadsheet reader could alter: formula-like starts
// (the writer quotes them), entities, Turkish letters, a character outside the BMP, an OOXML
// escape look-alike, line breaks, edge spaces, empty.
const TRICKY = ['=SUM(A1)', '+90 555', '-x', '@ev', "'tırnak", 'a & b <c> "d"', 'Ğüşİıöç ÇŞ', 'yüz 😀', 'A_x0041_B', '  boşluk  ', 'iki\nsatır', 'sekme\tvar'];

function day(): ReconciliationDay {
  const t = (n: number) => tcknFromPrefix(String(200_000_000 + n));
  return {
    provinceCode: '35', provinceName: 'İzmir', deskCode: 'M01', date: '2026-11-24', programCodes: ['BAKICI-2020', 'KREŞ-2024'],
    appointments: TRICKY.map((name, i) => ({
      randevuNo: `35-2026-M01${String(i).padStart(5, '0')}`, programCode: 'BAKICI-2020', provinceCode: '35', date: '2026-11-24', time: `${String(9 + (i % 8)).padStart(2, '0')}:${i % 2 ? '30' : '05'}`,
      motherTckn: t(i), motherFullName: name, arrivedAt: i % 3 ? null : '09:41', outcome: i % 4 === 3 ? null : i < 4 ? 'KESİN KAYIT' : i < 6 ? 'RET' : i < 7 ? 'EKSİK EVRAK' : 'GELMEDİ', clerk: i % 5 ? TRICKY[(i * 3) % TRICKY.length]! : null,
    })),
    registrations: [0, 1, 2].map((i) => ({
      registrationNo: `35M01-2026-${i}`, randevuNo: `35-2026-M01${String(i).padStart(5, '0')}`, programCode: 'BAKICI-2020', provinceCode: '35',
      preRegisteredAt: `2026-01-0${i + 1}T08:1${i}:59`, registeredAt: `2026-11-24T23:59:5${i}`, motherTckn: t(i), motherFullName: TRICKY[i]!,
      childTckn: i === 1 ? null : t(500 + i), childBirthDate: i === 1 ? '2024-12-31' : '2025-02-28', caregiverTckn: i === 2 ? null : t(700 + i), institutionName: i ? TRICKY[i + 5]! : null,
      supportType: 'Eğitimli bakıcı desteği', monthlyAmountCents: 32_501 + i, motherIban: i ? null : 'TR330001200000000012345678', caregiverIban: 'TR330001200000000012345678', clerk: TRICKY[i + 8]!,
    })),
    rejections: [4, 5, 6].map((i) => ({
      randevuNo: `35-2026-M01${String(i).padStart(5, '0')}`, programCode: 'BAKICI-2020', motherTckn: t(i), motherFullName: TRICKY[i]!, outcome: i < 6 ? ('RET' as const) : ('EKSİK EVRAK' as const),
      reasonCodes: i < 6 ? ['COCUK_YAS', 'ANNE_SIGORTA'] : [], reasonText: TRICKY[i + 4]!, missingDocuments: i < 6 ? [] : ['Banka Taahhüt Formu', 'Kimlik'], newAppointment: i < 6 ? null : '2026-12-01T16:00:00', clerk: 'Şükrü Işık',
    })),
    chainHead: 'ab'.repeat(32), createdAt: '2026-11-24T18:07:09', appVersion: '0.1.0', createdBy: 'Ayşe Yılmaz',
    packs: ['BAKICI-2020#1:20a35c2f', 'KREŞ-2024#1:0b1c2d3e'],
  };
}

describe('reading a reconciliation back', () => {
  it('gives back the day the writer wrote, every text and date as it was, and the Özet rows as text', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masa-read-'));
    try {
      const d = day();
      const w = await writeReconciliation(d, dir, createDeskKeyPair());
      const { summary, ...back } = await readReconciliation(w.xlsxPath);
      expect(back).toEqual(d);
      expect(summary).toMatchObject({ 'İl Kodu': '35', Tarih: '2026-11-24T00:00:00.000Z', 'Oluşturma Zamanı': '2026-11-24T18:07:09.000Z', 'Kesin Kayıt': '3', 'Aylık Destek Toplamı (EUR)': '975.06', Oluşturan: 'Ayşe Yılmaz' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names a cut file, a file that is not a workbook and a workbook without the sheets unreadable', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masa-read-'));
    try {
      const w = await writeReconciliation(day(), dir, createDeskKeyPair());
      const bytes = fs.readFileSync(w.xlsxPath);
      const cut = path.join(dir, 'cut.xlsx');
      fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
      const text = path.join(dir, 'text.xlsx');
      fs.writeFileSync(text, 'Randevu No;Anne\n1;2\n');
      // A zip whose entries are there but whose sheet bytes are damaged (inflate fails).
      const damaged = Buffer.from(bytes);
      const at = damaged.indexOf('xl/worksheets/sheet2.xml');
      damaged.fill(0xff, at + 40, at + 400);
      const bad = path.join(dir, 'bad.xlsx');
      fs.writeFileSync(bad, damaged);
      for (const f of [cut, text, bad, path.join(dir, 'yok.xlsx')]) await expect(readReconciliation(f), f).rejects.toBeInstanceOf(ReconciliationUnreadable);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  it('refuses to write an empty or impossible date (never NaN in a contract date cell) and leaves no file behind', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masa-read-'));
    try {
      for (const bad of ['', '2025-02-30', '28.02.2025']) {
        const d = day();
        d.registrations[0]!.childBirthDate = bad;
        await expect(writeReconciliation(d, dir, createDeskKeyPair())).rejects.toThrow(/date cell/);
        expect(fs.readdirSync(dir)).toEqual([]);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
