/**
 * The rows of a worksheet part (xl/worksheets/sheetN.xml), scanned from its inflated bytes
 * chunk by chunk: the sheet is never whole in memory, and no XML event, node or per-cell
 * object is made for what the import does not read.
 *
 * Why not exceljs' streaming reader (kept as the fallback, see sheetSource.ts): on the
 * issue's 160,000-row list its SAX parser (saxes) and the Row/Cell/Column objects it builds
 * for every cell took most of the parse time and garbage: parsing with it took 0.98-1.11x the
 * bare exceljs read and peaked at 333-352 MB RSS, leaving nothing of the import's 1.5x /
 * 400 MB budget for the ledger write. The sheet part uses a narrow, fixed subset of
 * SpreadsheetML, which this scanner reads in a fifth of the time: the same parse 0.18-0.26x
 * the bare read, 202-213 MB (bench/import; docs/architecture.md, "The import of HQ's list").
 *
 * What it reads: `<sheetData>`, `<row r>` (r optional: rows then follow on; `<row/>`),
 * `<c r t>` (r optional: cells then follow on; `<c/>`), `<v>`, `<f>`, `<is>` with `<t>` and
 * rich-text runs `<r><t>` (phonetic `<rPh>` skipped), on any namespace prefix (`<x:row>`);
 * entities and character references, CDATA, comments and processing instructions.
 *
 * Values come out as exceljs' streaming reader (styles ignored) gives them, the shape cells.ts
 * reads: numbers as parseFloat of the text, `t="s"` the shared string, `t="str"` and
 * `t="inlineStr"` text, `t="b"` a boolean, `t="e"` `{ error }`, a formula `{ formula, result }`
 * with the cached value (never evaluated; a cached error or an empty value leaves no result).
 * `_xHHHH_` escapes in inline text stay as written, as exceljs leaves them. Where exceljs loses
 * or alters what the file holds, this scanner does not (a test states each one):
 *  - a formula's cached 0 or "" is kept (exceljs drops a falsy result: `=IF(..;"";..)` then
 *    read as a formula without a value);
 *  - inline rich text is all its runs joined (exceljs keeps the last run only), without a
 *    phonetic reading (<rPh>, which exceljs takes for the text), as in the shared strings;
 *  - inline and `t="str"` text is entity-decoded once (exceljs decodes named entities twice,
 *    so a typed "&lt;" became "<");
 *  - `t="d"` (ISO 8601 text) becomes the serial number Excel would store (exceljs parses
 *    "2026-11-24" as the number 2026);
 *  - a row or a cell without `r` follows on (exceljs fails), prefixed elements are read
 *    (exceljs sees no rows), CDATA text is kept (exceljs drops it), and text outside
 *    `<v>`/`<t>`/`<f>` is not added to a value (exceljs appends whitespace after `</v>`).
 */
import { checkLimit } from './limits';
import { SheetRowRecord, type SheetRow } from './rowSource';
import { C, CLOSE, EMPTY, F, GT, IS, LT, OPEN, ROW, SHEET_DATA, SLASH, V, XmlBytes, find } from './xmlBytes';

// Cell types (the `t` attribute).
const T_NUMBER = 0;
const T_SHARED = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_BOOL = 4;
const T_ERROR = 5;
const T_DATE = 6;

const NO_CELLS: unknown[] = [];
const NO_ROWS: SheetRow[] = [];

/** Excel's last column, XFD. */
const MAX_COLUMN = 16384;
const DAY_MS = 86_400_000;

interface SheetScanOptions {
  /** The workbook's shared-strings table (`t="s"` cells index into it). */
  sharedStrings: readonly string[];
  /** The workbook's date system, for `t="d"` cells. */
  date1904: boolean;
}

export class SheetXmlScanner extends XmlBytes {
  private inSheetData = false;
  private row: unknown[] | null = null;
  private rowNumber = 0;
  private lastRow = 0;
  private column = 0;
  private out: SheetRow[] = NO_ROWS.slice();

  constructor(private readonly options: SheetScanOptions) {
    super();
  }

  /** Scans the next inflated chunk; returns the rows it completed (often none at all). */
  push(chunk: Buffer): SheetRow[] {
    this.feed(chunk);
    return this.take();
  }

  /** The end of the part: returns the last rows; throws if the XML stops inside the sheet data. */
  end(): SheetRow[] {
    this.finish();
    if (this.row !== null || this.inSheetData) throw new Error('worksheet XML ends inside the sheet data');
    return this.take();
  }

  private take(): SheetRow[] {
    const rows = this.out;
    if (rows.length > 0) this.out = NO_ROWS.slice();
    return rows;
  }

  protected scan(): number {
    const b = this.buf;
    let p = 0;
    for (;;) {
      const lt = find(b, LT, p);
      // Text between elements is nothing the rows need.
      if (lt < 0) return b.length;
      if (!this.tag(lt)) return lt;
      const kind = this.kind;
      switch (this.name) {
        case SHEET_DATA:
          if (kind === OPEN) this.inSheetData = true;
          else if (kind === CLOSE) this.inSheetData = false;
          break;
        case ROW:
          if (!this.inSheetData) break;
          if (kind === OPEN || kind === EMPTY) this.startRow();
          if ((kind === CLOSE && this.row !== null) || kind === EMPTY) this.endRow();
          break;
        case C:
          if (this.row === null) break;
          if (kind === EMPTY) this.column = this.cellColumn();
          else if (kind === OPEN && !this.cell(this.next)) return lt;
          break;
      }
      p = this.next;
    }
  }

  private startRow(): void {
    // Some generators omit the optional row number: rows then follow on (as XlsxRowSource).
    const n = this.rA >= 0 ? intAt(this.buf, this.rA, this.rB) : NaN;
    this.rowNumber = Number.isInteger(n) ? n : this.lastRow + 1;
    this.lastRow = this.rowNumber;
    // A copy made by a builtin, not a `[]` literal: no allocation site to pretenure (see SheetRowRecord).
    this.row = NO_CELLS.slice();
    this.column = 0;
  }

  private endRow(): void {
    // exceljs' row arrays start at 1 (`values[col]`), and cells.ts reads them so: offset 1.
    this.out.push(new SheetRowRecord(this.rowNumber, this.row!, 1));
    this.row = null;
  }

  /** The column of the `<c>` tag just read: its reference's letters, or the next one. */
  private cellColumn(): number {
    let col = 0;
    if (this.rA >= 0) {
      const b = this.buf;
      // As exceljs' decodeAddress: upper-case letters before the row digits; `$` ignored.
      for (let i = this.rA; i < this.rB; i++) {
        const ch = b[i]!;
        if (ch >= 0x41 && ch <= 0x5a) col = col * 26 + ch - 0x40;
        else if (ch >= 0x30 && ch <= 0x39) break;
      }
    }
    if (col === 0) col = this.column + 1;
    if (col > MAX_COLUMN) throw new Error('cell reference beyond column XFD');
    return col;
  }

  /**
   * A whole `<c>` element from its content on; false if it does not end in the window (it is
   * then scanned again from its tag with more bytes). Nothing is changed until it is complete.
   */
  private cell(from: number): boolean {
    const b = this.buf;
    const col = this.cellColumn();
    const type = this.tA >= 0 ? typeAt(b, this.tA, this.tB) : T_NUMBER;
    let formula: string | null = null;
    // The value's text: a raw byte range, or decoded text (inline strings, or text that had
    // entities, CDATA or comments in it). A later <v> or <is> replaces an earlier one, as in exceljs.
    let hasText = false;
    let ta = 0;
    let tb = 0;
    let text: string | null = null;
    let p = from;
    // Most cells are exactly `<v>digits or text</v></c>`: read without the general tag reader.
    const vEnd = b[from] === LT && b[from + 1] === 0x76 && b[from + 2] === GT ? find(b, LT, from + 3) : -1;
    if (vEnd >= 0 && vEnd + 8 <= b.length && b[vEnd + 1] === SLASH && b[vEnd + 2] === 0x76 && b[vEnd + 3] === GT && b[vEnd + 4] === LT && b[vEnd + 5] === SLASH && b[vEnd + 6] === 0x63 && b[vEnd + 7] === GT) {
      hasText = true;
      ta = from + 3;
      tb = vEnd;
      this.next = vEnd + 8;
    } else for (;;) {
      const lt = find(b, LT, p);
      if (lt < 0 || !this.tag(lt)) return false;
      const kind = this.kind;
      const name = this.name;
      if (name === C && kind === CLOSE) break;
      if (kind === EMPTY && (name === V || name === IS)) {
        hasText = true;
        text = '';
      } else if (kind === EMPTY && name === F) formula = '';
      else if (kind === OPEN && name === V) {
        if (!this.content(this.next)) return false;
        hasText = true;
        ta = this.ca;
        tb = this.cb;
        text = this.cs;
      } else if (kind === OPEN && name === F) {
        if (!this.content(this.next)) return false;
        formula = this.contentText();
      } else if (kind === OPEN && name === IS) {
        const inline = this.inline(this.next);
        if (inline === null) return false;
        hasText = true;
        text = inline;
      }
      p = this.next;
    }

    this.column = col;
    let value: unknown = undefined;
    if (formula !== null) {
      const cached: { formula: string; result?: unknown } = { formula };
      if (hasText) {
        const result =
          type === T_STR
            ? (text ?? this.decode(ta, tb))
            : type === T_DATE
              ? isoDateSerial(text ?? this.decode(ta, tb), this.options.date1904)
              : text !== null
                ? parseFloat(text)
                : numberAt(b, ta, tb);
        // exceljs' shape: no result for an empty or error value (NaN); cells.ts reads that as
        // a formula without a cached value.
        if (!(typeof result === 'number' && Number.isNaN(result))) cached.result = result;
      }
      value = cached;
    } else if (hasText) {
      switch (type) {
        case T_SHARED:
          value = this.options.sharedStrings[text !== null ? parseInt(text, 10) : intAt(b, ta, tb)];
          break;
        case T_STR:
        case T_INLINE:
          value = text ?? this.decode(ta, tb);
          checkLimit('stringChars', (value as string).length);
          break;
        case T_BOOL:
          value = (text !== null ? parseInt(text, 10) : intAt(b, ta, tb)) !== 0;
          break;
        case T_ERROR:
          value = { error: text ?? this.decode(ta, tb) };
          break;
        case T_DATE:
          value = isoDateSerial(text ?? this.decode(ta, tb), this.options.date1904);
          break;
        default:
          value = text !== null ? parseFloat(text) : numberAt(b, ta, tb);
      }
    }
    if (value !== undefined) this.row![col] = value;
    return true;
  }

  /** Text of the `<is>` element whose content starts at `from`: its `<t>` runs joined; null if incomplete. */
  private inline(from: number): string | null {
    return this.runs(from, IS);
  }
}

function typeAt(b: Buffer, a: number, z: number): number {
  const c0 = b[a];
  switch (z - a) {
    case 1:
      return c0 === 0x73 ? T_SHARED : c0 === 0x62 ? T_BOOL : c0 === 0x65 ? T_ERROR : c0 === 0x64 ? T_DATE : T_NUMBER;
    case 3:
      return c0 === 0x73 && b[a + 1] === 0x74 && b[a + 2] === 0x72 ? T_STR : T_NUMBER;
    case 9:
      return c0 === 0x69 && b.toString('latin1', a, z) === 'inlineStr' ? T_INLINE : T_NUMBER;
    default:
      return T_NUMBER;
  }
}

/** parseInt(text, 10) of the bytes, without making a string for plain digits. */
function intAt(b: Buffer, a: number, z: number): number {
  if (z > a && z - a <= 15) {
    let n = 0;
    let i = a;
    for (; i < z; i++) {
      const d = b[i]! - 0x30;
      if (d < 0 || d > 9) break;
      n = n * 10 + d;
    }
    if (i === z) return n;
  }
  return parseInt(b.toString('utf8', a, z), 10);
}

/** parseFloat(text) of the bytes: plain digits without a string, other numbers through parseFloat. */
function numberAt(b: Buffer, a: number, z: number): number {
  if (z > a && z - a <= 15) {
    let n = 0;
    let i = a;
    for (; i < z; i++) {
      const d = b[i]! - 0x30;
      if (d < 0 || d > 9) break;
      n = n * 10 + d;
    }
    if (i === z) return n;
  }
  return parseFloat(b.toString('utf8', a, z));
}

const ISO = /^\s*(?:(\d{4})-(\d{2})-(\d{2}))?(?:T?(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?\s*$/;

/**
 * A `t="d"` cell (ISO 8601 text) as the serial number Excel stores for the same calendar
 * value, so cells.ts reads it like any date cell; a zone suffix is ignored (the list holds
 * Turkey wall-clock times). Text that is no ISO date stays text, and cells.ts says why.
 */
export function isoDateSerial(text: string, date1904: boolean): number | string {
  const m = ISO.exec(text);
  if (!m || (m[1] === undefined && m[4] === undefined)) return text;
  const dated = m[1] !== undefined;
  const [y, mo, d] = dated ? [Number(m[1]), Number(m[2]), Number(m[3])] : [1899, 12, 30];
  const [h, mi, s] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  const day = Date.UTC(y, mo - 1, d);
  const at = new Date(day);
  // Date.UTC rolls 2026-02-31 over into March: an impossible date stays text.
  if (at.getUTCFullYear() !== y || at.getUTCMonth() !== mo - 1 || at.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return text;
  const ms = day + ((h * 60 + mi) * 60 + s) * 1000 + Math.round(Number(m[7] ?? 0) * 1000);
  if (!dated) return (ms - day) / DAY_MS;
  if (date1904) return (ms - Date.UTC(1904, 0, 1)) / DAY_MS;
  const serial = (ms - Date.UTC(1899, 11, 30)) / DAY_MS;
  // The 1900 system keeps Lotus' phantom 1900-02-29 (serial 60): days before it count one less.
  return serial >= 1 && serial < 61 ? serial - 1 : serial;
}
