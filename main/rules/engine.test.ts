import { describe, expect, it } from 'vitest';
import { ibanFrom } from '../domain/iban';
import { tcknFromPrefix } from '../domain/tckn';
import { decide, FactsInvalid, getRulePack, type DecisionDates, type Facts } from '.';

/**
 * Table tests from the domain's edges. Each case starts from a clean application of its pack
 * and changes what the case is about; the expected outcome, failed rule codes, missing
 * documents and amount are the assertion.
 */
const MOTHER = tcknFromPrefix('123456789');
const CHILD = tcknFromPrefix('223456789');
const CARER = tcknFromPrefix('323456789');
const IBAN_M = ibanFrom('00012', '0000000012345678');
const IBAN_C = ibanFrom('00012', '0000000087654321');

const evdeBase: Facts = {
  'mother.tckn': MOTHER,
  'mother.citizen': true,
  'mother.iban': IBAN_M,
  'child.fullName': 'Elif Öztürk',
  'child.tckn': CHILD,
  'child.birthDate': '2014-06-25',
  'caregiver.sex': 'K',
  'caregiver.citizen': true,
  'caregiver.fullName': 'Gülizar Çelik',
  'caregiver.tckn': CARER,
  'caregiver.birthDate': '1980-03-01',
  'caregiver.iban': IBAN_C,
  'mother.residenceProvince': '35',
  'mother.livesWithChild': true,
  'mother.maternityLeaveOver': true,
  'mother.employment': 'TAM_ZAMANLI_SOZLESMELI',
  'mother.workStart': '2015-03-01',
  'mother.grossWage': 200000,
  'mother.maritalStatus': 'EVLI',
  'mother.singleParent': false,
  'mother.isProgrammeCaregiver': false,
  'child.disabled': false,
  'caregiver.residenceProvince': '35',
  'caregiver.relation': 'YOK',
  'caregiver.livesInSameHome': true,
  'caregiver.education': 'LISE',
  'caregiver.fullTimeInsured': true,
  'caregiver.ek9Date': '2015-07-01',
  'caregiver.certified': false,
};
const evdeDocs = {
  KIMLIK_ANNE: true,
  KIMLIK_BAKICI: true,
  CALISMA_UCRET_BELGESI: true,
  BANKA_TAAHHUT_FORMU: true,
  BANKA_HESAP_BILGILERI: true,
  BAKICI_DIPLOMA: true,
  EK9_KAYIT_FORMU: true,
  BASVURU_FORMU: true,
};
const evdeDates: DecisionDates = { preRegistration: '2015-06-25T10:00:05', finalRegistration: '2015-07-15' };

const kurBase: Facts = {
  'mother.tckn': MOTHER,
  'mother.citizen': true,
  'mother.iban': IBAN_M,
  'child.fullName': 'Can Yılmaz',
  'child.tckn': CHILD,
  'child.birthDate': '2017-01-15',
  'institution.name': 'Papatya Anaokulu',
  'mother.residenceProvince': '06',
  'mother.livesWithChild': true,
  'mother.employment': '4A_TAM_ZAMANLI',
  'mother.hireNoticeDate': '2019-09-01',
  'mother.averageEarnings': 400000,
  'mother.maritalStatus': 'EVLI',
  'institution.mebAffiliated': true,
  'child.attendsRegularly': true,
};
const kurDocs = { KIMLIK_ANNE: true, KURUM_KAYIT_BELGESI: true, ISE_GIRIS_BILDIRGESI: true, BANKA_HESAP_BILGILERI: true, BASVURU_FORMU: true };
const kurDates: DecisionDates = { preRegistration: '2019-10-15T09:00:00', finalRegistration: '2019-11-05' };

const bakBase: Facts = {
  'mother.tckn': MOTHER,
  'mother.iban': IBAN_M,
  'child.fullName': 'Zeynep Işık',
  'child.tckn': CHILD,
  'child.birthDate': '2020-03-10',
  'caregiver.fullName': 'Ümran Doğan',
  'caregiver.tckn': CARER,
  'caregiver.birthDate': '1985-05-05',
  'caregiver.iban': IBAN_C,
  'mother.residenceProvince': '34',
  'mother.employment': '4A_KISMI',
  'mother.onMaternityLeave': false,
  'child.specialNeeds': false,
  'caregiver.trainingCertificate': true,
  'caregiver.monthlyWage': 300000,
};
const bakDocs = { KIMLIK_ANNE: true, KIMLIK_BAKICI: true, BAKICI_EGITIM_SERTIFIKASI: true, BAKICI_UCRET_BELGESI: true, BANKA_HESAP_BILGILERI: true, BASVURU_FORMU: true };
const bakDates: DecisionDates = { preRegistration: '2020-09-01T11:00:00', finalRegistration: '2020-12-31' };

interface Case {
  name: string;
  facts?: Facts;
  docs?: Record<string, boolean>;
  dates?: Partial<DecisionDates>;
  outcome: 'KESİN KAYIT' | 'RET' | 'EKSİK EVRAK';
  failed?: string[];
  missing?: string[];
  amount?: number | null;
  support?: string;
}

function run(pack: string, base: Facts, docs: Record<string, boolean>, dates: DecisionDates, cases: Case[]) {
  describe(pack, () => {
    for (const c of cases) {
      it(c.name, () => {
        const d = decide(getRulePack(pack)!, { ...base, ...c.facts }, { ...dates, ...c.dates }, { ...docs, ...c.docs });
        expect(d.outcome).toBe(c.outcome);
        expect(d.failedRules.map((r) => r.code)).toEqual(c.failed ?? []);
        if (c.missing) expect(d.missingDocuments.map((m) => m.code)).toEqual(c.missing);
        if (c.amount !== undefined) expect(d.monthlyAmountCents).toBe(c.amount);
        if (c.support) expect(d.supportType?.code).toBe(c.support);
        expect(d.packCode).toBe(pack);
        expect(d.packHash).toMatch(/^[0-9a-f]{64}$/);
      });
    }
  });
}

run('EVDE-2015', evdeBase, evdeDocs, evdeDates, [
  { name: 'a clean application: KESİN KAYIT, 300 EUR', outcome: 'KESİN KAYIT', amount: 30000, support: 'TEMEL' },
  { name: 'child completes 12 months on the same day (2014-06-25 -> 2015-06-25)', facts: { 'child.birthDate': '2014-06-25' }, outcome: 'KESİN KAYIT' },
  { name: '24th month included: born 2013-06-25', facts: { 'child.birthDate': '2013-06-25' }, outcome: 'KESİN KAYIT' },
  { name: 'born 2013-06-24: 24 completed months on 2015-06-25, still in', facts: { 'child.birthDate': '2013-06-24' }, outcome: 'KESİN KAYIT' },
  { name: '25th month not: born 2013-05-25 (25 completed months)', facts: { 'child.birthDate': '2013-05-25' }, outcome: 'RET', failed: ['COCUK_YAS_24_AY'] },
  { name: 'born yesterday: 0 months', facts: { 'child.birthDate': '2015-06-24' }, outcome: 'KESİN KAYIT' },
  { name: 'born after the pre-registration: refused', facts: { 'child.birthDate': '2015-06-30' }, outcome: 'RET', failed: ['COCUK_YAS_24_AY'] },
  { name: 'born on the 31st (2013-05-31): 24 months until the month-end anniversary 30 June', facts: { 'child.birthDate': '2013-05-31' }, outcome: 'KESİN KAYIT' },
  { name: 'born 2013-05-31, pre-registration on 30 June 2015: 25 completed months', facts: { 'child.birthDate': '2013-05-31' }, dates: { preRegistration: '2015-06-30T10:00:00' }, outcome: 'RET', failed: ['COCUK_YAS_24_AY'] },
  { name: 'born 29 February 2012 is over 24 months in June 2015', facts: { 'child.birthDate': '2012-02-29' }, outcome: 'RET', failed: ['COCUK_YAS_24_AY'] },
  { name: 'born 2013-07-31: 23 months on 2015-06-30', facts: { 'child.birthDate': '2013-07-31' }, dates: { preRegistration: '2015-06-30T10:00:00' }, outcome: 'KESİN KAYIT' },
  { name: 'wage exactly at the published 2,546 TL ceiling', facts: { 'mother.grossWage': 254600 }, outcome: 'KESİN KAYIT' },
  { name: 'wage one kuruş over the published ceiling', facts: { 'mother.grossWage': 254601 }, outcome: 'RET', failed: ['ANNE_UCRET_TAVANI'] },
  { name: 'the published 2,546 TL wins over the computed 2,547 TL', facts: { 'mother.grossWage': 254700 }, outcome: 'RET', failed: ['ANNE_UCRET_TAVANI'] },
  { name: 'in 2016 the ceiling is twice 1,647.00 = 3,294 TL', facts: { 'mother.grossWage': 329400 }, dates: { finalRegistration: '2016-03-01' }, outcome: 'KESİN KAYIT' },
  { name: 'in 2016 one kuruş over 3,294 TL', facts: { 'mother.grossWage': 329401 }, dates: { finalRegistration: '2016-03-01' }, outcome: 'RET', failed: ['ANNE_UCRET_TAVANI'] },
  { name: 'a live-in aunt (teyze) is refused', facts: { 'caregiver.relation': 'TEYZE', 'caregiver.livesInSameHome': true }, outcome: 'RET', failed: ['AKRABALIK'] },
  { name: 'a live-out aunt (teyze) is accepted', facts: { 'caregiver.relation': 'TEYZE', 'caregiver.livesInSameHome': false }, outcome: 'KESİN KAYIT' },
  { name: 'a live-out hala is accepted', facts: { 'caregiver.relation': 'HALA', 'caregiver.livesInSameHome': false }, outcome: 'KESİN KAYIT' },
  { name: 'a live-in yeğen is refused', facts: { 'caregiver.relation': 'YEGEN', 'caregiver.livesInSameHome': true }, outcome: 'RET', failed: ['AKRABALIK'] },
  { name: 'a live-in cousin (4th degree) is accepted', facts: { 'caregiver.relation': 'KUZEN', 'caregiver.livesInSameHome': true }, outcome: 'KESİN KAYIT' },
  { name: "the child's grandmother (the mother's mother, 1st degree) living out is refused", facts: { 'caregiver.relation': 'ANNE', 'caregiver.livesInSameHome': false }, outcome: 'RET', failed: ['AKRABALIK'] },
  { name: "the child's grandmother living in is refused", facts: { 'caregiver.relation': 'ANNE', 'caregiver.livesInSameHome': true }, outcome: 'RET', failed: ['AKRABALIK'] },
  { name: "the child's grandfather (the father's father) is refused", facts: { 'caregiver.relation': 'BABA', 'caregiver.livesInSameHome': false }, outcome: 'RET', failed: ['AKRABALIK'] },
  { name: "the child's aunt (the mother's sister, 2nd degree) living out is accepted", facts: { 'caregiver.relation': 'KARDES', 'caregiver.livesInSameHome': false }, outcome: 'KESİN KAYIT' },
  { name: "the child's aunt living in is refused", facts: { 'caregiver.relation': 'KARDES', 'caregiver.livesInSameHome': true }, outcome: 'RET', failed: ['AKRABALIK'] },
  { name: "the parent's grandmother (2nd degree) living in is refused", facts: { 'caregiver.relation': 'BUYUKANNE', 'caregiver.livesInSameHome': true }, outcome: 'RET', failed: ['AKRABALIK'] },
  { name: 'a caregiver one day short of 18', facts: { 'caregiver.birthDate': '1997-07-16' }, outcome: 'RET', failed: ['BAKICI_YAS_18'] },
  { name: 'a caregiver turning 18 that day', facts: { 'caregiver.birthDate': '1997-07-15' }, outcome: 'KESİN KAYIT' },
  { name: 'a male caregiver', facts: { 'caregiver.sex': 'E' }, outcome: 'RET', failed: ['BAKICI_KADIN'] },
  { name: 'a caregiver without primary school', facts: { 'caregiver.education': 'YOK' }, outcome: 'RET', failed: ['BAKICI_EGITIM'] },
  { name: 'Ek-9 registered after the final registration', facts: { 'caregiver.ek9Date': '2015-07-16' }, outcome: 'RET', failed: ['BAKICI_EK9'] },
  { name: 'Ek-9 registered on the final registration day', facts: { 'caregiver.ek9Date': '2015-07-15' }, outcome: 'KESİN KAYIT' },
  { name: 'mother started work on the pre-registration day (must be a day before)', facts: { 'mother.workStart': '2015-06-25' }, outcome: 'RET', failed: ['ANNE_ISE_BASLAMA'] },
  { name: 'mother started work the day before', facts: { 'mother.workStart': '2015-06-24' }, outcome: 'KESİN KAYIT' },
  { name: 'a part-time mother', facts: { 'mother.employment': 'KISMI_ZAMANLI' }, outcome: 'RET', failed: ['ANNE_TAM_ZAMANLI'] },
  { name: 'maternity leave not over', facts: { 'mother.maternityLeaveOver': false }, outcome: 'RET', failed: ['ANNE_ANALIK_IZNI'] },
  { name: 'a province outside the pack (Ankara)', facts: { 'mother.residenceProvince': 'DIGER' }, outcome: 'RET', failed: ['ANNE_IL'] },
  { name: 'caregiver lives in another province', facts: { 'caregiver.residenceProvince': 'DIGER' }, outcome: 'RET', failed: ['BAKICI_IL'] },
  { name: 'not a Turkish citizen', facts: { 'mother.citizen': false }, outcome: 'RET', failed: ['ANNE_VATANDAS'] },
  { name: 'the mother is herself a programme caregiver', facts: { 'mother.isProgrammeCaregiver': true }, outcome: 'RET', failed: ['ANNE_BAKICI_DEGIL'] },
  { name: 'a divorced mother without the custody document: EKSİK EVRAK, not RET', facts: { 'mother.maritalStatus': 'BOSANMIS' }, outcome: 'EKSİK EVRAK', missing: ['VELAYET_BELGESI'] },
  { name: 'a divorced mother with the custody document', facts: { 'mother.maritalStatus': 'BOSANMIS' }, docs: { VELAYET_BELGESI: true }, outcome: 'KESİN KAYIT' },
  { name: 'a document ticked "missing" counts as missing', docs: { BASVURU_FORMU: false }, outcome: 'EKSİK EVRAK', missing: ['BASVURU_FORMU'] },
  { name: 'a document never ticked is missing (never present by default)', docs: { KIMLIK_ANNE: undefined as unknown as boolean }, outcome: 'EKSİK EVRAK', missing: ['KIMLIK_ANNE'] },
  { name: 'single parent: 390 EUR', facts: { 'mother.singleParent': true }, outcome: 'KESİN KAYIT', amount: 39000, support: 'TEK_EBEVEYN' },
  { name: 'disabled child without the health board report: EKSİK EVRAK', facts: { 'child.disabled': true }, outcome: 'EKSİK EVRAK', missing: ['SAGLIK_KURULU_RAPORU'] },
  { name: 'disabled child with the report: 390 EUR', facts: { 'child.disabled': true }, docs: { SAGLIK_KURULU_RAPORU: true }, outcome: 'KESİN KAYIT', amount: 39000, support: 'ENGELLI_COCUK' },
  { name: 'certified caregiver without the certificate document: EKSİK EVRAK', facts: { 'caregiver.certified': true }, outcome: 'EKSİK EVRAK', missing: ['BAKICI_SERTIFIKASI'] },
  { name: 'certified caregiver with the certificate: 390 EUR', facts: { 'caregiver.certified': true }, docs: { BAKICI_SERTIFIKASI: true }, outcome: 'KESİN KAYIT', amount: 39000, support: 'SERTIFIKALI_BAKICI' },
  { name: 'ineligible AND missing documents: RET wins', facts: { 'caregiver.sex': 'E' }, docs: { BASVURU_FORMU: false }, outcome: 'RET', failed: ['BAKICI_KADIN'] },
  { name: 'several failed rules are all listed', facts: { 'caregiver.sex': 'E', 'mother.citizen': false, 'mother.grossWage': 999999 }, outcome: 'RET', failed: ['ANNE_VATANDAS', 'ANNE_UCRET_TAVANI', 'BAKICI_KADIN'] },
  { name: 'final registration after June 2017 is outside the period', dates: { finalRegistration: '2017-07-01' }, outcome: 'RET', failed: ['PROGRAM_KESIN_KAYIT_DONEMI'] },
  { name: 'final registration in 2026 is outside the period', dates: { finalRegistration: '2026-11-24' }, facts: { 'caregiver.ek9Date': '2026-11-01' }, outcome: 'RET', failed: ['PROGRAM_KESIN_KAYIT_DONEMI'] },
  { name: 'pre-registration before the opening (24 June 2015)', dates: { preRegistration: '2015-06-24T23:59:59' }, facts: { 'mother.workStart': '2015-06-01' }, outcome: 'RET', failed: ['PROGRAM_ON_KAYIT_DONEMI'] },
]);

run('KURUMSAL-2019', kurBase, kurDocs, kurDates, [
  { name: 'a clean application: 100 EUR', outcome: 'KESİN KAYIT', amount: 10000, support: 'KURUMSAL_BAKIM' },
  { name: 'child at 60 months (included)', facts: { 'child.birthDate': '2014-10-15' }, outcome: 'KESİN KAYIT' },
  { name: 'child at 61 months', facts: { 'child.birthDate': '2014-09-15' }, outcome: 'RET', failed: ['COCUK_YAS_60_AY'] },
  { name: 'child one day short of 61 months is still 60', facts: { 'child.birthDate': '2014-09-16' }, outcome: 'KESİN KAYIT' },
  { name: 'earnings exactly at the published 5,116.80 TL', facts: { 'mother.averageEarnings': 511680 }, outcome: 'KESİN KAYIT' },
  { name: 'earnings one kuruş over', facts: { 'mother.averageEarnings': 511681 }, outcome: 'RET', failed: ['ANNE_KAZANC_TAVANI'] },
  { name: 'in 2020 the ceiling is twice 2,943.00 = 5,886 TL', facts: { 'mother.averageEarnings': 588600 }, dates: { preRegistration: '2020-05-01T09:00:00', finalRegistration: '2020-06-01' }, outcome: 'KESİN KAYIT' },
  { name: 'in 2020 one kuruş over 5,886 TL', facts: { 'mother.averageEarnings': 588601 }, dates: { preRegistration: '2020-05-01T09:00:00', finalRegistration: '2020-06-01' }, outcome: 'RET', failed: ['ANNE_KAZANC_TAVANI'] },
  { name: 'Malatya is in the pack', facts: { 'mother.residenceProvince': '44' }, outcome: 'KESİN KAYIT' },
  { name: 'a province outside the pack', facts: { 'mother.residenceProvince': 'DIGER' }, outcome: 'RET', failed: ['ANNE_IL'] },
  { name: 'a part-time mother', facts: { 'mother.employment': '4A_KISMI' }, outcome: 'RET', failed: ['ANNE_4A_TAM_ZAMANLI'] },
  { name: 'hiring notice on the appointment day (must be a day before)', facts: { 'mother.hireNoticeDate': '2019-11-05' }, outcome: 'RET', failed: ['ANNE_ISE_GIRIS'] },
  { name: 'institution not MEB-affiliated', facts: { 'institution.mebAffiliated': false }, outcome: 'RET', failed: ['KURUM_MEB'] },
  { name: 'child does not attend regularly', facts: { 'child.attendsRegularly': false }, outcome: 'RET', failed: ['COCUK_DEVAM'] },
  { name: 'mother and child at different addresses', facts: { 'mother.livesWithChild': false }, outcome: 'RET', failed: ['ANNE_COCUK_AYNI_ADRES'] },
  { name: 'divorced without custody document: EKSİK EVRAK', facts: { 'mother.maritalStatus': 'BOSANMIS' }, outcome: 'EKSİK EVRAK', missing: ['VELAYET_BELGESI'] },
  { name: 'missing enrolment document: EKSİK EVRAK', docs: { KURUM_KAYIT_BELGESI: false }, outcome: 'EKSİK EVRAK', missing: ['KURUM_KAYIT_BELGESI'] },
  { name: 'pre-registration after 01.10.2021', dates: { preRegistration: '2021-10-02T09:00:00', finalRegistration: '2021-11-01' }, facts: { 'child.birthDate': '2019-01-01' }, outcome: 'RET', failed: ['PROGRAM_ON_KAYIT_DONEMI'] },
  { name: 'final registration after 30.09.2022', dates: { finalRegistration: '2022-10-01' }, outcome: 'RET', failed: ['PROGRAM_KESIN_KAYIT_DONEMI'] },
  { name: 'final registration before 01.11.2019', dates: { finalRegistration: '2019-10-31' }, outcome: 'RET', failed: ['PROGRAM_KESIN_KAYIT_DONEMI'] },
]);

run('BAKICI-2020', bakBase, bakDocs, bakDates, [
  { name: 'on 31.12.2020 the amount is 300 EUR', outcome: 'KESİN KAYIT', amount: 30000, support: 'EGITIMLI_BAKICI' },
  { name: 'on 01.01.2021 the amount is 325 EUR', dates: { finalRegistration: '2021-01-01' }, facts: { 'caregiver.monthlyWage': 357750 }, outcome: 'KESİN KAYIT', amount: 32500 },
  { name: 'special needs: 350 EUR with the report', facts: { 'child.specialNeeds': true }, docs: { OZEL_GEREKSINIM_RAPORU: true }, outcome: 'KESİN KAYIT', amount: 35000, support: 'OZEL_GEREKSINIM' },
  { name: 'special needs without the report: EKSİK EVRAK', facts: { 'child.specialNeeds': true }, outcome: 'EKSİK EVRAK', missing: ['OZEL_GEREKSINIM_RAPORU'] },
  { name: 'full-time 4/a is accepted too', facts: { 'mother.employment': '4A_TAM_ZAMANLI' }, outcome: 'KESİN KAYIT' },
  { name: 'not 4/a', facts: { 'mother.employment': 'DIGER' }, outcome: 'RET', failed: ['ANNE_4A'] },
  { name: 'on maternity leave', facts: { 'mother.onMaternityLeave': true }, outcome: 'RET', failed: ['ANNE_ANALIK_IZNINDE_DEGIL'] },
  { name: 'caregiver without the training certificate', facts: { 'caregiver.trainingCertificate': false }, outcome: 'RET', failed: ['BAKICI_SERTIFIKA'] },
  { name: 'caregiver paid exactly the 2020 minimum wage (2,943.00)', facts: { 'caregiver.monthlyWage': 294300 }, outcome: 'KESİN KAYIT' },
  { name: 'caregiver paid one kuruş under the minimum wage', facts: { 'caregiver.monthlyWage': 294299 }, outcome: 'RET', failed: ['BAKICI_ASGARI_UCRET'] },
  { name: 'child 25 months at pre-registration', facts: { 'child.birthDate': '2018-07-31' }, outcome: 'RET', failed: ['COCUK_YAS_24_AY'] },
  { name: 'İzmir is in the pack', facts: { 'mother.residenceProvince': '35' }, outcome: 'KESİN KAYIT' },
  { name: 'Bursa is not', facts: { 'mother.residenceProvince': 'DIGER' }, outcome: 'RET', failed: ['ANNE_IL'] },
]);

describe('facts are checked before deciding', () => {
  it('a wrong T.C. Kimlik No, IBAN, date or option is a field error, not a decision', () => {
    const pack = getRulePack('EVDE-2015')!;
    let err: unknown;
    try {
      decide(pack, { ...evdeBase, 'caregiver.tckn': '12345678901', 'mother.iban': 'TR12', 'child.birthDate': '2015-02-31', 'caregiver.education': 'DOKTORA' }, evdeDates, evdeDocs);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FactsInvalid);
    expect(Object.keys((err as FactsInvalid).fieldErrors).sort()).toEqual(['caregiver.education', 'caregiver.tckn', 'child.birthDate', 'mother.iban']);
  });

  it('a missing required fact is a field error', () => {
    const { ['mother.grossWage']: _w, ...rest } = evdeBase;
    expect(() => decide(getRulePack('EVDE-2015')!, rest, evdeDates, evdeDocs)).toThrow(FactsInvalid);
  });

  it('the decision is deterministic and records pack, dates and inputs', () => {
    const pack = getRulePack('EVDE-2015')!;
    const a = decide(pack, { ...evdeBase, 'caregiver.relation': 'TEYZE' }, evdeDates, evdeDocs);
    const b = decide(pack, { ...evdeBase, 'caregiver.relation': 'TEYZE' }, evdeDates, evdeDocs);
    expect(a).toEqual(b);
    expect(a.failedRules[0]!.inputs).toMatchObject({ 'caregiver.relation': 'TEYZE', 'caregiver.livesInSameHome': true });
    expect(a.dates).toEqual(evdeDates);
  });
});
