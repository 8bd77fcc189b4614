import { ibanFrom } from '../domain/iban';
import { tcknFromPrefix } from '../domain/tckn';

export const MOTHER_IBAN = ibanFrom('00012', '0000000012345678');
export const CAREGIVER_IBAN = ibanFrom('00012', '0000000087654321');
export const CAREGIVER_TCKN = tcknFromPrefix('345678901');

/** The programme facts of a clean BAKICI-2020 application (identity facts come from the appointment). */
export function bakiciFacts(overrides: Record<string, string | number | boolean | null> = {}) {
  return {
    'mother.iban': MOTHER_IBAN,
    'child.fullName': 'Elif Öztürk',
    'caregiver.fullName': 'Gülizar Çelikkaya',
    'caregiver.tckn': CAREGIVER_TCKN,
    'caregiver.birthDate': '1990-01-01',
    'caregiver.iban': CAREGIVER_IBAN,
    'mother.employment': '4A_TAM_ZAMANLI',
    'mother.onMaternityLeave': false,
    'child.specialNeeds': false,
    'caregiver.trainingCertificate': true,
    'caregiver.monthlyWage': 2_500_000,
    ...overrides,
  };
}

export const BAKICI_DOCUMENTS = {
  KIMLIK_ANNE: true,
  KIMLIK_BAKICI: true,
  BAKICI_EGITIM_SERTIFIKASI: true,
  BAKICI_UCRET_BELGESI: true,
  BANKA_HESAP_BILGILERI: true,
  BASVURU_FORMU: true,
};
