import { CellProblem, displayText, plainValue } from './cells';
import { COLUMNS, type ColumnHeader } from './columns';
import { matchHeaders, type HeaderMap } from './headers';
import { AppointmentFileRefused } from './refusal';
import type { SheetRow } from './rowSource';
import { makeRowValidator, rejectFor } from './rowValidation';
import { detach } from './strings';
import type { AppointmentRow, ListFormat, ParsedAppointmentList, PreviewRow, RowReject } from './types';

function hasContent(cells: readonly unknown[]): boolean {
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    if (v === null || v === undefined) continue;
    if (typeof v !== 'string') return true;
    // A printable ASCII first character settles it (a Randevu No, a code) without the regex.
    const c = v.charCodeAt(0);
    if ((c > 0x20 && c < 0x7f) || /\S/.test(v)) return true; // \S also treats NBSP and the BOM as space
  }
  return false;
}

function headerText(v: unknown): string {
  const p = plainValue(v);
  return p === null || p instanceof CellProblem ? '' : String(p);
}

type PreviewKind = 'date' | 'time' | 'dateTime' | 'other';

/**
 * Turns a sheet's rows, in order, into the parsed list: the first non-blank row is the
 * header; blank rows are skipped (keeping their numbers); every other row is validated and
 * ends up either in `rows` or in `rejects`, a repeated Randevu No included.
 */
export class ListBuilder {
  private header: HeaderMap | null = null;
  private validate: ReturnType<typeof makeRowValidator> | null = null;
  private previewColumns: { header: ColumnHeader; at: number; kind: PreviewKind }[] = [];
  private readonly rows: AppointmentRow[] = [];
  private readonly rejects: RowReject[] = [];
  private readonly preview: PreviewRow[] = [];
  private readonly firstRowOf = new Map<string, number>();
  /** Rejected entries so far (readList holds them to LIMITS.rejects). */
  rejected(): number {
    return this.rejects.length;
  }

  /** Data rows seen (blank rows not counted). */
  total = 0;

  constructor(
    private readonly previewLimit: number,
    /** Asked when the header arrives: the workbook's date system is known by then. */
    private readonly date1904: () => boolean,
    /** Asked then too: see RowSource.ownStrings. */
    private readonly ownStrings: () => boolean = () => false,
    /** Given: valid rows go there as they come (ParseOptions.onRow), not into `rows`. */
    private readonly onRow?: (row: AppointmentRow) => void,
  ) {}

  /** Returns true for a data row (progress counts those). */
  accept(r: SheetRow): boolean {
    if (!hasContent(r.cells)) return false;
    if (this.header === null) {
      this.readHeader(r);
      return false;
    }
    this.total++;
    if (this.preview.length < this.previewLimit) this.addPreview(r);

    const out = this.validate!(r.cells, r.number, r.offset);
    let row = out.row;
    if (out.randevuNo !== null) {
      const first = this.firstRowOf.get(out.randevuNo);
      // The key outlives the row: detached, or it would pin the reader's text chunk (strings.ts).
      if (first === undefined) this.firstRowOf.set(row?.randevuNo ?? detach(out.randevuNo), r.number);
      else {
        // The first occurrence wins; the later one is rejected even if the first was bad,
        // because which of the two HQ meant would be a guess.
        row = null;
        this.rejects.push(rejectFor(r.number, 'randevuNo', 'DUPLICATE_RANDEVU_NO', out.randevuNo, { randevuNo: out.randevuNo, provinceCode: out.provinceCode, firstRow: first }));
      }
    }
    if (row) {
      if (this.onRow) this.onRow(row);
      else this.rows.push(row);
    }
    if (out.rejects) for (const x of out.rejects) this.rejects.push(x);
    return true;
  }

  result(file: { format: ListFormat; fileName: string }): ParsedAppointmentList {
    if (this.header === null) throw new AppointmentFileRefused('NO_HEADER_ROW');
    return {
      format: file.format,
      fileName: file.fileName,
      columns: this.header.columns,
      unknownColumns: this.header.unknownColumns,
      rows: this.rows,
      rejects: this.rejects,
      preview: this.preview,
      totalRows: this.total,
    };
  }

  private readHeader(r: SheetRow): void {
    const texts = Array.from({ length: Math.max(0, r.cells.length - r.offset) }, (_, i) => headerText(r.cells[i + r.offset]));
    const header = (this.header = matchHeaders(texts));
    this.validate = makeRowValidator(header.index, this.date1904(), { ownStrings: this.ownStrings() });
    this.previewColumns = COLUMNS.filter((c) => header.index[c.key] !== undefined).map((c) => ({
      header: c.header,
      at: header.index[c.key]!,
      kind: c.kind === 'date' || c.kind === 'time' || c.kind === 'dateTime' ? c.kind : 'other',
    }));
  }

  private addPreview(r: SheetRow): void {
    const values: PreviewRow['values'] = {};
    const date1904 = this.date1904();
    for (const c of this.previewColumns) values[c.header] = displayText(r.cells[c.at + r.offset], c.kind, date1904);
    this.preview.push({ row: r.number, values });
  }
}
