/**
 * Rules bench: decisions per second over 100,000 generated applications (pure evaluation)
 * and the main/reserve list recomputation for a province of 20,000 registrations. Baseline:
 * building the same facts objects (and a plain sort of the same entries) in the same process.
 *
 *   npx tsx bench/rules.ts
 */
import { ibanFrom } from '../main/domain/iban';
import { tcknFromPrefix } from '../main/domain/tckn';
import { computeLists, decide, getRulePack, type ListEntry } from '../main/rules';
import { median, verdict } from './stats';

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
