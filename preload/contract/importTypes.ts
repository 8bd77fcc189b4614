/** Import results as the screen and the CLI show them (see main/import for the full types). */
interface ImportCountsView {
  added: number;
  updated: number;
  unchanged: number;
  cancelled: number;
  rejected: number;
  skipped: number;
  keptStarted: number;
}

interface ImportReportView {
  fileName: string | null;
  format: 'xlsx' | 'csv';
  totalRows: number;
  counts: ImportCountsView;
  skippedByProvince: Record<string, number>;
  unknownColumns: string[];
  lines: { row: number; kind: string; column: string | null; code: string; tr: string; en: string; randevuNo: string | null }[];
}

export interface ImportAnalysis {
  importId: string;
  file: { name: string; size: number; sha256: string };
  format: 'xlsx' | 'csv';
  columns: string[];
  unknownColumns: string[];
  preview: { row: number; values: Record<string, string | undefined> }[];
  report: ImportReportView;
}

export interface ImportApplied {
  importId: string;
  seq: number;
  counts: ImportCountsView;
  report: ImportReportView;
}
