/** Files that are not an appointment list at all are refused as a whole, with a Turkish message. */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import officeCrypto from 'officecrypto-tool';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAppointmentFile } from './parse';
import { AppointmentFileRefused } from './refusal';
import { flipStoredSheetDigit, scrambleSheetData } from './testing/damage';
import { HEADERS, csvText, rowsOf, tempDir, textRow } from './testing/fixtures';
import { PYTHON, openpyxlMissing, writeXlsxWithOpenpyxl } from './testing/openpyxl';

const t = tempDir('refused');
afterAll(() => t.cleanup());

async function refusal(path: string): Promise<AppointmentFileRefused> {
  try {
    await parseAppointmentFile({ path });
  } catch (e) {
    expect(e).toBeInstanceOf(AppointmentFileRefused);
    const r = e as AppointmentFileRefused;
    expect(r.tr.length).toBeGreaterThan(20);
    expect(r.en.length).toBeGreaterThan(20);
    expect(r.tr).not.toBe(r.en);
    return r;
  }
  throw new Error(`${path} was not refused`);
}

function python(code: string, ...args: string[]): void {
  const r = spawnSync(PYTHON, ['-c', code, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
}

describe('refused files', () => {
  it('a 0-byte file, whatever its name', async () => {
    for (const name of ['empty.csv', 'empty.xlsx']) expect((await refusal(t.file(name, ''))).code).toBe('EMPTY_FILE');
  });

  it('a missing file and a folder', async () => {
    expect((await refusal(join(t.dir, 'nope.xlsx'))).code).toBe('FILE_UNREADABLE');
    expect((await refusal(t.dir)).code).toBe('FILE_UNREADABLE');
  });

  it('a password-protected workbook (an OLE2 compound file) or an old .xls', async () => {
    const cfb = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(4096, 7)]);
    const r = await refusal(t.file('parolali.xlsx', cfb));
    expect(r.code).toBe('ENCRYPTED_OR_XLS');
    expect(r.tr).toContain('parola korumalı');
  });

  it('binary files renamed .csv: an executable-like blob and a PNG', async () => {
    const blob = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256));
    expect((await refusal(t.file('program.csv', blob))).code).toBe('NOT_A_SPREADSHEET');
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(200)]);
    expect((await refusal(t.file('resim.csv', png))).code).toBe('NOT_A_SPREADSHEET');
  });

  it('CSV in Windows-1254 (Turkish ANSI) or UTF-16, at the start or further down', async () => {
    const header = Buffer.from(`${HEADERS.join(';')}\r\n`, 'utf8');
    const ansiRow = Buffer.from([0x33, 0x35, 0x3b, 0xde, 0xfc, 0x6b, 0x72, 0x61, 0x6e, 0x0d, 0x0a]); // "35;Şükran" in cp1254
    expect((await refusal(t.file('ansi.csv', Buffer.concat([header, ansiRow])))).code).toBe('CSV_NOT_UTF8');
    const goodBlock = Buffer.from(csvText(rowsOf(HEADERS, Array.from({ length: 600 }, (_, i) => textRow(i + 1))).slice(1)), 'utf8');
    expect(goodBlock.length).toBeGreaterThan(64 * 1024);
    expect((await refusal(t.file('ansi-late.csv', Buffer.concat([header, goodBlock, ansiRow])))).code).toBe('CSV_NOT_UTF8');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${HEADERS.join('\t')}\r\n`, 'utf16le')]);
    expect((await refusal(t.file('unicode.txt', utf16))).code).toBe('CSV_NOT_UTF8');
  });

  it('a CSV with an unclosed quote names the line', async () => {
    const text = `${csvText(rowsOf(HEADERS, [textRow(1)]))}35-2026-000002;"EVDE-2015;35\r\n`;
    const r = await refusal(t.file('quote.csv', text));
    expect(r.code).toBe('CSV_MALFORMED');
    expect(r.tr).toMatch(/^CSV dosyası \d+\. satırda bozuk/);
  });

  it('a text file that is not a list, naming every missing required column', async () => {
    const r = await refusal(t.file('notlar.csv', 'Bugün masada 40 randevu var.\nYarın 35.\n'));
    expect(r.code).toBe('MISSING_HEADERS');
    expect(r.tr).toBe(
      'Bu dosya bir randevu listesi değil: şu zorunlu sütunlar bulunamadı: Randevu No, Program Kodu, İl Kodu, Randevu Tarihi, Randevu Saati, Ön Kayıt Zamanı, Anne TC Kimlik No, Anne Adı, Anne Soyadı, Çocuk Doğum Tarihi.',
    );
  });

  it('a CSV of only blank lines has no header row', async () => {
    expect((await refusal(t.file('blank.csv', '\r\n\r\n ;;\r\n'))).code).toBe('NO_HEADER_ROW');
  });

  describe.skipIf(openpyxlMissing !== null)('xlsx', () => {
    if (openpyxlMissing) console.warn(`skipping xlsx refusal tests: ${openpyxlMissing}`);
    const list = () => rowsOf(HEADERS, Array.from({ length: 300 }, (_, i) => textRow(i + 1)));

    it('a real password-protected workbook: an openpyxl list encrypted as Excel does (ECMA-376 agile encryption)', async () => {
      // officecrypto-tool (a test-only dependency) encrypts; its decrypt gives the list back,
      // so the fixture is a real encrypted workbook and not only a container's first bytes.
      const plain = writeXlsxWithOpenpyxl(t.dir, 'acik.xlsx', { sheets: [{ title: 'Liste', rows: list() }] });
      const encrypted = officeCrypto.encrypt(readFileSync(plain), { password: 'Parola-2026' });
      expect(officeCrypto.isEncrypted(encrypted)).toBe(true);
      const file = t.file('parolali-gercek.xlsx', encrypted);
      const r = await refusal(file);
      expect(r.code).toBe('ENCRYPTED_OR_XLS');
      expect(r.tr).toContain('parola korumalı');
      const opened = t.file('parolasi-acilmis.xlsx', await officeCrypto.decrypt(encrypted, { password: 'Parola-2026' }));
      expect((await parseAppointmentFile({ path: opened })).rows).toHaveLength(300);
    });

    it('a workbook missing required headers names them', async () => {
      const headers = HEADERS.filter((h) => h !== 'Randevu Saati' && h !== 'Anne TC Kimlik No');
      const file = writeXlsxWithOpenpyxl(t.dir, 'missing.xlsx', { sheets: [{ title: 'Liste', rows: rowsOf(headers, [textRow(1)]) }] });
      const r = await refusal(file);
      expect(r.code).toBe('MISSING_HEADERS');
      expect(r.tr).toContain('Randevu Saati, Anne TC Kimlik No');
    });

    it('a workbook whose first sheet is empty', async () => {
      const file = writeXlsxWithOpenpyxl(t.dir, 'empty-sheet.xlsx', { sheets: [{ title: 'Boş', rows: [] }, { title: 'Liste', rows: list() }] });
      expect((await refusal(file)).code).toBe('NO_HEADER_ROW');
    });

    it('a truncated download, cut anywhere', async () => {
      const whole = readFileSync(writeXlsxWithOpenpyxl(t.dir, 'whole.xlsx', { sheets: [{ title: 'Liste', rows: list() }] }));
      for (const keep of [0.1, 0.5, 0.9, (whole.length - 10) / whole.length]) {
        const r = await refusal(t.file(`cut-${keep}.xlsx`, whole.subarray(0, Math.floor(whole.length * keep))));
        expect(r.code).toBe('XLSX_DAMAGED');
        expect(r.tr).toContain('eksik ya da bozuk');
      }
    });

    it('damaged compressed sheet data (the directory intact)', async () => {
      const file = writeXlsxWithOpenpyxl(t.dir, 'damaged.xlsx', { sheets: [{ title: 'Liste', rows: list() }] });
      scrambleSheetData(file);
      expect((await refusal(file)).code).toBe('XLSX_DAMAGED');
    });

    it('damage that unpacks without an error is caught by the CRC-32 check', async () => {
      // The sheet stored uncompressed, one digit of a Randevu No changed: it reads as valid
      // XML with a different appointment number, so only the checksum can tell.
      const file = writeXlsxWithOpenpyxl(t.dir, 'bitflip.xlsx', { sheets: [{ title: 'Liste', rows: list() }] });
      flipStoredSheetDigit(file, '35-2026-000007');
      const r = await refusal(file);
      expect(r.code).toBe('XLSX_DAMAGED');
      expect(r.detail).toContain('CRC-32');
    });

    it('zip files that are not workbooks: a document and an OpenDocument sheet', async () => {
      const docx = join(t.dir, 'belge.xlsx');
      const ods = join(t.dir, 'tablo.xlsx');
      python(
        String.raw`
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w') as z:
    z.writestr('[Content_Types].xml', '<Types/>'); z.writestr('word/document.xml', '<w:document/>')
with zipfile.ZipFile(sys.argv[2], 'w') as z:
    z.writestr('mimetype', 'application/vnd.oasis.opendocument.spreadsheet'); z.writestr('content.xml', '<office:document-content/>')
`,
        docx,
        ods,
      );
      expect((await refusal(docx)).code).toBe('NOT_XLSX');
      expect((await refusal(ods)).code).toBe('ODS_NOT_SUPPORTED');
    });
  });

  it('nothing is produced for a refused file: the error is the only result', async () => {
    const file = t.file('x.csv', '');
    await expect(parseAppointmentFile({ path: file })).rejects.toMatchObject({ name: 'AppointmentFileRefused', code: 'EMPTY_FILE', tr: 'Dosya boş (0 bayt). Randevu listesini Genel Müdürlükten yeniden indirin.' });
    writeFileSync(file, 'x');
  });
});
