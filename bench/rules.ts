/**
 * Rules bench: decisions per second over 100,000 generated applications (pure evaluation)
 * and the main/reserve list recomputation for a province of 20,000 registrations. Baseline:
 * building the same facts objects (and a plain sort of the same entries) in the same process.
 *
 *   npx tsx bench/rules.ts [--print]
 */
import { ibanFrom } from '../main/domain/iban';
import { tcknFromPrefix } from '../main/domain/tckn';
import { computeLists, decide, getRulePack, type ListEntry } from '../main/rules';
import { median, verdict } from './stats';
import { benchRulePacks } from './rulePacks';

const pack = getRulePack('EVDE-2015')!;
const N = 100_000;
const M = tcknFromPrefix('123456789');
const IBAN = ibanFrom('00012', '0000000012345678');
const dates = { preRegistration: '2015-06-25T10:00:05', finalRegistration: '2015-07-15' };
const docs = { KIMLIK_ANNE: true, KIMLIK_BAKICI: true, CALISMA_UCRET_BELGESI: true, BANKA_TAAHHUT_FORMU: true, BANKA_HESAP_BILGILERI: true, BAKICI_DIPLOMA: true, EK9_KAYIT_FORMU: true, BASVURU_FORMU: true };
const relations = ['YOK', 'TEYZE', 'KARDES', 'ANNE', 'KUZEN'];
function facts(i: number) {
  return {
    'mother.tckn': M, 'mother.citizen': true, 'mother.iban': IBAN, 'child.fullName': 'Elif Öztürk', 'child.tckn': M,
    'child.birthDate': `2013-${String((i % 12) + 1).padStart(2, '0')}-15`, 'caregiver.sex': i % 17 ? 'K' : 'E', 'caregiver.citizen': true,
    'caregiver.fullName': 'Gülizar Çelik', 'caregiver.tckn': M, 'caregiver.birthDate': `19${70 + (i % 29)}-03-01`, 'caregiver.iban': IBAN,
    'mother.residenceProvince': '35', 'mother.livesWithChild': true, 'mother.maternityLeaveOver': true, 'mother.employment': 'TAM_ZAMANLI_SOZLESMELI',
    'mother.workStart': '2015-03-01', 'mother.grossWage': 150000 + (i % 200) * 1000, 'mother.maritalStatus': i % 5 ? 'EVLI' : 'BOSANMIS',
    'mother.singleParent': i % 7 === 0, 'mother.isProgrammeCaregiver': false, 'child.disabled': i % 11 === 0, 'caregiver.residenceProvince': '35',
    'caregiver.relation': relations[i % relations.length]!, 'caregiver.livesInSameHome': i % 2 === 0, 'caregiver.education': 'LISE',
    'caregiver.fullTimeInsured': true, 'caregiver.ek9Date': '2015-07-01', 'caregiver.certified': i % 13 === 0,
  };
}

const base: number[] = [];
const rates: number[] = [];
const outcomes: Record<string, number> = {};
for (let run = 0; run < 5; run++) {
  let t = performance.now();
  const all = Array.from({ length: N }, (_, i) => facts(i));
  base.push(performance.now() - t);
  t = performance.now();
  for (const f of all) {
    const d = decide(pack, f, dates, docs);
    if (run === 0) outcomes[d.outcome] = (outcomes[d.outcome] ?? 0) + 1;
  }
  rates.push(N / ((performance.now() - t) / 1000));
}
const rate = median(rates);
console.log(`decide(): ${N.toLocaleString('en')} applications, median of 5: ${Math.round(rate).toLocaleString('en')} decisions/s   target >= 50,000/s ${verdict(rate >= 50_000)}`);
console.log(`   baseline (building the facts objects): ${median(base).toFixed(0)} ms per 100k; outcomes ${JSON.stringify(outcomes)}`);

// Rule packs as signed files: load + signature + check, and decisions/s before/after choosing the pack.
await benchRulePacks();

const entries: ListEntry[] = Array.from({ length: 20_000 }, (_, i) => ({
  registrationNo: `35M01-2015-${String(i).padStart(6, '0')}`,
  randevuNo: `35-2015-${String((i * 7919) % 20_000).padStart(6, '0')}`,
  preRegisteredAt: `2015-06-25T${String(10 + Math.floor(i / 3600)).padStart(2, '0')}:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
  motherName: 'Anne',
  motherTckn: M,
}));
const left = Array.from({ length: 500 }, (_, i) => ({ registrationNo: entries[i * 13]!.registrationNo, at: '2015-09-01', reason: 'test' }));
const listTimes: number[] = [];
const sortTimes: number[] = [];
for (let run = 0; run < 7; run++) {
  let t = performance.now();
  computeLists(entries, 1750, left, '2015-10-01');
  listTimes.push(performance.now() - t);
  t = performance.now();
  [...entries].sort((a, b) => (a.preRegisteredAt < b.preRegisteredAt ? -1 : 1));
  sortTimes.push(performance.now() - t);
}
const lm = median(listTimes);
console.log(`lists: 20,000 registrations, 500 left the main list, median of 7: ${lm.toFixed(1)} ms (${(lm / median(sortTimes)).toFixed(1)}x a plain sort)   target < 1000 ms ${verdict(lm < 1000)}`);

// ---------------------------------------------------------------------------------------------
// The same list as the app builds it: 20,000 registrations in an encrypted ledger (İzmir,
// BAKICI-2020, quota 1,750), the list computed through the query and service the app uses
// (registrations.acceptedForList -> placementFor -> computeLists) and through the handler
// table (lists.placement), as of today and as of past days (registrations of later days left
// out, registrations reversed later kept). Setup, not timed: one registration through the real
// handlers (check-in, wizard start, confirm), the other 19,999 cloned from it into ledger events
// of 1,000 rows (registered over two days), then 200 reversals and 500 main-list leavings
// through the handlers.
// ---------------------------------------------------------------------------------------------
{
  const { TEST_KDF, tempDir } = await import('../database/testing/fixtures');
  const { MasaApp } = await import('../main/app/masaApp');
  const { dispatch } = await import('../main/handlers/router');
  const { seedAppointments } = await import('../main/testing/seed');
  const { BAKICI_DOCUMENTS, bakiciFacts } = await import('../main/testing/facts');
  const { registrations: registrationsQ } = await import('../database');
  const { placementFor } = await import('../main/services/printService');
  const { turkeyDayBoundsUtc } = await import('../main/domain/turkeyTime');

  const SIZE = 20_000;
  let now = new Date('2026-11-24T08:00:00Z');
  const app = new MasaApp({ dataDir: tempDir('masa-bench-lists-'), kdf: TEST_KDF, now: () => now });
  const PW = 'Bench-Parola-2026';
  const ok = async (name: string, input: unknown): Promise<any> => {
    const r = await dispatch(app, name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
    return r.value;
  };
  await ok('setup.create', { username: 'mudur', displayName: 'Bench Müdür', password: PW, passwordRepeat: PW, provinceCode: '35', deskCode: 'M01' });
  const t0 = performance.now();
  const rows = seedAppointments(app, { date: '2026-11-24', count: SIZE, programCode: 'BAKICI-2020' });
  await ok('desk.checkIn', { randevuNo: rows[0]!.randevuNo });
  const ctx = await ok('registration.start', { randevuNo: rows[0]!.randevuNo });
  const first = await ok('registration.confirm', { randevuNo: rows[0]!.randevuNo, submissionId: ctx.submissionId, facts: { ...ctx.draft!.facts, ...bakiciFacts() }, documents: BAKICI_DOCUMENTS, newAppointment: null });
  const store = app.requireStore();
  const template = registrationsQ.byNo(store.db, first.registrationNo)!;
  const prefix = first.registrationNo.slice(0, -6);
  const regNos = [first.registrationNo];
  for (let i = 1; i < SIZE; i += 1000) {
    // The first half registered on 24.11, the second on 25.11 (Turkey time).
    now = new Date(i < SIZE / 2 ? '2026-11-24T09:00:00Z' : '2026-11-25T09:00:00Z');
    store.ledger.record({ type: 'registration.recorded', entity: 'bench', userId: 1 }, (w) => {
      for (let j = i; j < Math.min(SIZE, i + 1000); j++) {
        const a = rows[j]!;
        const no = `${prefix}${String(j + 1).padStart(6, '0')}`;
        regNos.push(no);
        w.put('registrations', {
          ...template,
          registration_no: no,
          randevu_no: a.randevuNo,
          mother_tckn: a.motherTckn,
          child_tckn: a.childTckn,
          pre_registered_at: a.preRegisteredAt,
          registered_at: now.toISOString(),
          submission_id: `bench-${j}`,
          updated_seq: w.seq,
        });
      }
    });
  }
  now = new Date('2026-11-26T08:00:00Z');
  await ok('auth.unlock', { password: PW });
  const reversed = new Set(Array.from({ length: 200 }, (_, i) => regNos[i * 97 + 5]!));
  for (const no of reversed) await ok('registration.reverse', { registrationNo: no, reason: 'Bench: yanlış kayıt geri alındı' });
  const leaving = regNos.filter((no, i) => i % 37 === 11 && !reversed.has(no)).slice(0, 500);
  for (const no of leaving) await ok('lists.leaveMainList', { registrationNo: no, reason: 'Bench: anne listeden ayrıldı', date: '2026-11-25' });
  console.log(`\nledger-backed lists: ${SIZE.toLocaleString('en')} registrations in an encrypted ledger, 200 reversed on 26.11, 500 left on 25.11 (set up in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);

  const probe = regNos[SIZE - 1]!;
  const db = store.db;
  const runs = 7;
  const time = (f: () => unknown) => {
    const xs: number[] = [];
    for (let r = 0; r < runs; r++) {
      const t = performance.now();
      f();
      xs.push(performance.now() - t);
    }
    return median(xs);
  };
  const timeAsync = async (f: () => Promise<unknown>) => {
    const xs: number[] = [];
    for (let r = 0; r < runs; r++) {
      const t = performance.now();
      await f();
      xs.push(performance.now() - t);
    }
    return median(xs);
  };
  const inMemory = lm;
  for (const [asOf, what] of [
    ['2026-11-26', 'today: 19,800 rows (reversed ones out), 500 left'],
    ['2026-11-25', 'past day: all 20,000 (the 200 reversed later kept), 500 left that day'],
    ['2026-11-24', 'past day: the first half, registered by then'],
  ] as const) {
    const rowsAsOf = registrationsQ.acceptedForList(db, 'BAKICI-2020', '35', turkeyDayBoundsUtc(asOf).end).length;
    const q = time(() => registrationsQ.acceptedForList(db, 'BAKICI-2020', '35', turkeyDayBoundsUtc(asOf).end));
    const s = time(() => placementFor(db, 'BAKICI-2020', '35', probe, asOf));
    console.log(
      `   as of ${asOf} (${what}; query returns ${rowsAsOf.toLocaleString('en')}), median of ${runs}: query ${q.toFixed(1)} ms, placementFor (query + computeLists) ${s.toFixed(1)} ms (${(s / inMemory).toFixed(1)}x the in-memory list)   target < 1000 ms ${verdict(s < 1000)}   -> ${placementFor(db, 'BAKICI-2020', '35', probe, asOf)}`,
    );
  }
  const { trTitle } = await import('../main/domain/turkishText');
  const named = registrationsQ.acceptedForList(db, 'BAKICI-2020', '35', turkeyDayBoundsUtc('2026-11-26').end);
  const names = time(() => named.map((r) => trTitle(`${r.mother_first_name} ${r.mother_last_name}`)));
  console.log(`   the printed list also title-cases every mother's name (tr-TR): ${named.length.toLocaleString('en')} names, median of ${runs}: ${names.toFixed(1)} ms`);
  const h = await timeAsync(() => ok('lists.placement', { registrationNo: probe, date: '2026-11-25' }));
  console.log(`   lists.placement through the handler table, as of 2026-11-25, median of ${runs}: ${h.toFixed(1)} ms   target < 1000 ms ${verdict(h < 1000)}`);
  if (process.argv.includes('--print')) {
    // The whole list as a PDF (about a minute for 19,800 rows on the 2-core CI machine): opt-in.
    const printTimes: number[] = [];
    let bytes = 0;
    for (let r = 0; r < 3; r++) {
      const t = performance.now();
      const doc = await ok('print.placementList', { programCode: 'BAKICI-2020' });
      printTimes.push(performance.now() - t);
      bytes = doc.bytes;
    }
    console.log(`   print.placementList (the whole list as a PDF, ${(bytes / 1024 / 1024).toFixed(1)} MB), median of 3: ${median(printTimes).toFixed(0)} ms`);
  } else {
    console.log('   print.placementList (the whole list as a PDF) not timed: add --print');
  }
  app.shutdown();
}
