export interface ReconCountsView {
  appointments: number;
  arrived: number;
  noShows: number;
  registrations: number;
  rejected: number;
  incomplete: number;
  cancelled: number;
  monthlyTotalCents: number;
}

export interface ExportResult {
  fileName: string;
  xlsxPath: string;
  sigPath: string;
  sha256: string;
  counts: ReconCountsView;
}

export interface DeskKeyInfo {
  deskCode: string;
  publicKeySpki: string;
  pem: string;
  fingerprint: string;
}

export interface VerifyRow {
  file: string;
  code: string;
  ok: boolean;
  message: { tr: string; en: string };
  desk: string | null;
  date: string | null;
  provinceCode: string | null;
  counts: ReconCountsView | null;
}

export interface MergeResult {
  ok: boolean;
  files: VerifyRow[];
  merged: { fileName: string; xlsxPath: string; sigPath: string; sha256: string; duplicateMothers: number; duplicateChildren: number } | null;
}

/** A key whose files verify on this desk: its own, the province key (desk IL) or a registered desk's. */
export interface TrustedKeyView extends DeskKeyInfo {
  kind: 'own' | 'province' | 'registered';
}
