/**
 * Synthetic but realistic document models for tests, the bench and the example images:
 * long Turkish names with every Turkish letter, valid (made-up) T.C. Kimlik numbers, real
 * programme figures. Deterministic, so a failing page can be reproduced.
 */
import { tcknFromPrefix } from '../../domain/tckn';
import type {
  AppointmentOutcome,
  DailyReportModel,
  DailyReportRow,
  DecisionNoticeModel,
  FinalRegistrationFormModel,
  PlacementListModel,
  PlacementListRow,
} from '../models';

/** Every letter Turkish adds to ASCII, upper and lower case. */
export const TURKISH_LETTERS = 'İıŞşĞğÇçÖöÜü';

export const LONG_MOTHER_NAME = 'Gülşen Özdemir Çağlayan-Işıkoğlu';
export const LEDGER_HEAD = '9f3c2a7be41d08c6f5a2e9b7c3d10f84a6e2b5c9d7f1038e4b2a6c9d0e7f1a35';

const FIRST_NAMES = [
  'Ayşe', 'Gülşen', 'Şükran', 'Çiğdem', 'Özlem', 'Ülkü', 'İpek', 'Ilgın', 'Gönül', 'Işıl',
  'Nurşen', 'Büşra', 'Hülya', 'Sevgül', 'Dilek', 'Zeynep', 'Fadime', 'Gülizar', 'Şeyma', 'Öykü',
];
const SURNAMES = [
  'Yılmaz', 'Özdemir', 'Şahin', 'Çelik', 'Öztürk', 'Aydın', 'Güneş', 'Doğan', 'Kılıç', 'Ünal',
  'Ertuğrul', 'İnce', 'Akgül', 'Karaağaçlı', 'Çağlayan-Işıkoğlu', 'Söğüt', 'Işık', 'Ağaoğlu',
];
const CLERKS = ['Şerife Gündoğdu', 'İsmail Çakır', 'Ömer Faruk Işıkçı', 'Gülay Öztaş'];

/** A tiny deterministic PRNG (mulberry32): same seed, same data, same pages. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(items: readonly T[], r: () => number): T {
  return items[Math.floor(r() * items.length)]!;
}

/** A valid T.C. Kimlik No derived from a number, so that rows differ and checksums hold. */
function syntheticTckn(n: number): string {
  return tcknFromPrefix(String(100_000_000 + ((n * 7_919) % 800_000_000)));
}

function syntheticName(r: () => number): string {
  const first = r() < 0.25 ? `${pick(FIRST_NAMES, r)} ${pick(FIRST_NAMES, r)}` : pick(FIRST_NAMES, r);
  return `${first} ${pick(SURNAMES, r)}`;
}

const office = { province: 'İzmir', desk: '3' };

export const OBLIGATIONS = [
  'Her ay 30 gün çalışmak (yıllık izin ve istirahat süreleri hariç).',
  'Çocuk bakıcısının ücretini her ay zamanında ödemek; ücreti üç ay geç ödenirse destek sona erer.',
  'Çocuk bakıcısı için her ay 30 gün prim bildirilmesini sağlamak; 30 günden az bildirilen ay için ödeme yapılmaz.',
  'Bakıcının uğradığı iş kazalarını İl Müdürlüğüne bildirmek.',
  // Capitals for emphasis, as rule packs do: also puts upper-case Ç, Ğ, Ö in the test data.
  'ÖNEMLİ: Evlenme, boşanma, işten ayrılma, ölüm ve ÇOCUĞUNUZLA ilgili DEĞİŞİKLİKLERİ 15 GÜN İÇİNDE İl Müdürlüğüne bildirmek.',
  'Habersiz ev ziyaretlerinde bakıcı ve çocuğun mazeretsiz üç kez evde bulunmaması ya da usulsüzlük tespiti hâlinde destek iptal edilir.',
  'İşini kaybeden anne bir ay içinde İŞKUR aracılığıyla yeni iş ve/veya bakıcı arar ve İl Müdürlüğüne bilgi verir.',
  'Gerçeğe aykırı beyanda suç duyurusunda bulunulur, destek kesilir ve ödenen tutarlar yasal faiziyle geri alınır.',
];

export function sampleFinalRegistrationForm(): FinalRegistrationFormModel {
  return {
    office,
    printedAt: '2015-07-02T14:32:10',
    registrationNo: 'KK35-2015-001204',
    appointmentNo: '35-2015-004711',
    registeredAt: '2015-07-02T14:31:55',
    editionName: 'Evde Çocuk Bakım Desteği 2015 – İzmir',
    mother: { fullName: LONG_MOTHER_NAME, tckn: syntheticTckn(1), birthDate: '1988-03-14' },
    child: { fullName: 'Ilgın Çağlayan-Işıkoğlu', tckn: syntheticTckn(2), birthDate: '2014-09-30' },
    careProvider: {
      kind: 'caregiver',
      fullName: 'Şükriye Ağaoğlu Gümüşçü',
      tckn: syntheticTckn(3),
      birthDate: '1971-11-02',
    },
    support: {
      typeText: 'Sertifikalı çocuk bakıcısı çalıştıran anne (MEB / İŞKUR onaylı)',
      monthlyAmountMinor: 390_00,
      currency: 'EUR',
    },
    placement: 'Asil 1.204 / 1.750',
    obligations: OBLIGATIONS,
    clerkName: 'Şerife Gündoğdu',
  };
}

export function sampleDecisionNotice(decision: DecisionNoticeModel['decision']): DecisionNoticeModel {
  const base = {
    office,
    printedAt: '2015-07-02T11:05:00',
    appointmentNo: '35-2015-004712',
    decidedAt: '2015-07-02T11:04:41',
    editionName: 'Evde Çocuk Bakım Desteği 2015 – İzmir',
    mother: { fullName: LONG_MOTHER_NAME, tckn: syntheticTckn(1) },
    clerkName: 'İsmail Çakır',
  };
  if (decision === 'rejected') {
    return {
      ...base,
      decision,
      reasons: [
        {
          code: 'CHILD_AGE',
          text: 'Çocuğunuz ön kayıt tarihinde 24 aylıktan büyüktür (ön kayıt anında 26 ay); program 0-24 aylık (24. ay dâhil) çocuklar içindir.',
        },
        {
          code: 'KINSHIP_LIVE_IN',
          text: 'Bakıcı, aynı evde oturan üçüncü derece akrabanızdır (teyze); aynı evde oturan bakıcı için 3. dereceye kadar akrabalık bulunmamalıdır.',
        },
      ],
      missingDocuments: [],
      newAppointment: null,
    };
  }
  return {
    ...base,
    decision,
    reasons: [
      { code: 'DOC_EK9', text: 'Bakıcının Ek-9 kapsamında sigorta kaydını gösteren belge getirilmemiştir.' },
    ],
    missingDocuments: [
      'Anne ve bakıcının imzaladığı Ek-9 sigortalı işe giriş bildirgesi',
      'Banka Taahhüt Formu (Halkbank)',
      'Bakıcının ilkokul veya daha üst öğrenim diploması',
      'Çocuğun sağlık kurulu raporu veya engelli kimlik kartı (varsa)',
    ],
    newAppointment: { date: '2015-07-09', time: '10:40' },
  };
}

const OUTCOMES: Array<[AppointmentOutcome, number]> = [
  ['finalRegistration', 0.62],
  ['rejected', 0.08],
  ['missingDocuments', 0.1],
  ['noShow', 0.15],
  ['cancelled', 0.05],
];

function syntheticOutcome(r: () => number): AppointmentOutcome {
  let x = r();
  for (const [outcome, share] of OUTCOMES) {
    if (x < share) return outcome;
    x -= share;
  }
  return 'finalRegistration';
}

export function sampleDailyReport(count = 300, maskMotherNames = false): DailyReportModel {
  const r = prng(42);
  const appointments: DailyReportRow[] = [];
  for (let i = 0; i < count; i++) {
    const minutes = 8 * 60 + 30 + Math.floor((i * 480) / Math.max(count, 1));
    const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    const outcome = syntheticOutcome(r);
    const handled = outcome !== 'noShow' && outcome !== 'cancelled';
    appointments.push({
      time,
      appointmentNo: `35-2015-${String(4000 + i).padStart(6, '0')}`,
      motherName: i === 0 ? LONG_MOTHER_NAME : syntheticName(r),
      outcome,
      clerkName: handled ? pick(CLERKS, r) : null,
      monthlySupportMinor: outcome === 'finalRegistration' ? (r() < 0.7 ? 300_00 : 390_00) : null,
    });
  }
  return {
    office,
    printedAt: '2015-07-02T17:45:00',
    day: '2015-07-02',
    editionNames: ['Evde Çocuk Bakım Desteği 2015 – İzmir'],
    supportCurrency: 'EUR',
    appointments,
    maskMotherNames,
    ledgerChainHead: LEDGER_HEAD,
    officeHeadName: 'Müberra Çiçekoğlu',
  };
}

export function samplePlacementList(count = 2000, maskTckn = true, quota = 1750): PlacementListModel {
  const r = prng(7);
  const rows: PlacementListRow[] = [];
  const start = Date.UTC(2015, 5, 25, 10, 0, 0);
  for (let i = 0; i < count; i++) {
    const list = i < quota ? 'main' : 'reserve';
    // Pre-registrations came in fast after opening: a few seconds apart, in order.
    const t = new Date(start + i * 4_000 + Math.floor(r() * 3_000));
    const preRegisteredAt = t.toISOString().slice(0, 19);
    rows.push({
      rank: list === 'main' ? i + 1 : i - quota + 1,
      list,
      registrationNo: `KK35-2015-${String(i + 1).padStart(6, '0')}`,
      appointmentNo: `35-2015-${String(10_000 + i).padStart(6, '0')}`,
      motherName: i === 0 ? LONG_MOTHER_NAME : syntheticName(r),
      motherTckn: syntheticTckn(1_000 + i),
      preRegisteredAt,
    });
  }
  return {
    office,
    printedAt: '2015-08-03T09:15:00',
    editionName: 'Evde Çocuk Bakım Desteği 2015',
    quota,
    asOf: '2015-08-03T09:00:00',
    maskTckn,
    rows,
  };
}
