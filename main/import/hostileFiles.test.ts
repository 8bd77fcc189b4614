/**
 * Hostile list files (issue 22, item 9): each is refused with the limit it went past
 * (limits.ts), the ledger's chain head unchanged, in a bounded amount of memory. The files are
 * made here from generated pieces, never committed. The imports that could exhaust memory run
 * in a child process (import.analyze through the handler table, hostileImportChild.ts) whose
 * peak RSS is asserted: a resource bound, not a timing. Before the limits, the shared-strings
 * bomb peaked at 2.3 GB, the 1 GB sheet at 3.5 GB, and the 100 MB CSV line took 59 s of CPU.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { readWorkbookRows } from '../reconciliation/workbookRows';
import { LIMITS, ResourceLimitExceeded, type LimitName } from './limits';
import { refusalText } from '../texts/import';
import { parseAppointmentFile } from './parse';
import { AppointmentFileRefused } from './refusal';
import { HEADERS, tempDir, textRow } from './testing/fixtures';
import { deflatePieces, hostileXlsx, importInChild, repeated, sharedStringsPieces, sheetPieces, writePieces, type ChildImport } from './testing/hostileFiles';

const t = tempDir('hostile');
afterAll(() => t.cleanup());

/** Generous: a real 160,000-row list peaks near 230 MB parsing (bench/import.ts). */
const RSS_BOUND_MB = 600;
const MB = 1024 * 1024;

/** The contract's row `n` as sheet XML, cells without references (they follow on) and empty ones left out. */
function rowXml(n: number): string {
  const r = textRow(n);
  const cells = HEADERS.map((h) => (r[h] === '' ? '<c/>' : `<c t="str"><v>${String(r[h])}</v></c>`)).join('');
  return `<row>${cells}</row>`;
}

function* distinctRows(count: number): Generator<string> {
  for (let n = 1; n <= count; n += 1000) {
    let block = '';
    for (let i = n; i < Math.min(count + 1, n + 1000); i++) block += rowXml(i);
    yield block;
  }
}

function expectRefusedInChild(c: ChildImport, expected: { tr: string; en: string }): void {
  expect(c.result.ok).toBe(false);
  if (c.result.ok) return;
  expect(c.result.error.code).toBe('IMPORT_REFUSED');
  expect(c.result.error.message).toContain(expected.tr);
  expect(c.result.error.messageEn ?? '').toContain(expected.en);
  expect(c.headAfter).toEqual(c.headBefore);
  expect(c.maxRssMb).toBeLessThan(RSS_BOUND_MB);
  console.info(`peak RSS of the refused import: ${c.maxRssMb} MB (${expected.en.slice(0, 80)})`);
}

const overLimit = (limit: LimitName) => refusalText('TOO_LARGE', { limit });

async function refusedInProcess(input: string | Buffer): Promise<AppointmentFileRefused> {
  try {
    await parseAppointmentFile(typeof input === 'string' ? { path: input } : { bytes: input, fileName: 'liste.xlsx' });
  } catch (e) {
    expect(e).toBeInstanceOf(AppointmentFileRefused);
    return e as AppointmentFileRefused;
  }
  throw new Error('the file was not refused');
}

describe('hostile .xlsx files', () => {
  it('a 1.5 MB shared-strings bomb (400 MB of strings, its size stated) is refused before it is inflated', async () => {
    const strings = await deflatePieces(sharedStringsPieces(repeated(`<si><t>${'a'.repeat(200)}</t></si>`, 400 * MB)));
    const sheet = await deflatePieces(sheetPieces([]));
    const file = t.file('bomba.xlsx', hostileXlsx({ sheet, sharedStrings: strings }));
    expect(fs.statSync(file).size).toBeLessThan(2 * MB);
    const c = importInChild(file);
    expectRefusedInChild(c, overLimit('sharedStringsBytes'));
    expect(overLimit('sharedStringsBytes').tr).toContain('metin tablosu (sharedStrings) açıldığında 64 MB sınırını aşıyor');
  });

  it('the same bomb stating a small size: inflating stops where the stated size ends (damaged)', async () => {
    const strings = await deflatePieces(sharedStringsPieces(repeated(`<si><t>${'a'.repeat(200)}</t></si>`, 400 * MB)));
    const sheet = await deflatePieces(sheetPieces([]));
    const file = t.file('bomba-yalanci.xlsx', hostileXlsx({ sheet, sharedStrings: { ...strings, statedSize: 8 * MB } }));
    const c = importInChild(file);
    expectRefusedInChild(c, refusalText('XLSX_DAMAGED'));
  });

  it('more shared strings than the limit, each small and under every size limit', async () => {
    const count = LIMITS.sharedStrings + 1000;
    function* items() {
      for (let i = 0; i < count; i += 10_000) {
        let block = '';
        for (let j = i; j < Math.min(count, i + 10_000); j++) block += `<si><t>${j}</t></si>`;
        yield block;
      }
    }
    const strings = await deflatePieces(sharedStringsPieces(items()));
    expect(strings.size).toBeLessThan(LIMITS.sharedStringsBytes);
    expect(strings.size / strings.bytes.length).toBeLessThan(LIMITS.inflateRatio);
    const file = t.file('cok-metin.xlsx', hostileXlsx({ sheet: await deflatePieces(sheetPieces([])), sharedStrings: strings }));
    expectRefusedInChild(importInChild(file), overLimit('sharedStrings'));
  });

  it('a file of a few MB whose sheet is 1 GB of repeated rows is refused before it is inflated', async () => {
    // 1,000 MB: under the 1 GiB the sniffer allowed before the limits, as in the issue.
    const sheet = await deflatePieces(sheetPieces(repeated(rowXml(1), 1000 * MB)));
    expect(sheet.size).toBeLessThan(1024 * MB);
    const file = t.file('tekrar.xlsx', hostileXlsx({ sheet }));
    expect(fs.statSync(file).size).toBeLessThan(8 * MB);
    const c = importInChild(file);
    expectRefusedInChild(c, overLimit('sheetBytes'));
    expect(c.result.ok ? '' : c.result.error.message).toContain('çalışma sayfası açıldığında 256 MB sınırını aşıyor');
  });

  it('the same sheet stating 100 MB (under the size, ratio and row limits): read no further than that', async () => {
    const sheet = await deflatePieces(sheetPieces(repeated(rowXml(1), 1024 * MB)));
    const stated = 100 * MB;
    expect(stated / sheet.bytes.length).toBeLessThan(LIMITS.inflateRatio);
    const file = t.file('tekrar-yalanci.xlsx', hostileXlsx({ sheet: { ...sheet, statedSize: stated } }));
    expectRefusedInChild(importInChild(file), refusalText('XLSX_DAMAGED'));
  });

  it('more rows than the limit, every one valid and the sheet under the size limit', async () => {
    const sheet = await deflatePieces(sheetPieces(distinctRows(LIMITS.rows + 5000)));
    expect(sheet.size).toBeLessThan(LIMITS.sheetBytes);
    const file = t.file('cok-satir.xlsx', hostileXlsx({ sheet }));
    const c = importInChild(file);
    expectRefusedInChild(c, overLimit('rows'));
    expect(c.result.ok ? '' : c.result.error.message).toContain('320.000 satır sınırından fazla satırı var');
  });

  it('a string item that never ends (10 MB, incompressible) is refused at the XML unit limit', async () => {
    const text = randomBytes(7.5 * MB).toString('base64');
    const strings = await deflatePieces(sharedStringsPieces([`<si><t>${text}`]));
    const file = t.file('sonsuz-metin.xlsx', hostileXlsx({ sheet: await deflatePieces(sheetPieces([])), sharedStrings: strings }));
    const r = await refusedInProcess(file);
    expect(r.code).toBe('TOO_LARGE');
    expect(r.params.limit).toBe('xmlUnitBytes');
  });

  it("a shared string longer than Excel's 32,767 characters", async () => {
    const strings = await deflatePieces(sharedStringsPieces([`<si><t>${'ç'.repeat(LIMITS.stringChars + 1)}</t></si>`]));
    const file = t.file('uzun-metin.xlsx', hostileXlsx({ sheet: await deflatePieces(sheetPieces([])), sharedStrings: strings }));
    const r = await refusedInProcess(file);
    expect(r.params.limit).toBe('stringChars');
    expect(r.tr).toContain("32.767 karakter sınırından uzun (Excel'in kendi sınırı)");
  });

  it("exceljs' reader (the fallback, for a zip64 directory) is held to the same limits", async () => {
    const strings = await deflatePieces(sharedStringsPieces(Array.from({ length: 1 }, () => `<si><t>${'ş'.repeat(LIMITS.stringChars + 1)}</t></si>`)));
    const bytes = hostileXlsx({ sheet: await deflatePieces(sheetPieces([])), sharedStrings: strings }, { zip64: true });
    const r = await refusedInProcess(bytes);
    expect(r.params.limit).toBe('stringChars');
  });

  it('the reconciliation reader (and so HQ intake) refuses the shared-strings bomb before inflating it', async () => {
    const strings = await deflatePieces(sharedStringsPieces(repeated(`<si><t>${'a'.repeat(200)}</t></si>`, 200 * MB)));
    const bytes = hostileXlsx({ sheet: await deflatePieces(sheetPieces([])), sharedStrings: strings });
    const rssBefore = process.memoryUsage().rss;
    await expect(readWorkbookRows(bytes)).rejects.toThrow(ResourceLimitExceeded);
    // The part was not inflated: 200 MB of it would show.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * MB);
    const understated = hostileXlsx({ sheet: await deflatePieces(sheetPieces([])), sharedStrings: { ...strings, statedSize: 4 * MB } });
    await expect(readWorkbookRows(understated)).rejects.toThrow();
  });
});

describe('hostile .csv files', () => {
  it('a single 100 MB line without a newline is refused at the record limit, quickly and in bounded memory', () => {
    const file = `${t.dir}/tek-satir.csv`;
    writePieces(file, ['Randevu No;Program Kodu;', ...repeated('x'.repeat(1024), 100 * MB)]);
    const c = importInChild(file);
    expectRefusedInChild(c, overLimit('csvRecordChars'));
    expect(c.result.ok ? '' : c.result.error.message).toContain('bir CSV satırı 1.048.576 karakter sınırından uzun');
  });

  it('a CSV larger than the limit is refused before it is parsed', async () => {
    const file = `${t.dir}/buyuk.csv`;
    // Text well past the 64 KB the sniffer reads; the rest of the file is a hole (zeros, not stored).
    writePieces(file, [`${HEADERS.join(';')}\r\n`, ...repeated(`${'x;'.repeat(15)}x\r\n`, 256 * 1024)]);
    fs.truncateSync(file, LIMITS.csvBytes + 1);
    const r = await refusedInProcess(file);
    expect(r.params.limit).toBe('csvBytes');
    expect(r.en).toContain('the CSV file is larger than the 128 MB limit');
  });
});
