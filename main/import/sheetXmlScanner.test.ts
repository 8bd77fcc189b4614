/**
 * The worksheet scanner on hand-written sheet XML, fed in every chunking: each construct of
 * SpreadsheetML it reads, and what it refuses. Against exceljs on real files: see
 * sheetSource.test.ts (feature by feature) and xlsxDifferential.test.ts (every fixture).
 */
import { describe, expect, it } from 'vitest';
import type { SheetRow } from './rowSource';
import { LIMITS, ResourceLimitExceeded } from './limits';
import { SheetXmlScanner, isoDateSerial } from './sheetXmlScanner';
import { sheetXml } from './testing/zipWriter';

const TABLE = ['Randevu No', 'ŞÜKRAN', 'Öztürk'];

function scan(xml: string, chunk = 1 << 20, options: { date1904?: boolean } = {}): SheetRow[] {
  const scanner = new SheetXmlScanner({ sharedStrings: TABLE, date1904: options.date1904 ?? false });
  const bytes = Buffer.from(xml, 'utf8');
  const rows: SheetRow[] = [];
  for (let i = 0; i < bytes.length; i += chunk) rows.push(...scanner.push(bytes.subarray(i, i + chunk)));
  rows.push(...scanner.end());
  return rows;
}

/** The cells of each row as [row number, values from column A]. */
function table(xml: string, chunk?: number): [number, unknown[]][] {
  return scan(xml, chunk).map((r) => [r.number, r.cells.slice(r.offset)]);
}

describe('worksheet scanner', () => {
  it('reads every cell type as exceljs gives it', () => {
    const xml = sheetXml(
      '<row r="1" spans="1:8"><c r="A1" t="s"><v>1</v></c><c r="B1" t="inlineStr"><is><t>Gülşen</t></is></c><c r="C1" t="str"><v>35-2026-000001</v></c>' +
        '<c r="D1" s="2"><v>46350</v></c><c r="E1" t="n"><v>0.375</v></c><c r="F1" t="b"><v>1</v></c><c r="G1" t="b"><v>0</v></c><c r="H1" t="e"><v>#N/A</v></c></row>',
    );
    const [row] = scan(xml);
    expect(row).toEqual({ number: 1, offset: 1, cells: [undefined, 'ŞÜKRAN', 'Gülşen', '35-2026-000001', 46350, 0.375, true, false, { error: '#N/A' }] });
    // exceljs' row arrays: index 0 and skipped columns are holes, not undefined values.
    expect(0 in row!.cells).toBe(false);
  });

  it('places cells by their reference; skipped columns stay holes; a cell without r follows on', () => {
    const xml = sheetXml('<row r="3"><c r="B3"><v>2</v></c><c><v>3</v></c><c r="$E$3"><v>5</v></c><c r="AA3"><v>27</v></c></row>');
    const [row] = scan(xml);
    expect(row!.number).toBe(3);
    expect(row!.cells.length).toBe(28);
    expect([row!.cells[2], row!.cells[3], row!.cells[5], row!.cells[27]]).toEqual([2, 3, 5, 27]);
    expect(4 in row!.cells).toBe(false);
  });

  it('numbers rows without r after the previous one; <row/> is an empty row', () => {
    const xml = sheetXml('<row r="2"><c r="A2"><v>1</v></c></row><row><c r="A3"><v>2</v></c></row><row/><row r="9"/><row><c><v>4</v></c></row>');
    expect(table(xml)).toEqual([
      [2, [1]],
      [3, [2]],
      [4, []],
      [9, []],
      [10, [4]],
    ]);
  });

  it('leaves empty cells out: <c/>, a styled cell without a value, a shared string out of range', () => {
    const xml = sheetXml('<row r="1"><c r="A1"/><c r="B1" s="3"></c><c r="C1" t="s"><v>99</v></c><c r="D1" t="s"/><c r="E1"><v>1</v></c></row>');
    const [row] = scan(xml);
    expect(row!.cells.length).toBe(6);
    expect(Object.keys(row!.cells)).toEqual(['5']);
  });

  it('an empty <v> is NaN in a number cell and "" in a text cell, as in exceljs', () => {
    const [row] = scan(sheetXml('<row r="1"><c r="A1"><v></v></c><c r="B1" t="str"><v/></c><c r="C1" t="inlineStr"><is/></c></row>'));
    expect(row!.cells.slice(1)).toEqual([NaN, '', '']);
  });

  describe('formulas: the cached value, never evaluated, in the shape cells.ts reads', () => {
    it('numbers and text results', () => {
      const [row] = scan(sheetXml('<row r="1"><c r="A1"><f>30+5</f><v>35</v></c><c r="B1" t="str"><f>"35-"&amp;"1"</f><v>35-1</v></c></row>'));
      expect(row!.cells.slice(1)).toEqual([
        { formula: '30+5', result: 35 },
        { formula: '"35-"&"1"', result: '35-1' },
      ]);
    });

    it('no result without a cached value, with an empty one, or with a cached error (exceljs: NaN, dropped)', () => {
      const [row] = scan(sheetXml('<row r="1"><c r="A1"><f>A2</f></c><c r="B1"><f>A2</f><v></v></c><c r="C1" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>'));
      expect(row!.cells.slice(1)).toStrictEqual([{ formula: 'A2' }, { formula: 'A2' }, { formula: '1/0' }]);
    });

    it('a shared formula child has an empty formula text and its own cached value', () => {
      const [row] = scan(sheetXml('<row r="2"><c r="A2"><f t="shared" ref="A2:A3" si="0">B2*2</f><v>4</v></c><c r="B2"><f t="shared" si="0"/><v>6</v></c></row>'));
      expect(row!.cells.slice(1)).toEqual([
        { formula: 'B2*2', result: 4 },
        { formula: '', result: 6 },
      ]);
    });

    it('keeps a cached 0 and "" (exceljs drops falsy results, which read as "no cached value")', () => {
      const [row] = scan(sheetXml('<row r="1"><c r="A1"><f>A2*0</f><v>0</v></c><c r="B1" t="str"><f>IF(A2="";"";A2)</f><v></v></c></row>'));
      expect(row!.cells.slice(1)).toEqual([
        { formula: 'A2*0', result: 0 },
        { formula: 'IF(A2="";"";A2)', result: '' },
      ]);
    });
  });

  it('decodes entities and character references once, and normalises line ends as XML requires', () => {
    const xml = sheetXml(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Anne &amp; Bebek &lt;Kreş&gt; &quot;x&quot; &apos;y&apos; &#304;&#x131;&#x1F600;</t></is></c>' +
        '<c r="B1" t="str"><v>a&amp;lt;b</v></c><c r="C1" t="inlineStr"><is><t>satır\r\nsatır\rson&#13;</t></is></c><c r="D1" t="inlineStr"><is><t>&unknown;</t></is></c></row>',
    );
    // exceljs decodes named entities a second time, so the typed text "a&lt;b" became "a<b".
    expect(scan(xml)[0]!.cells.slice(1)).toEqual(['Anne & Bebek <Kreş> "x" \'y\' İı😀', 'a&lt;b', 'satır\nsatır\nson\r', '&unknown;']);
  });

  it('keeps spaces (xml:space="preserve" or not), CDATA text, and _xHHHH_ escapes as written (as exceljs)', () => {
    const xml = sheetXml(
      '<row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve">  Öztürk  </t></is></c><c r="B1" t="inlineStr"><is><t><![CDATA[a <b> & c]]> d</t></is></c>' +
        '<c r="C1" t="str"><v>x_x000D_y</v></c><c r="D1"><v><![CDATA[42]]></v></c></row>',
    );
    expect(scan(xml)[0]!.cells.slice(1)).toEqual(['  Öztürk  ', 'a <b> & c d', 'x_x000D_y', 42]);
  });

  it('joins all runs of inline rich text, without the phonetic reading (exceljs keeps the last run only)', () => {
    const xml = sheetXml(
      '<row r="1"><c r="A1" t="inlineStr"><is><r><rPr><b/><sz val="11"/></rPr><t>Gök</t></r><r><t xml:space="preserve">çe </t></r><r><t>Ak</t></r>' +
        '<rPh sb="0" eb="1"><t>ignored</t></rPh><phoneticPr fontId="1"/></is></c></row>',
    );
    expect(scan(xml)[0]!.cells[1]).toBe('Gökçe Ak');
  });

  it('reads elements on a namespace prefix (<x:row>, <x:c>); attributes in single quotes and with spaces', () => {
    const xml =
      '<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
      "<x:row r='4'><x:c r = 'A4' t = 's'><x:v>2</x:v></x:c><x:c r='B4' t='inlineStr'><x:is><x:t>İPTAL</x:t></x:is></x:c><x:c r='C4'><x:f>1+1</x:f><x:v>2</x:v></x:c></x:row>" +
      '</x:sheetData></x:worksheet>';
    expect(table(xml)).toEqual([[4, ['Öztürk', 'İPTAL', { formula: '1+1', result: 2 }]]]);
  });

  it('skips comments, processing instructions, other elements and attributes holding ">"', () => {
    const xml =
      '<?xml version="1.0"?><!DOCTYPE worksheet [ <!ELEMENT worksheet ANY> ]><worksheet><sheetPr codeName="a>b"/><cols><col min="1" max="2"/></cols>' +
      '<sheetData><!-- <row r="7"> --><row r="1" x14ac:dyDescent="0.25"><?pi x?><c r="A1" foo="a>b" t="str"><!-- c --><v>a<!-- inside -->b</v></c>' +
      '<c r="B1"><extLst><ext uri="x"><v>no</v></ext></extLst><v>5</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>';
    expect(table(xml)).toEqual([[1, ['ab', 5]]]);
  });

  it('ignores rows outside <sheetData> and cells outside rows', () => {
    const xml = '<worksheet><row r="1"><c r="A1"><v>1</v></c></row><sheetData><c r="A1"><v>9</v></c><row r="2"><c r="A2"><v>2</v></c></row></sheetData></worksheet>';
    expect(table(xml)).toEqual([[2, [2]]]);
  });

  it('gives the same rows however the bytes are cut, inside letters, tags, entities and CDATA included', () => {
    const xml = sheetXml(
      Array.from(
        { length: 40 },
        (_, i) =>
          `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i % 3}</v></c><c r="B${i + 1}" t="inlineStr"><is><r><t>ŞĞÜÖÇİ</t></r><r><t>ışğüöç &amp; ${i}</t></r></is></c>` +
          `<c r="C${i + 1}"><v>${46350 + i / 7}</v></c><c r="D${i + 1}" t="str"><f>X</f><v><![CDATA[ç${i}]]></v></c><!-- ${i} --><c r="E${i + 1}"/></row>`,
      ).join(''),
    );
    const whole = scan(xml);
    expect(whole).toHaveLength(40);
    for (const size of [1, 2, 3, 5, 7, 13, 64, 1000]) expect(scan(xml, size)).toEqual(whole);
  });

  it('reads a very large cell fed in small chunks, up to Excel\'s 32,767 characters (limits.ts), and refuses a longer one', () => {
    const long = 'Çiçek Bahçesi '.repeat(2_340) + 'x'.repeat(7);
    expect(long).toHaveLength(LIMITS.stringChars);
    const cell = (text: string) => sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>${text}</t></is></c><c r="B1"><v>7</v></c></row>`);
    expect(table(cell(long), 1024)).toEqual([[1, [long, 7]]]);
    expect(() => table(cell(`${long}y`), 1024)).toThrow(ResourceLimitExceeded);
  });

  it('batches rows by chunk: a chunk that completes no row gives none', () => {
    const scanner = new SheetXmlScanner({ sharedStrings: [], date1904: false });
    const xml = Buffer.from(sheetXml('<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>'));
    const cut = xml.indexOf('<row r="2"') + 5;
    const second = xml.lastIndexOf('</row>');
    expect(scanner.push(xml.subarray(0, cut)).map((r) => r.number)).toEqual([1]);
    expect(scanner.push(xml.subarray(cut, second))).toEqual([]);
    expect(scanner.push(xml.subarray(second)).map((r) => r.number)).toEqual([2]);
    expect(scanner.end()).toEqual([]);
  });

  it('refuses XML cut short, a row left open, a reference beyond column XFD, and unquoted attributes', () => {
    const whole = sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>');
    expect(() => scan(whole.slice(0, whole.indexOf('</v>') + 2))).toThrow(/cut inside a tag|ends inside/);
    expect(() => scan(whole.slice(0, whole.indexOf('</row>')))).toThrow(/ends inside the sheet data/);
    expect(() => scan(sheetXml('<row r="1"><c r="XFE1"><v>1</v></c></row>'))).toThrow(/beyond column XFD/);
    expect(scan(sheetXml('<row r="1"><c r="XFD1"><v>1</v></c></row>'))[0]!.cells[16384]).toBe(1);
    expect(() => scan(sheetXml('<row r=1><c r="A1"><v>1</v></c></row>'))).toThrow(/unquoted attribute/);
  });
});

describe('t="d" cells (ISO 8601 text) become Excel serial numbers (exceljs parses "2026-11-24" as 2026)', () => {
  it('dates, date-times, times, and the 1904 system', () => {
    expect(isoDateSerial('2026-11-24', false)).toBe(46350);
    expect(isoDateSerial('2026-11-24T09:10:00', false)).toBeCloseTo(46350 + (9 * 60 + 10) / 1440, 9);
    expect(isoDateSerial('2026-11-24T09:10:00.000Z', false)).toBeCloseTo(46350 + (9 * 60 + 10) / 1440, 9);
    expect(isoDateSerial('09:10:00', false)).toBeCloseTo((9 * 60 + 10) / 1440, 9);
    expect(isoDateSerial('1900-01-01', false)).toBe(1);
    expect(isoDateSerial('1900-03-01', false)).toBe(61);
    expect(isoDateSerial('2026-11-24', true)).toBe(46350 - 1462);
  });

  it('text that is no date stays text, for cells.ts to reject with what it says', () => {
    expect(isoDateSerial('2026-02-31', false)).toBe('2026-02-31');
    expect(isoDateSerial('24.11.2026', false)).toBe('24.11.2026');
    expect(isoDateSerial('', false)).toBe('');
  });

  it('in a sheet, also as a formula result', () => {
    const [row] = scan(sheetXml('<row r="1"><c r="A1" t="d"><v>2026-11-24T09:10:00</v></c><c r="B1" t="d"><f>TODAY()</f><v>2026-11-24</v></c><c r="C1" t="d"><v>yarın</v></c></row>'));
    expect(row!.cells[1]).toBeCloseTo(46350.381944, 5);
    expect(row!.cells[2]).toEqual({ formula: 'TODAY()', result: 46350 });
    expect(row!.cells[3]).toBe('yarın');
  });
});
