import { createDeskKeyPair, publicKeyPem, writeReconciliation, type ReconciliationDay, type WrittenReconciliation } from '../../main/reconciliation';
import { tcknFromPrefix } from '../../main/domain/tckn';
import { FIRST_NAMES, LAST_NAMES, rng } from '../../main/testing/syntheticAppointments';

export type DeskKeys = ReturnType<typeof createDeskKeyPair>;

interface SyntheticDay {
  provinceCode: string;
  provinceName?: string;
  deskCode: string;
  date: string;
  appointments: number;
  /** Of the appointments, how many ended in KESİN KAYIT, RET, EKSİK EVRAK, GELMEDİ (the rest İPTAL). */
  registrations: number;
  rejected?: number;
  incomplete?: number;
  noShows?: number;
  programCode?: string;
  /** Mothers (T.C. Kimlik No) to give to the first registrations: planted duplicates. */
  plantMothers?: string[];
  chainHead?: string;
  createdAt?: string;
  /** A number that makes this desk-day's people distinct from every other's. */
  serial: number;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** A person's valid T.C. Kimlik No from a number (distinct numbers give distinct people). */
export function personTckn(n: number): string {
  return tcknFromPrefix(String(100_000_000 + (n % 899_999_999)).slice(0, 9));
}

/**
 * A desk's day as Masa's reconciliation model, with valid T.C. Kimlik numbers and Turkish
 * names: what buildReconciliationDay produces from a ledger, made directly so that thousands
 * of day files can be written by Masa's own writer and signer.
 */
export function syntheticDay(o: SyntheticDay): ReconciliationDay {
  const r = rng(o.serial + 1);
  const program = o.programCode ?? 'BAKICI-2020';
  const rejected = o.rejected ?? 0;
  const incomplete = o.incomplete ?? 0;
  const noShows = o.noShows ?? 0;
  const name = () => `${FIRST_NAMES[Math.floor(r() * FIRST_NAMES.length)]} ${LAST_NAMES[Math.floor(r() * LAST_NAMES.length)]}`;
  const base = o.serial * 1000;
  const appointments: ReconciliationDay['appointments'] = [];
  const registrations: ReconciliationDay['registrations'] = [];
  const rejections: ReconciliationDay['rejections'] = [];
  for (let i = 0; i < o.appointments; i++) {
    const minutes = 9 * 60 + (i % 54) * 10;
    const time = `${pad(Math.floor(minutes / 60), 2)}:${pad(minutes % 60, 2)}`;
    const randevuNo = `${o.provinceCode}-${o.date.slice(0, 4)}-${o.deskCode}${pad(o.serial % 100000, 5)}${pad(i, 4)}`;
    const mother = o.plantMothers?.[i] ?? personTckn(base + i);
    const fullName = name();
    const outcome = i < o.registrations ? 'KESİN KAYIT' : i < o.registrations + rejected ? 'RET' : i < o.registrations + rejected + incomplete ? 'EKSİK EVRAK' : i < o.registrations + rejected + incomplete + noShows ? 'GELMEDİ' : 'İPTAL';
    const arrived = outcome === 'GELMEDİ' || outcome === 'İPTAL' ? null : time;
    appointments.push({ randevuNo, programCode: program, provinceCode: o.provinceCode, date: o.date, time, motherTckn: mother, motherFullName: fullName, arrivedAt: arrived, outcome, clerk: 'Şükrü Işık' });
    const preRegisteredAt = `${o.date.slice(0, 4)}-01-${pad(1 + (i % 28), 2)}T${pad(8 + Math.floor(r() * 10), 2)}:${pad(Math.floor(r() * 60), 2)}:${pad(Math.floor(r() * 60), 2)}`;
    if (outcome === 'KESİN KAYIT') {
      registrations.push({
        registrationNo: `${o.provinceCode}${o.deskCode}-${o.date.slice(0, 4)}-${pad(o.serial % 100000, 5)}${pad(i, 4)}`,
        randevuNo, programCode: program, provinceCode: o.provinceCode, preRegisteredAt, registeredAt: `${o.date}T${time}:30`,
        motherTckn: mother, motherFullName: fullName, childTckn: personTckn(500_000_000 + base + i), childBirthDate: `${Number(o.date.slice(0, 4)) - 1}-03-15`,
        caregiverTckn: personTckn(700_000_000 + base + i), institutionName: null, supportType: 'Eğitimli bakıcı desteği', monthlyAmountCents: 32500,
        motherIban: 'TR330001200000000012345678', caregiverIban: 'TR330001200000000012345678', clerk: 'Şükrü Işık',
      });
    } else if (outcome === 'RET' || outcome === 'EKSİK EVRAK') {
      rejections.push({
        randevuNo, programCode: program, motherTckn: mother, motherFullName: fullName, outcome,
        reasonCodes: outcome === 'RET' ? (i % 2 ? ['BAKICI_SERTIFIKA'] : ['COCUK_YAS', 'ANNE_SIGORTA']) : [],
        reasonText: outcome === 'RET' ? 'Bakıcının eğitim sertifikası yok.' : 'Banka Taahhüt Formu',
        missingDocuments: outcome === 'EKSİK EVRAK' ? ['Banka Taahhüt Formu'] : [], newAppointment: outcome === 'EKSİK EVRAK' ? `${o.date}T16:00:00` : null, clerk: 'Şükrü Işık',
      });
    }
  }
  return {
    provinceCode: o.provinceCode, provinceName: o.provinceName ?? `İl ${o.provinceCode}`, deskCode: o.deskCode, date: o.date, programCodes: [program],
    appointments, registrations, rejections, chainHead: o.chainHead ?? `${pad(o.serial, 8)}${'c'.repeat(56)}`, createdAt: o.createdAt ?? `${o.date}T18:00:00`,
    appVersion: '0.1.0', createdBy: 'Ayşe Yılmaz',
  };
}

/** Writes and signs a day with Masa's own reconciliation writer (`MUTABAKAT_…xlsx` + `.sig`). */
export function writeDay(day: ReconciliationDay, dir: string, keys: DeskKeys): Promise<WrittenReconciliation> {
  return writeReconciliation(day, dir, keys);
}

export { createDeskKeyPair, publicKeyPem };
