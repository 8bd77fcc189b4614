import { tcknFromPrefix } from '../domain/tckn';
import type { AppointmentFields } from '../services/appointmentRows';

/** Turkish first names and surnames with every Turkish letter (İ ı Ş ş Ğ ğ Ç ç Ö ö Ü ü). */
export const FIRST_NAMES = [
  'Şükran', 'Ayşe', 'Gülşen', 'İpek', 'Özlem', 'Çiğdem', 'Ümran', 'Ilgın', 'Eda', 'Fatma', 'Zeynep', 'Hülya', 'Sevgi', 'Gökçe',
  'Merve', 'Büşra', 'Dilek', 'Nurşen', 'Şeyma', 'Ebru', 'Ağça', 'Işıl', 'Öykü', 'Songül', 'Tuğba', 'Yeşim', 'Çağla', 'Derya',
];
export const LAST_NAMES = [
  'Öztürk', 'Yılmaz', 'Çelik', 'Şahin', 'Doğan', 'Kılıç', 'Aydın', 'Özdemir', 'Arslan', 'Işık', 'Güneş', 'Çakır', 'Yıldız',
  'Ağaoğlu', 'Karagöz', 'Kurt', 'Öncü', 'Ünal', 'Erdoğdu', 'Sağlam', 'Tuğrul', 'İnce', 'Çağlayan', 'Bozkurt',
];

/** A deterministic pseudo-random generator, so test data is the same on every run. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export interface SyntheticOptions {
  date: string;
  count: number;
  provinceCode?: string;
  programCode?: string;
  seed?: number;
  /** Child birth date for everyone (default: 14 months before the date). */
  childBirthDate?: string;
  startIndex?: number;
  /** Names for the first rows (first, last), e.g. to plant "ŞÜKRAN ÖZTÜRK" for a search test. */
  names?: [string, string][];
  /** The caregiver HQ's list names on every row (none when not given). */
  caregiverTckn?: string;
}

/** `count` appointments on `date` from 09:00 in 10-minute slots, valid T.C. Kimlik numbers, Turkish names. */
export function syntheticAppointments(o: SyntheticOptions): AppointmentFields[] {
  const r = rng(o.seed ?? 7);
  const province = o.provinceCode ?? '35';
  const out: AppointmentFields[] = [];
  const [y, m, d] = o.date.split('-').map(Number) as [number, number, number];
  const child = o.childBirthDate ?? new Date(Date.UTC(y, m - 1 - 14, d)).toISOString().slice(0, 10);
  for (let i = 0; i < o.count; i++) {
    const n = (o.startIndex ?? 0) + i;
    const minutes = 9 * 60 + (i % 48) * 10;
    const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    const prefix = String(100000000 + ((n * 7919 + 12345) % 800000000)).slice(0, 9);
    out.push({
      randevuNo: `${province}-${o.date.slice(0, 4)}-${String(n + 1).padStart(6, '0')}`,
      programCode: o.programCode ?? 'EVDE-2015',
      provinceCode: province,
      date: o.date,
      time,
      preRegisteredAt: `${o.date.slice(0, 4)}-06-25T10:${String(Math.floor(n / 60) % 60).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}`,
      motherTckn: tcknFromPrefix(prefix),
      motherFirstName: (o.names?.[i]?.[0] ?? FIRST_NAMES[Math.floor(r() * FIRST_NAMES.length)]!).toLocaleUpperCase('tr-TR'),
      motherLastName: (o.names?.[i]?.[1] ?? LAST_NAMES[Math.floor(r() * LAST_NAMES.length)]!).toLocaleUpperCase('tr-TR'),
      motherBirthDate: '1990-03-15',
      childTckn: tcknFromPrefix(String(200000000 + n).slice(0, 9)),
      childBirthDate: child,
      phone: '05321234567',
      caregiverTckn: o.caregiverTckn ?? null,
      institutionName: null,
    });
  }
  return out;
}
