import type { ColumnHeader } from './columns';
import type { RejectCode } from '../texts/import';

export type ListFormat = 'xlsx' | 'csv';

/**
 * One valid row of HQ's list, normalised: days `yyyy-MM-dd`, times `HH:mm`, date-times
 * `yyyy-MM-ddTHH:mm:ss` (Turkey local, no zone), province as 2-digit text, T.C. Kimlik No as
 * 11-digit text, phone as 11 digits with the leading 0, names as given with spaces cleaned.
 * Optional columns are `null` when empty (not `undefined`), matching the database's
 * `AppointmentFields`, so a row can be handed to the apply step as it is.
 */
export interface AppointmentRow {
  randevuNo: string;
  programCode: string;
  provinceCode: string;
  date: string;
  time: string;
  preRegisteredAt: string;
  motherTckn: string;
  motherFirstName: string;
  motherLastName: string;
  motherBirthDate: string | null;
  childTckn: string | null;
  childBirthDate: string;
  phone: string | null;
  caregiverTckn: string | null;
  institutionName: string | null;
  /** `Durum` = `İPTAL`: HQ cancelled the appointment. */
  cancelled: boolean;
  /** Spreadsheet row number (the header is row 1). */
  sourceRow: number;
}

/** The comparable appointment fields (everything but `cancelled` and `sourceRow`). */
export type AppointmentFieldKey = Exclude<keyof AppointmentRow, 'cancelled' | 'sourceRow'>;
export type AppointmentFieldValues = Pick<AppointmentRow, AppointmentFieldKey>;

export interface RowReject {
  /** Spreadsheet row number (the header is row 1). */
  row: number;
  /** The contract header of the offending column, or null for the whole row. */
  column: string | null;
  code: RejectCode;
  tr: string;
  en: string;
  /** As read from the row, when readable: lets the plan tell another province's bad rows apart. */
  randevuNo: string | null;
  provinceCode: string | null;
}

export interface PreviewRow {
  row: number;
  /** The recognised columns as the spreadsheet shows them, before validation. */
  values: Partial<Record<ColumnHeader, string>>;
}

export interface ParsedAppointmentList {
  format: ListFormat;
  fileName: string | null;
  /** Recognised contract header -> 0-based column index in the file. */
  columns: Partial<Record<ColumnHeader, number>>;
  /** Non-empty headers that are not in the contract, as written in the file (ignored). */
  unknownColumns: string[];
  /** Empty when the rows went to ParseOptions.onRow instead. */
  rows: AppointmentRow[];
  rejects: RowReject[];
  preview: PreviewRow[];
  /** Data rows read (blank rows are not counted); every one is either in `rows` or in `rejects`. */
  totalRows: number;
}

export type ParseInput =
  | {
      path: string;
      /** The name the user picked (shown in the report); defaults to the path's base name. */
      fileName?: string;
    }
  | {
      /** The bytes of a file the user picked or dropped, parsed from memory (never written to disk). */
      bytes: Buffer;
      fileName: string;
    };

export interface ParseOptions {
  /**
   * Called every 1,000 data rows and once at the end (then bytesRead = totalBytes). For an
   * .xlsx the bytes are those of the compressed file read so far; when the workbook keeps its
   * sheet before its shared strings (Excel's order) the whole file is read before the first
   * row, so show the rows, not the bytes, as the progress of that phase.
   */
  onProgress?(rowsRead: number, bytesRead: number, totalBytes: number): void;
  signal?: AbortSignal;
  /** Raw rows kept for the preview screen (default 20). */
  previewRows?: number;
  /**
   * Takes each valid row as it is read, in list order, instead of collecting them in the
   * result's `rows` (then left empty): the import hands them to its ImportPlanner, which keeps
   * only the rows it will write.
   */
  onRow?(row: AppointmentRow): void;
}
