import { z } from 'zod';
import * as s from './schemas';
import { ACCESS_LOG_MAX_PAGE, type AccessLogPage } from './auditTypes';
import type { ErasureResult, RetentionOverview } from './retentionTypes';
import type { DeskKeyInfo, ExportResult, MergeResult, TrustedKeyView, VerifyRow } from './reconciliationTypes';
import type { PlacementListOptions, PrintedDocument, PrintOutcome } from './printTypes';
import type { ImportAnalysis, ImportApplied } from './importTypes';
import type { ConfirmResult, Evaluation, WizardContext } from './registrationTypes';
import { decideInput, type DecisionResult } from './rulesTypes';
import type { BackupFolderInfo, BackupInfo, BackupResult, BackupVerifyResult, DayCloseBackup, KnownBackupFolder, RestoreResult } from './backupTypes';
import type { AppointmentDetail, AppointmentSummary, DayView, FindKind } from './deskTypes';
import type { FormVerification } from './formTypes';

/**
 * Base64 text: A-Z a-z 0-9 + / then at most two '='. A loop, not /^[A-Za-z0-9+/]*={0,2}$/: V8
 * keeps the subject of the last regular-expression match alive (RegExp.input), and for a
 * picked list that was its 27 MB base64 text, held through the whole import.
 */
export function isBase64Text(s: string): boolean {
  let end = s.length;
  if (end > 0 && s.charCodeAt(end - 1) === 61) end--;
  if (end > 0 && s.charCodeAt(end - 1) === 61) end--;
  for (let i = 0; i < end; i++) {
    const c = s.charCodeAt(i);
    const ok = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47;
    if (!ok) return false;
  }
  return true;
}
import { decideDraftInput, hqKeyAddInput, hqKeyPreviewInput, hqKeyRetireInput, packCheckInput, packKeygenInput, packLoadInput, packSignInput, type HqKeyView, type PackCheckView, type PackKeygenResult, type PackListRow, type PackLoadResult, type PackSignResult } from './packTypes';
import type { AppStatus, LedgerCheck, LedgerStatus, OfficeInfo, SessionInfo, UserSummary } from './types';

/**
 * The typed API between the renderer (or the CLI, or the test bridge) and main: one entry per
 * operation with its zod input schema. Main's handler tables must implement exactly these
 * names; preload and the bridge expose one `invoke(name, input)` over them.
 */
export const apiInputs = {
  'app.status': s.empty,
  'setup.create': z
    .object({
      username: s.username,
      displayName: s.displayName,
      password: s.password,
      passwordRepeat: s.secret,
      provinceCode: s.provinceCode,
      deskCode: s.deskCode,
    })
    .strict()
    // Checked even when other fields are wrong, so that every problem shows at once.
    .refine((v) => v.password === v.passwordRepeat, {
      message: 'PASSWORDS_DIFFER',
      path: ['passwordRepeat'],
      when: (p) => {
        const v = p.value as { password?: unknown; passwordRepeat?: unknown } | undefined;
        return typeof v?.password === 'string' && typeof v.passwordRepeat === 'string';
      },
    }),
  'auth.login': z.object({ username: s.secret, password: s.secret }).strict(),
  'auth.recover': z
    .object({ username: s.username, recoveryCode: z.string('REQUIRED').min(1, 'REQUIRED'), newPassword: s.password })
    .strict(),
  'auth.logout': s.empty,
  'auth.lock': s.empty,
  'auth.unlock': z.object({ password: s.secret }).strict(),
  'auth.changePassword': z
    .object({ currentPassword: s.secret, newPassword: s.password, newPasswordRepeat: s.secret })
    .strict(),
  'users.list': s.empty,
  'users.create': z
    .object({ username: s.username, displayName: s.displayName, role: s.role, password: s.password })
    .strict(),
  'users.setDisabled': z.object({ userId: s.userId, disabled: z.boolean('INVALID') }).strict(),
  'users.resetPassword': z.object({ userId: s.userId, password: s.password }).strict(),
  'settings.update': z
    .object({
      idleLockMinutes: z.number('INVALID').int('IDLE_MINUTES').min(1, 'IDLE_MINUTES').max(240, 'IDLE_MINUTES').optional(),
      clerksMayExportReconciliation: z.boolean('INVALID').optional(),
      silentPrint: z.boolean('INVALID').optional(),
    })
    .strict(),
  'ledger.status': s.empty,
  'ledger.verify': s.empty,
  'ledger.rekey': s.empty,
  'ledger.newRecoveryCode': z.object({ password: s.secret }).strict(),
  'backup.create': z.object({ to: z.string('INVALID').min(1, 'REQUIRED').optional() }).strict(),
  'backup.list': z.object({ to: z.string('INVALID').min(1, 'REQUIRED').optional() }).strict(),
  'backup.setFolder': z.object({ dir: z.string('REQUIRED').min(1, 'REQUIRED') }).strict(),
  'backup.verify': z.object({ file: z.string('REQUIRED').min(1, 'REQUIRED'), password: s.secret }).strict(),
  'backup.restore': z.object({ file: z.string('REQUIRED').min(1, 'REQUIRED'), password: s.secret }).strict(),
  'backup.folder': s.empty,
  'backup.listFolder': z.object({ dir: z.string('INVALID').min(1, 'REQUIRED').max(4096, 'INVALID').optional() }).strict(),
  'backup.knownFolder': s.empty,
  'backup.rescueRestore': z
    .object({
      file: z.string('REQUIRED').min(1, 'REQUIRED').max(4096, 'INVALID'),
      username: z.string('INVALID').optional(),
      password: z.string('INVALID').optional(),
      recoveryCode: z.string('INVALID').optional(),
    })
    .strict()
    .refine((v) => Boolean(v.recoveryCode) || (Boolean(v.username) && Boolean(v.password)), { message: 'REQUIRED', path: ['password'] }),
  'registration.start': z.object({ randevuNo: s.randevuNo }).strict(),
  'registration.saveDraft': z.object({ randevuNo: s.randevuNo, draft: s.wizardDraft }).strict(),
  'registration.evaluate': z.object({ randevuNo: s.randevuNo, facts: s.factValues, documents: s.documentAnswers }).strict(),
  'registration.confirm': z
    .object({
      randevuNo: s.randevuNo,
      submissionId: z.string('INVALID').uuid('INVALID'),
      facts: s.factValues,
      documents: s.documentAnswers,
      newAppointment: z.object({ date: s.isoDate, time: z.string('TIME').regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'TIME') }).strict().nullable(),
    })
    .strict(),
  'registration.reverse': z
    .object({ registrationNo: z.string('REQUIRED').min(1, 'REQUIRED'), reason: z.string('REASON').trim().min(5, 'REASON').max(500, 'INVALID') })
    .strict(),
  'registration.note': z
    .object({ randevuNo: s.randevuNo, reason: z.string('REASON').trim().min(5, 'REASON').max(500, 'INVALID') })
    .strict(),
  'retention.overview': s.empty,
  'retention.erase': z.object({ records: z.array(s.randevuNo).min(1, 'REQUIRED').max(10_000, 'INVALID') }).strict(),
  'audit.accessLog': z
    .object({
      from: s.isoDate,
      to: s.isoDate,
      randevuNo: s.randevuNo.optional(),
      /** The `next` of the page before: entries older than it (a cursor, so new entries do not shift pages). */
      before: z.number('INVALID').int('INVALID').positive('INVALID').optional(),
      limit: z.number('PAGE_SIZE').int('PAGE_SIZE').min(1, 'PAGE_SIZE').max(ACCESS_LOG_MAX_PAGE, 'PAGE_SIZE').optional(),
    })
    .strict(),
  // A list on disk: the CLI's file, a typed path, or in the desktop app the picked or dropped file's path.
  'import.analyze': z.object({ path: s.absolutePath, importId: z.string().uuid('INVALID').optional() }).strict(),
  'import.apply': z.object({ importId: z.string('INVALID').uuid('INVALID') }).strict(),
  'import.cancel': z.object({ importId: z.string('INVALID').uuid('INVALID') }).strict(),
  'import.saveReport': z.object({ importId: z.string('INVALID').uuid('INVALID'), to: z.string('REQUIRED').min(1, 'REQUIRED') }).strict(),
  // A picked or dropped file's bytes as base64, in the browser bridge (which has no path; the
  // desktop app sends the path to import.analyze): at most 64 MB of file, which holds a
  // 160,000-row list with room to spare.
  'import.analyzeBytes': z
    .object({
      name: z.string('REQUIRED').trim().min(1, 'REQUIRED').max(255, 'INVALID'),
      base64: z
        .string('REQUIRED')
        .min(1, 'REQUIRED')
        .max(4 * Math.ceil((64 * 1024 * 1024) / 3), 'FILE_TOO_LARGE')
        .refine(isBase64Text, 'INVALID'),
      importId: z.string().uuid('INVALID').optional(),
    })
    .strict(),
  'import.reportFile': z.object({ importId: z.string('INVALID').uuid('INVALID') }).strict(),
  'print.registration': z.object({ registrationNo: z.string('REQUIRED').min(1, 'REQUIRED').max(40, 'INVALID') }).strict(),
  'print.dailyReport': z.object({ date: s.isoDate }).strict(),
  'print.placementList': z.object({ programCode: z.string('REQUIRED').min(1, 'REQUIRED'), provinceCode: s.provinceCode.optional(), maskTckn: z.boolean().optional() }).strict(),
  'print.listOptions': s.empty,
  'print.mode': s.empty,
  // The preview's "Yazdır": the document main rendered and holds (by the id it gave), never PDF bytes.
  'print.toPrinter': z.object({ documentId: z.string('INVALID').uuid('INVALID') }).strict(),
  'print.reprint': z
    .object({ registrationNo: z.string('REQUIRED').min(1, 'REQUIRED').max(40, 'INVALID').optional(), randevuNo: s.randevuNo.optional() })
    .strict()
    .refine((i) => (i.registrationNo === undefined) !== (i.randevuNo === undefined), { message: 'ONE_OF_NUMBERS', path: ['registrationNo'] }),
  // A scanned form QR: MASA1: + Base45 (~380 characters); only a trailing line end is dropped, Base45 has spaces.
  'form.verify': z.object({ text: z.string('REQUIRED').min(1, 'REQUIRED').max(2000, 'FORM_QR_LONG') }).strict(),
  'reconciliation.export': z.object({ date: s.isoDate, outDir: z.string('REQUIRED').min(1, 'REQUIRED') }).strict(),
  'reconciliation.deskKey': s.empty,
  'reconciliation.registerDeskKey': z.object({ deskCode: s.deskCode, pem: z.string('REQUIRED').min(1, 'REQUIRED').max(2000, 'INVALID') }).strict(),
  'reconciliation.trustedKeys': s.empty,
  'reconciliation.provinceKey': s.empty,
  'reconciliation.verify': z.object({ files: z.array(z.string().min(1)).min(1, 'REQUIRED').max(500, 'INVALID') }).strict(),
  'reconciliation.merge': z.object({ files: z.array(z.string().min(1)).min(1, 'REQUIRED').max(500, 'INVALID'), outDir: z.string('REQUIRED').min(1, 'REQUIRED') }).strict(),
  'lists.leaveMainList': z
    .object({ registrationNo: z.string('REQUIRED').min(1, 'REQUIRED'), reason: z.string('REASON').trim().min(5, 'REASON').max(500, 'INVALID'), date: s.isoDate.optional() })
    .strict(),
  'lists.placement': z.object({ registrationNo: z.string('REQUIRED').min(1, 'REQUIRED'), date: s.isoDate.optional() }).strict(),
  'day.view': z.object({ date: s.isoDate }).strict(),
  'desk.find': z.object({ query: z.string('INVALID').max(100, 'QUERY_LONG') }).strict(),
  'desk.checkIn': z.object({ randevuNo: s.randevuNo }).strict(),
  'desk.detail': z.object({ randevuNo: s.randevuNo }).strict(),
  'desk.closeDay': z.object({ date: s.isoDate }).strict(),
  'desk.markNoShow': z.object({ randevuNo: s.randevuNo }).strict(),
  'desk.reopen': z.object({ randevuNo: s.randevuNo, reason: z.string('REASON').trim().min(5, 'REASON').max(500, 'INVALID') }).strict(),
  'rules.decide': decideInput,
  'rules.packCheck': packCheckInput,
  'rules.decideDraft': decideDraftInput,
  'rules.packKeygen': packKeygenInput,
  'rules.packSign': packSignInput,
  'rules.packLoad': packLoadInput,
  'rules.packList': s.empty,
  'rules.hqKeyPreview': hqKeyPreviewInput,
  'rules.hqKeyAdd': hqKeyAddInput,
  'rules.hqKeyList': s.empty,
  'rules.hqKeyRetire': hqKeyRetireInput,
} as const;

interface ApiOutputs {
  'app.status': AppStatus;
  'setup.create': { recoveryCode: string; session: SessionInfo };
  'auth.login': SessionInfo;
  /** The used recovery code is spent: a new one is issued, shown once. */
  'auth.recover': SessionInfo & { recoveryCode: string };
  'auth.logout': null;
  'auth.lock': null;
  'auth.unlock': SessionInfo;
  'auth.changePassword': SessionInfo;
  'users.list': UserSummary[];
  'users.create': UserSummary;
  'users.setDisabled': UserSummary;
  'users.resetPassword': UserSummary;
  'settings.update': OfficeInfo;
  'ledger.status': LedgerStatus;
  'ledger.verify': LedgerCheck;
  'ledger.rekey': { keyRotatedAt: string };
  'ledger.newRecoveryCode': { recoveryCode: string };
  'backup.create': BackupResult;
  'backup.list': BackupInfo[];
  'backup.setFolder': BackupFolderInfo;
  'backup.verify': BackupVerifyResult;
  'backup.restore': RestoreResult;
  'backup.folder': BackupFolderInfo;
  'backup.listFolder': BackupInfo[];
  'backup.knownFolder': KnownBackupFolder;
  'backup.rescueRestore': RestoreResult;
  'registration.start': WizardContext;
  'registration.saveDraft': { savedAt: string };
  'registration.evaluate': Evaluation;
  'registration.confirm': ConfirmResult;
  'registration.reverse': { registrationNo: string; randevuNo: string; followUpCancelled: string | null };
  'registration.note': { randevuNo: string; registrationNo: string; seq: number };
  'retention.overview': RetentionOverview;
  'retention.erase': ErasureResult;
  'audit.accessLog': AccessLogPage;
  'import.analyze': ImportAnalysis;
  'import.apply': ImportApplied;
  'import.cancel': { cancelled: boolean };
  'import.saveReport': { path: string };
  'import.analyzeBytes': ImportAnalysis;
  'import.reportFile': { name: string; base64: string };
  'print.registration': PrintedDocument;
  'print.dailyReport': PrintedDocument;
  'print.placementList': PrintedDocument;
  'print.listOptions': PlacementListOptions;
  'print.mode': { silent: boolean };
  'print.reprint': PrintedDocument;
  'print.toPrinter': PrintOutcome;
  'form.verify': FormVerification;
  'reconciliation.export': ExportResult & { backup: DayCloseBackup };
  'reconciliation.deskKey': DeskKeyInfo;
  'reconciliation.registerDeskKey': DeskKeyInfo;
  'reconciliation.trustedKeys': TrustedKeyView[];
  'reconciliation.provinceKey': DeskKeyInfo;
  'reconciliation.verify': VerifyRow[];
  'reconciliation.merge': MergeResult;
  'lists.leaveMainList': { registrationNo: string; leftAt: string };
  'lists.placement': { registrationNo: string; placement: string };
  'day.view': DayView;
  'desk.find': { query: string; kind: FindKind; results: AppointmentSummary[] };
  'desk.checkIn': AppointmentSummary;
  'desk.detail': AppointmentDetail;
  'desk.closeDay': { date: string; noShows: number; backup: DayCloseBackup };
  'desk.markNoShow': AppointmentSummary;
  'desk.reopen': AppointmentSummary;
  'rules.decide': DecisionResult;
  'rules.packCheck': PackCheckView;
  'rules.decideDraft': DecisionResult;
  'rules.packKeygen': PackKeygenResult;
  'rules.packSign': PackSignResult;
  'rules.packLoad': PackLoadResult;
  'rules.packList': PackListRow[];
  'rules.hqKeyPreview': { fingerprint: string };
  'rules.hqKeyAdd': HqKeyView;
  'rules.hqKeyList': HqKeyView[];
  'rules.hqKeyRetire': HqKeyView;
}

export type ApiName = keyof typeof apiInputs & keyof ApiOutputs;
export type ApiInput<K extends ApiName> = z.input<(typeof apiInputs)[K]>;
export type ApiParsedInput<K extends ApiName> = z.output<(typeof apiInputs)[K]>;
export type ApiOutput<K extends ApiName> = ApiOutputs[K];

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: import('./errors').ApiError };

/** What preload (window.masa) and the test bridge both provide to the renderer. */
export interface MasaBridge {
  invoke<K extends ApiName>(name: K, input: ApiInput<K>): Promise<ApiResult<ApiOutput<K>>>;
  /** Main-to-renderer notifications (progress, session locked). Returns an unsubscribe function. */
  on(event: string, listener: (payload: unknown) => void): () => void;
  /** The on-disk path of a picked or dropped file (Electron); null in the browser bridge. */
  pathForFile(file: File): string | null;
  /** 'electron' or 'browser' (the loopback bridge). */
  readonly transport: 'electron' | 'browser';
}
