import { isErasedAppointment } from './personalFields';
import { appointments as appointmentsQ, ledgerInfo as ledgerInfoQ, registrations as registrationsQ, reconciliation as reconQ, users as usersQ, type ReadableDB } from '../../database';
import type { PlacementListOptions, PrintedDocument } from '../../preload/contract/printTypes';
import { AppError } from '../app/appError';
import type { MasaApp } from '../app/masaApp';
import { renderDailyReport, renderDecisionNotice, renderFinalRegistrationForm, renderPlacementList } from '../print';
import type { AppointmentOutcome } from '../print/models';
import { computeLists, formatPlacement, getRulePack, placementOf, type ListEntry, type RulePack } from '../rules';
import { trTitle } from '../domain/turkishText';
import { turkeyDayBoundsUtc, turkeyParts } from '../domain/turkeyTime';
import { recordAccess } from './accessLog';
import { packFor } from './rulesAdapter';
import { allPacks, decisionPackOf } from './packStore';
import { identityOfPack } from '../rules/packIdentity';
import { signedStatementText } from './formStatementService';

/**
 * Builds the printed documents from the ledger and renders them in main (PDF bytes in memory,
 * never a temp file). Every print of a personal record is written to the access log.
 */
function office(app: MasaApp) {
  const o = app.officeInfo();
  return { province: o.provinceName, desk: o.deskCode };
}

function localNow(app: MasaApp): string {
  return turkeyParts(app.now()).dateTime;
}

function localFromUtc(iso: string): string {
  return turkeyParts(new Date(iso)).dateTime;
}

function clerkName(db: ReadableDB, id: number | null): string {
  if (id === null) return '—';
  return usersQ.userById(db, id)?.display_name ?? `#${id}`;
}

function requireRegistration(db: ReadableDB, registrationNo: string) {
  const reg = registrationsQ.byNo(db, registrationNo);
  if (!reg) throw new AppError('REGISTRATION_NOT_FOUND');
  const appt = appointmentsQ.appointmentByNo(db, reg.randevu_no)!;
  if (isErasedAppointment(appt)) throw new AppError('RECORD_ERASED');
  // A reversed outcome is no longer the decision: its paper would tell the mother something untrue.
  if (reg.state !== 'ACTIVE') throw new AppError('REGISTRATION_REVERSED', { registrationNo: reg.registration_no });
  return { reg, appt, facts: JSON.parse(reg.facts) as Record<string, string | number | boolean | null> };
}

/** The preview's copy of a rendered PDF; main keeps the bytes too, so "Yazdır" names them by id (print.toPrinter). */
function pdf(app: MasaApp, fileName: string, bytes: Buffer): PrintedDocument {
  const documentId = app.printedDocuments.keep(app.requireSession(), fileName, bytes);
  return { fileName, pdfBase64: bytes.toString('base64'), bytes: bytes.length, documentId };
}

/** Main/reserve placement of one registration, from the accepted registrations of its edition and province. */
export function placementFor(db: ReadableDB, programCode: string, provinceCode: string, registrationNo: string, asOf: string, pack: RulePack | undefined = getRulePack(programCode)): string {
  if (!pack) throw new AppError('PACK_UNKNOWN', { programCode });
  const quota = pack.provinces.find((p) => p.code === provinceCode)?.quota ?? 0;
  const rows = listRows(db, programCode, provinceCode, asOf);
  // One mother's place needs no names (tr-TR title case of 20,000 names costs more than the list).
  const lists = computeLists(listEntries(rows, false), quota, leftEvents(rows), asOf);
  const p = placementOf(lists, registrationNo);
  return p ? formatPlacement(p) : '—';
}

// As of a day (Turkey time): only what was registered, and not yet reversed, by the end of that day.
function listRows(db: ReadableDB, programCode: string, provinceCode: string, asOf: string): registrationsQ.ListRow[] {
  return registrationsQ.acceptedForList(db, programCode, provinceCode, turkeyDayBoundsUtc(asOf).end);
}

function leftEvents(rows: registrationsQ.ListRow[]) {
  return rows.filter((r) => r.left_main_list_at).map((r) => ({ registrationNo: r.registration_no, at: r.left_main_list_at!, reason: r.left_reason ?? '' }));
}

function listEntries(rows: registrationsQ.ListRow[], withNames = true): ListEntry[] {
  return rows.map((r) => ({
    registrationNo: r.registration_no,
    randevuNo: r.randevu_no,
    preRegisteredAt: r.pre_registered_at,
    motherName: withNames ? trTitle(`${r.mother_first_name} ${r.mother_last_name}`) : '',
    motherTckn: r.mother_tckn,
  }));
}

/**
 * The decision document of a registration (Kesin Kayıt Formu, Ret or Eksik Evrak notice) with
 * the QR of its signed statement. A reprint (office head, `print.reprint`) is marked as such and
 * carries the same statement: the statement depends on the ledger only, not on the print.
 */
export async function printRegistrationDocument(app: MasaApp, registrationNo: string, options: { reprint?: boolean } = {}): Promise<PrintedDocument> {
  const db = app.requireStore().reader;
  const { reg, appt, facts } = requireRegistration(db, registrationNo);
  const reprint = options.reprint === true;
  // The pack that decided (by its recorded hash), so a later edition does not reword an old form.
  const decided = decisionPackOf(app, reg.pack_hash);
  const pack = decided?.pack ?? packFor(app, reg.program_code);
  const motherName = trTitle(`${appt.mother_first_name} ${appt.mother_last_name}`);
  const str = (k: string) => (typeof facts[k] === 'string' ? (facts[k] as string) : null);
  const decision = JSON.parse(reg.decision) as {
    failedRules: { code: string; text: { tr: string } }[];
    missingDocuments: { code: string; label: { tr: string } }[];
    supportType: { label: { tr: string } } | null;
  };
  const common = { office: office(app), printedAt: localNow(app), rulePack: (decided?.identity ?? identityOfPack(pack)).label, statement: signedStatementText(app, reg), reprint };
  let bytes: Buffer;
  let kind: string;
  if (reg.outcome === 'KESIN_KAYIT') {
    kind = 'kesin-kayit-formu';
    bytes = await renderFinalRegistrationForm({
      ...common,
      registrationNo: reg.registration_no,
      appointmentNo: reg.randevu_no,
      registeredAt: localFromUtc(reg.registered_at),
      editionName: pack.name.tr,
      // What the ledger knows about each person, or null (printed as an empty field): never
      // another person's number or date in place of a missing one.
      mother: { fullName: motherName, tckn: reg.mother_tckn, birthDate: appt.mother_birth_date ?? str('mother.birthDate') },
      child: { fullName: str('child.fullName') ?? '—', tckn: reg.child_tckn ?? appt.child_tckn ?? str('child.tckn'), birthDate: str('child.birthDate') ?? appt.child_birth_date },
      careProvider: reg.institution_name
        ? { kind: 'institution', name: reg.institution_name }
        : { kind: 'caregiver', fullName: str('caregiver.fullName') ?? '—', tckn: reg.caregiver_tckn ?? str('caregiver.tckn'), ...(str('caregiver.birthDate') ? { birthDate: str('caregiver.birthDate')! } : {}) },
      support: { typeText: decision.supportType?.label.tr ?? reg.support_type ?? '—', monthlyAmountMinor: reg.monthly_amount_cents ?? 0, currency: pack.currency },
      placement: placementFor(db, reg.program_code, reg.province_code, reg.registration_no, turkeyParts(app.now()).date, packFor(app, reg.program_code)),
      obligations: pack.obligations.map((o) => o.tr),
      clerkName: clerkName(db, reg.clerk_id),
    });
  } else {
    kind = reg.outcome === 'RET' ? 'ret-bildirimi' : 'eksik-evrak-bildirimi';
    const follow = reg.new_appointment_no ? appointmentsQ.appointmentByNo(db, reg.new_appointment_no) : undefined;
    bytes = await renderDecisionNotice({
      ...common,
      decision: reg.outcome === 'RET' ? 'rejected' : 'missingDocuments',
      appointmentNo: reg.randevu_no,
      decidedAt: localFromUtc(reg.registered_at),
      editionName: pack.name.tr,
      mother: { fullName: motherName, tckn: reg.mother_tckn },
      reasons: decision.failedRules.map((r) => ({ code: r.code, text: r.text.tr })),
      missingDocuments: decision.missingDocuments.map((d) => d.label.tr),
      newAppointment: reg.outcome === 'EKSIK_EVRAK' && follow ? { date: follow.date, time: follow.time } : null,
      clerkName: clerkName(db, reg.clerk_id),
    });
  }
  recordAccess(app, 'printed', `appointment:${reg.randevu_no}`, { document: kind, registrationNo: reg.registration_no, ...(reprint ? { reprint: true } : {}) });
  // The file name carries the registration number only: never a name or a T.C. Kimlik No.
  return pdf(app, `${kind}-${reg.registration_no}.pdf`, bytes);
}

/** Reprint of a decision document by its registration number or, for a refusal notice, its Randevu No. */
export function reprintRegistrationDocument(app: MasaApp, input: { registrationNo?: string; randevuNo?: string }): Promise<PrintedDocument> {
  const db = app.requireStore().reader;
  let registrationNo = input.registrationNo;
  if (input.randevuNo !== undefined) {
    if (!appointmentsQ.appointmentByNo(db, input.randevuNo)) throw new AppError('APPOINTMENT_NOT_FOUND', { randevuNo: input.randevuNo });
    const reg = registrationsQ.activeForAppointment(db, input.randevuNo);
    if (!reg) throw new AppError('REGISTRATION_NOT_FOUND');
    registrationNo = reg.registration_no;
  }
  return printRegistrationDocument(app, registrationNo!, { reprint: true });
}

const OUTCOME: Record<string, AppointmentOutcome> = {
  KESIN_KAYIT: 'finalRegistration',
  RET: 'rejected',
  EKSIK_EVRAK: 'missingDocuments',
  GELMEDI: 'noShow',
  IPTAL: 'cancelled',
};

/** The chain head of a day before anything was recorded: the genesis "previous hash". */
const NO_EVENTS_HEAD = '0'.repeat(64);

/**
 * The support currency of the day's editions, from their rule packs. The rule pack schema
 * allows EUR only, so the day has one currency; a pack in another currency would need a total
 * per currency before it could be added here.
 */
function currencyOf(app: MasaApp, programCodes: string[]): 'EUR' | 'TL' {
  for (const c of new Set(programCodes)) {
    try {
      return packFor(app, c).currency;
    } catch {
      // An edition without a pack: its rows carry no amounts.
    }
  }
  return 'EUR';
}

export async function printDailyReport(app: MasaApp, date: string): Promise<PrintedDocument> {
  const db = app.requireStore().reader;
  const session = app.requireSession();
  const rows = reconQ.dayAppointmentsWithOutcome(db, date);
  const regs = new Map(rows.filter((r) => r.reg_no).map((r) => [r.reg_no!, registrationsQ.byNo(db, r.reg_no!)!]));
  const editions = [...new Set(rows.map((r) => r.program_code))].map((c) => {
    try {
      return packFor(app, c).name.tr;
    } catch {
      return c;
    }
  });
  const bytes = await renderDailyReport({
    office: office(app),
    printedAt: localNow(app),
    day: date,
    editionNames: editions.length ? editions : ['—'],
    supportCurrency: currencyOf(app, rows.map((r) => r.program_code)),
    appointments: rows.map((r) => {
      const reg = r.reg_no ? regs.get(r.reg_no) : undefined;
      const outcome = OUTCOME[r.status] ?? 'pending';
      return {
        time: r.time,
        appointmentNo: r.randevu_no,
        motherName: trTitle(`${r.mother_first_name} ${r.mother_last_name}`),
        outcome,
        clerkName: reg ? clerkName(db, reg.clerk_id) : null,
        monthlySupportMinor: outcome === 'finalRegistration' ? (reg?.monthly_amount_cents ?? 0) : null,
      };
    }),
    maskMotherNames: false,
    clerksOnDuty: ledgerInfoQ.checkInUsers(db, date).map((id) => clerkName(db, id)),
    // The last event recorded up to the end of that day (Turkey time): a reprint of an earlier
    // day names the same head as on the day, whatever was recorded since.
    ledgerChainHead: reconQ.headAt(db, turkeyDayBoundsUtc(date).end)?.hash ?? NO_EVENTS_HEAD,
    officeHeadName: session.displayName,
  });
  app.requireStore().ledger.record({ type: 'report.printed', entity: `day:${date}`, userId: session.userId }, (w) => w.note({ date, appointments: rows.length }));
  return pdf(app, `gunluk-rapor-${date}.pdf`, bytes);
}

export async function printPlacementList(app: MasaApp, input: { programCode: string; provinceCode?: string; maskTckn?: boolean }): Promise<PrintedDocument> {
  const db = app.requireStore().reader;
  const session = app.requireSession();
  const pack = packFor(app, input.programCode);
  const province = input.provinceCode ?? app.officeInfo().provinceCode;
  const quota = pack.provinces.find((p) => p.code === province)?.quota;
  if (quota === undefined) throw new AppError('PROVINCE_NOT_IN_PACK', { programCode: pack.code, provinceCode: province });
  const asOf = turkeyParts(app.now());
  const rows = listRows(db, pack.code, province, asOf.date);
  const lists = computeLists(listEntries(rows), quota, leftEvents(rows), asOf.date);
  const bytes = await renderPlacementList({
    office: office(app),
    printedAt: asOf.dateTime,
    editionName: pack.name.tr,
    quota,
    asOf: asOf.dateTime,
    maskTckn: input.maskTckn ?? true,
    rows: lists.map((l) => ({
      rank: l.position,
      list: l.list === 'ASIL' ? 'main' : 'reserve',
      registrationNo: l.registrationNo,
      appointmentNo: l.randevuNo,
      motherName: l.motherName,
      motherTckn: l.motherTckn,
      preRegisteredAt: l.preRegisteredAt,
    })),
  });
  app.requireStore().ledger.record({ type: 'list.printed', entity: `list:${pack.code}:${province}`, userId: session.userId }, (w) => w.note({ rows: lists.length }));
  return pdf(app, `asil-yedek-listesi-${pack.code}-${province}.pdf`, bytes);
}

/** The editions and provinces the office head can print an Asil / Yedek list for. */
export function placementListOptions(app: MasaApp): PlacementListOptions {
  return {
    editions: [...new Set(allPacks(app).map((p) => p.code))].map((c) => packFor(app, c)).map((p) => ({
      code: p.code,
      name: { tr: p.name.tr, en: p.name.en },
      provinces: p.provinces.map((v) => ({ code: v.code, name: v.name, quota: v.quota })),
    })),
    officeProvinceCode: app.officeInfo().provinceCode,
  };
}
