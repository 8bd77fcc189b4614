/** Values that cross the IPC boundary (outputs). Inputs are the zod schemas in api.ts. */
export type Role = 'HEAD' | 'CLERK';

export interface SessionInfo {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  mustChangePassword: boolean;
  locked: boolean;
}

export interface OfficeInfo {
  provinceCode: string;
  provinceName: string;
  deskCode: string;
  idleLockMinutes: number;
  /** The office head lets clerks export their desk's daily reconciliation. */
  clerksMayExportReconciliation: boolean;
  /** The desktop app prints straight to the default printer, without the print dialog. */
  silentPrint: boolean;
}

type AppState =
  /** No ledger in the data folder: first-run setup. */
  | 'setup'
  /** A ledger exists; someone must sign in. */
  | 'signed-out'
  | 'ready'
  | 'locked'
  /** The data folder cannot be used (missing or damaged files): read-only explanation. */
  | 'error'
  /** Signed in, but the start-up check failed: read-only rescue screen offering restore. */
  | 'rescue';

export interface AppStatus {
  state: AppState;
  version: string;
  session: SessionInfo | null;
  office: OfficeInfo | null;
  problem: { code: string; message: string; messageEn: string } | null;
  rescue: {
    integrity: string;
    firstBadSeq: number | null;
    problem: string | null;
    /** The damage class found and its message (main/services/ledgerDamage.ts). */
    code?: string;
    message?: string;
    messageEn?: string;
  } | null;
}

export interface UserSummary {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: string;
}

export interface LedgerStatus {
  schemaVersion: number;
  events: number;
  chainHead: { seq: number; hash: string };
  counts: { users: number; appointments: number; registrations: number };
  dataDir: string;
}

/** `verify`'s re-decision of every recorded registration with the pack it names. */
export interface DecisionReplay {
  ok: boolean;
  checked: number;
  /** Registrations whose personal data retention erased: not decided again. */
  erased: number;
  /** `pack`: the label (`code#edition:hash8`) of the pack the recorded decision names. */
  differences: { registrationNo: string; randevuNo: string; recorded: string; now: string; pack: string }[];
}

export interface LedgerCheck {
  ok: boolean;
  chain: { ok: boolean; checked: number; headSeq: number; headHash: string; firstBad?: { seq: number; problem: string } };
  replay: { ok: boolean; events: number; tables: Record<string, { rows: number; mismatches: number }> };
  decisions?: DecisionReplay;
}
