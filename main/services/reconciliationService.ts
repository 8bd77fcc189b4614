import { createPublicKey } from 'node:crypto';
import path from 'node:path';
import { appointments as appointmentsQ, reconciliation as reconQ, settings as settingsQ, users as usersQ, type ReadableDB } from '../../database';
import type { DeskKeyInfo, ExportResult, MergeResult, TrustedKeyView, VerifyRow } from '../../preload/contract/reconciliationTypes';
import { AppError } from '../app/appError';
import { isDiskFull } from '../app/diskSpace';
import { checkOutputFolder } from '../app/outputTarget';
import type { MasaApp } from '../app/masaApp';
import { APP_VERSION } from '../app/version';
import { trTitle } from '../domain/turkishText';
import { turkeyDayBoundsUtc, turkeyParts } from '../domain/turkeyTime';
import { createDeskKeyPair, fingerprint, publicKeyPem, verifySignedReconciliation, writeReconciliation, type ReconciliationDay } from '../reconciliation';
import { fileSource, mergeInputProblems, MergeSourceChanged, mergeSources, type MergeSource } from '../reconciliation/merge';
import type { AppointmentOutcomeText } from '../reconciliation/model';
import { decisionPackOf } from './packStore';

const OUTCOME: Record<string, AppointmentOutcomeText | null> = {
  KESIN_KAYIT: 'KESİN KAYIT',
  RET: 'RET',
  EKSIK_EVRAK: 'EKSİK EVRAK',
  GELMEDI: 'GELMEDİ',
  IPTAL: 'İPTAL',
};

/** This desk's Ed25519 key pair: it signs the day files and the printed forms' statements. */
export function deskKeys(db: ReadableDB) {
  const s = settingsQ.allSettings(db);
  return { publicKeySpki: s['desk.publicKey']!, privateKeyPkcs8: s['desk.privateKey']! };
}

/** Setting: the office head lets clerks export their desk's reconciliation ('1' on). */
const CLERK_EXPORT_SETTING = 'reconciliation.clerksMayExport';

/**
 * `Defter Zinciri Başı`: the hash of the last ledger event included in the file, i.e. the last
 * event that changed any appointment or registration row the file holds (found through
 * event_refs), taken with reconQ.headAt just after that event. Events after it that touch none
 * of the rows (sign-ins, settings, other days, the export itself) leave it unchanged, so a
 * re-export names the same head. A day with no rows names the head at the day's end.
 */
function chainHeadOf(db: ReadableDB, date: string, refs: string[]): string {
  const last = reconQ.lastEventTouching(db, refs);
  const until = last ? new Date(Date.parse(last.at) + 1).toISOString() : turkeyDayBoundsUtc(date).end;
  return reconQ.headAt(db, until)?.hash ?? '0'.repeat(64);
}

/** `Kural Paketleri`: the packs that decided the day's registrations, by what each decision recorded. */
function decidingPacks(app: MasaApp, regs: { pack_hash: string; decision: string }[]): string[] {
  const labels = new Set<string>();
  for (const hash of new Set(regs.map((r) => r.pack_hash))) {
    const known = decisionPackOf(app, hash);
    // A hash no pack here has (never expected) is still named, so HQ sees it.
    labels.add(known ? known.identity.label : `?#?:${hash.slice(0, 8)}`);
  }
  return [...labels].sort();
}

/** The day's reconciliation as data, from the ledger (appointments of the day, outcomes recorded that day). */
export function buildReconciliationDay(app: MasaApp, date: string): ReconciliationDay {
  const db = app.requireStore().reader;
  const office = app.officeInfo();
  const names = new Map(usersQ.listUsers(db).map((u) => [u.id, u.display_name]));
  const name = (id: number | null) => (id === null ? null : (names.get(id) ?? `#${id}`));
  const appts = reconQ.dayAppointmentsWithOutcome(db, date);
  const bounds = turkeyDayBoundsUtc(date);
  const regs = reconQ.registrationsBetween(db, bounds.start, bounds.end);
  const local = (utc: string) => turkeyParts(new Date(utc)).dateTime;
  return {
    provinceCode: office.provinceCode,
    provinceName: office.provinceName,
    deskCode: office.deskCode,
    date,
    programCodes: [...new Set([...appts.map((a) => a.program_code), ...regs.map((r) => r.program_code)])].sort(),
    appointments: appts.map((a) => ({
      randevuNo: a.randevu_no,
      programCode: a.program_code,
      provinceCode: a.province_code,
      date: a.date,
      time: a.time,
      motherTckn: a.mother_tckn,
      motherFullName: trTitle(`${a.mother_first_name} ${a.mother_last_name}`),
      arrivedAt: a.arrived_at,
      outcome: OUTCOME[a.status] ?? null,
      clerk: name(a.clerk_id),
    })),
    registrations: regs
      .filter((r) => r.outcome === 'KESIN_KAYIT')
      .map((r) => ({
        registrationNo: r.registration_no,
        randevuNo: r.randevu_no,
        programCode: r.program_code,
        provinceCode: r.province_code,
        preRegisteredAt: r.pre_registered_at,
        registeredAt: local(r.registered_at),
        motherTckn: r.mother_tckn,
        motherFullName: trTitle(`${r.first} ${r.last}`),
        childTckn: r.child_tckn,
        childBirthDate: (JSON.parse(r.facts) as Record<string, string>)['child.birthDate'] ?? '',
        caregiverTckn: r.caregiver_tckn,
        institutionName: r.institution_name,
        supportType: r.support_type ?? '',
        monthlyAmountCents: r.monthly_amount_cents ?? 0,
        motherIban: r.mother_iban,
        caregiverIban: r.caregiver_iban,
        clerk: name(r.clerk_id) ?? '',
      })),
    rejections: regs
      .filter((r) => r.outcome !== 'KESIN_KAYIT')
      .map((r) => {
        const d = JSON.parse(r.decision) as { failedRules: { code: string; text: { tr: string } }[]; missingDocuments: { label: { tr: string } }[] };
        const na = r.new_appointment_no ? appointmentsQ.appointmentByNo(db, r.new_appointment_no) : undefined;
        return {
          randevuNo: r.randevu_no,
          programCode: r.program_code,
          motherTckn: r.mother_tckn,
          motherFullName: trTitle(`${r.first} ${r.last}`),
          outcome: r.outcome === 'RET' ? ('RET' as const) : ('EKSİK EVRAK' as const),
          reasonCodes: d.failedRules.map((f) => f.code),
          reasonText: d.failedRules.map((f) => f.text.tr).join(' ') || d.missingDocuments.map((m) => m.label.tr).join(', '),
          missingDocuments: d.missingDocuments.map((m) => m.label.tr),
          newAppointment: na ? `${na.date}T${na.time}:00` : null,
          clerk: name(r.clerk_id) ?? '',
        };
      }),
    chainHead: chainHeadOf(db, date, [...appts.map((a) => `appointments:${a.randevu_no}`), ...regs.map((r) => `registrations:${r.registration_no}`)]),
    createdAt: turkeyParts(app.now()).dateTime,
    appVersion: APP_VERSION,
    createdBy: app.requireSession().displayName,
    packs: decidingPacks(app, regs),
  };
}

/**
 * Who may export: the office head; a clerk only when the head has allowed it, and only this
 * desk's day (a desk's ledger holds only its own desk; the file always carries office.deskCode).
 */
function assertMayExport(app: MasaApp): void {
  const session = app.requireSession();
  if (session.role === 'HEAD') return;
  const s = settingsQ.allSettings(app.requireStore().reader);
  if (s[CLERK_EXPORT_SETTING] !== '1') throw new AppError('RECON_EXPORT_HEAD_ONLY');
}

/**
 * HQ's `Sonuç` is one of five outcomes, never empty: a day is exported only when every
 * appointment of it has one. Waiting ones become GELMEDİ by the day close (or one by one);
 * an arrived one is finished at the desk first. The refusal says how many of each there are.
 */
function assertDayHasOutcomes(app: MasaApp, date: string): void {
  let waiting = 0;
  let open = 0;
  for (const a of appointmentsQ.appointmentsOfDay(app.requireStore().reader, date)) {
    if (a.status === 'BEKLIYOR') waiting++;
    else if (OUTCOME[a.status] === undefined) open++;
  }
  if (waiting + open > 0) throw new AppError('RECON_DAY_NOT_CLOSED', { date: `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`, count: waiting + open, waiting, open });
}

export async function exportReconciliation(app: MasaApp, input: { date: string; outDir: string }): Promise<ExportResult> {
  const store = app.requireStore();
  const session = app.requireSession();
  assertMayExport(app);
  const outDir = checkOutputFolder(app.dataDir, input.outDir);
  assertDayHasOutcomes(app, input.date);
  const day = buildReconciliationDay(app, input.date);
  let w: Awaited<ReturnType<typeof writeReconciliation>>;
  try {
    w = await writeReconciliation(day, outDir, deskKeys(store.reader));
  } catch (err) {
    if (isDiskFull(err, outDir)) throw new AppError('EXPORT_DISK_FULL', { dir: outDir });
    throw err;
  }
  try {
    store.ledger.record({ type: 'reconciliation.exported', entity: `reconciliation:${input.date}`, userId: session.userId }, (x) =>
      x.note({ file: w.fileName, sha256: w.sha256, counts: w.counts }),
    );
  } catch (err) {
    if (isDiskFull(err, app.dataDir)) throw new AppError('EXPORT_NOT_RECORDED', { name: w.fileName, dir: app.dataDir });
    throw err;
  }
  return { fileName: w.fileName, xlsxPath: w.xlsxPath, sigPath: w.sigPath, sha256: w.sha256, counts: w.counts };
}

const keyInfo = (deskCode: string, spki: string): DeskKeyInfo => ({ deskCode, publicKeySpki: spki, pem: publicKeyPem(spki), fingerprint: fingerprint(spki) });

export function deskKeyInfo(app: MasaApp): DeskKeyInfo {
  const s = settingsQ.allSettings(app.requireStore().reader);
  const spki = s['desk.publicKey']!;
  return { deskCode: s['office.deskCode']!, publicKeySpki: spki, pem: publicKeyPem(spki), fingerprint: fingerprint(spki) };
}

/** The office head registers another desk's public key (PEM) so that its files verify. */
export function registerDeskKey(app: MasaApp, input: { deskCode: string; pem: string }): DeskKeyInfo {
  const store = app.requireStore();
  const session = app.requireSession();
  let spki: string;
  try {
    const key = createPublicKey(input.pem);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error('not ed25519');
    spki = key.export({ type: 'spki', format: 'der' }).toString('base64');
  } catch {
    throw new AppError('KEY_INVALID');
  }
  const own = settingsQ.allSettings(store.reader)['office.deskCode'];
  if (input.deskCode === own) throw new AppError('KEY_OWN_DESK', { desk: input.deskCode });
  const holder = trustedKeys(store.reader).find((t) => t.publicKeySpki === spki && t.deskCode !== input.deskCode);
  if (holder) throw new AppError('KEY_ALREADY_REGISTERED', { desk: holder.deskCode });
  store.ledger.record({ type: 'desk_key.registered', entity: `desk:${input.deskCode}`, userId: session.userId }, (w) =>
    w.put('settings', { key: `trusted.${input.deskCode}`, value: spki }),
  );
  return { deskCode: input.deskCode, publicKeySpki: spki, pem: publicKeyPem(spki), fingerprint: fingerprint(spki) };
}

/**
 * Keys whose files verify here: this desk's, the province key (desk IL, so the head's own merged
 * files verify), and registered desks'. The signed form statements trust the same list.
 */
export function trustedKeys(db: ReadableDB): { deskCode: string; publicKeySpki: string; kind: TrustedKeyView['kind'] }[] {
  const s = settingsQ.allSettings(db);
  const out: ReturnType<typeof trustedKeys> = [{ deskCode: s['office.deskCode']!, publicKeySpki: s['desk.publicKey']!, kind: 'own' }];
  if (s['province.publicKey']) out.push({ deskCode: 'IL', publicKeySpki: s['province.publicKey'], kind: 'province' });
  for (const [k, v] of Object.entries(s)) if (k.startsWith('trusted.')) out.push({ deskCode: k.slice(8), publicKeySpki: v, kind: 'registered' });
  return out;
}

/** The list on the end-of-day screen: this desk's key, the province key (if made) and every registered desk's. */
export function listTrustedKeys(app: MasaApp): TrustedKeyView[] {
  return trustedKeys(app.requireStore().reader).map((t) => ({ ...keyInfo(t.deskCode, t.publicKeySpki), kind: t.kind }));
}

/** The province key signs consolidated (IL) files; it is made once, on first use, and kept in the ledger. */
function ensureProvinceKey(app: MasaApp): { publicKeySpki: string; privateKeyPkcs8: string } {
  const store = app.requireStore();
  let s = settingsQ.allSettings(store.reader);
  if (!s['province.publicKey']) {
    const k = createDeskKeyPair();
    store.ledger.record({ type: 'province_key.created', entity: 'province', userId: app.requireSession().userId }, (w) => {
      w.put('settings', { key: 'province.publicKey', value: k.publicKeySpki });
      w.put('settings', { key: 'province.privateKey', value: k.privateKeyPkcs8 });
    });
    s = settingsQ.allSettings(store.reader);
  }
  return { publicKeySpki: s['province.publicKey']!, privateKeyPkcs8: s['province.privateKey']! };
}

/** The province key's public half (PEM, fingerprint), for HQ to register; made here if it does not exist yet. */
export function provinceKeyInfo(app: MasaApp): DeskKeyInfo {
  return keyInfo('IL', ensureProvinceKey(app).publicKeySpki);
}

export async function verifyFiles(app: MasaApp, files: string[]): Promise<VerifyRow[]> {
  const trusted = trustedKeys(app.requireStore().reader);
  const rows: VerifyRow[] = [];
  for (const f of files) rows.push((await verifySignedReconciliation(path.resolve(f), undefined, trusted)).result);
  return rows;
}

export async function mergeFiles(app: MasaApp, input: { files: string[]; outDir: string }): Promise<MergeResult> {
  const store = app.requireStore();
  const session = app.requireSession();
  const trusted = trustedKeys(store.reader);
  const outDir = checkOutputFolder(app.dataDir, input.outDir);
  // Each verified file kept as its keys and counts, not its rows (merge.ts fileSource).
  const verified: MergeSource[] = [];
  const table: VerifyRow[] = [];
  const verifiedRow: number[] = [];
  for (const f of input.files) {
    const v = await verifySignedReconciliation(path.resolve(f), undefined, trusted);
    table.push(v.result);
    if (v.result.ok && 'day' in v && v.day) {
      verified.push(fileSource(v.day, path.basename(f), path.resolve(f), v.sha256));
      verifiedRow.push(table.length - 1);
    }
  }
  // The same desk's day twice, or an IL file with desk files: refused by name like a bad file.
  for (const p of mergeInputProblems(verified)) {
    const row = table[verifiedRow[p.index]!]!;
    table[verifiedRow[p.index]!] = { ...row, ok: false, code: p.code, message: p.message };
  }
  const refused = table.filter((t) => !t.ok);
  if (refused.length) return { ok: false, files: table, merged: null };
  const provinceKey = ensureProvinceKey(app);
  const office = app.officeInfo();
  let m;
  try {
    m = await mergeSources(
      verified,
      { provinceCode: office.provinceCode, provinceName: office.provinceName, createdAt: turkeyParts(app.now()).dateTime, createdBy: session.displayName, appVersion: APP_VERSION, chainHead: store.ledger.head().hash },
      outDir,
      provinceKey,
    );
  } catch (err) {
    // A file that changed between its check and the writing of its rows: refused by name, nothing written.
    if (!(err instanceof MergeSourceChanged)) throw err;
    const at = verifiedRow[verified.findIndex((s) => s.file === err.file)]!;
    table[at] = { ...table[at]!, ok: false, code: err.code, message: err.text };
    return { ok: false, files: table, merged: null };
  }
  store.ledger.record({ type: 'reconciliation.merged', entity: `reconciliation:merge:${m.fileName}`, userId: session.userId }, (w) =>
    w.note({ file: m.fileName, sha256: m.sha256, files: input.files.map((f) => path.basename(f)), duplicates: m.duplicates.length }),
  );
  return {
    ok: true,
    files: table,
    merged: { fileName: m.fileName, xlsxPath: m.xlsxPath, sigPath: m.sigPath, sha256: m.sha256, duplicateMothers: m.duplicates.filter((d) => d.kind === 'ANNE').length, duplicateChildren: m.duplicates.filter((d) => d.kind === 'ÇOCUK').length },
  };
}
