/**
 * Synthetic HQ appointment lists for the sample script (`npm run sample-list`) and the import
 * bench: valid synthetic T.C. Kimlik numbers, Turkish names with every Turkish letter,
 * programme codes of the packs active in the province, and a few planted bad rows.
 * Deterministic for a given seed. Rows are produced lazily so a 160,000-row list never sits in
 * memory at once.
 */
import ExcelJS from 'exceljs';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { tcknFromPrefix } from '../../domain/tckn';
import { trUpper } from '../../domain/turkishText';
import { COLUMNS } from '../columns';

/** Packs active per province (plate code) with the child's age limit at pre-registration. */
const PACKS: { code: string; provinces: string[]; maxChildMonths: number }[] = [
  { code: 'EVDE-2015', provinces: ['35', '16', '07'], maxChildMonths: 24 },
  { code: 'KURUMSAL-2019', provinces: ['06', '07', '16', '23', '34', '35', '44'], maxChildMonths: 60 },
  { code: 'BAKICI-2020', provinces: ['06', '34', '35'], maxChildMonths: 24 },
];

const FIRST_NAMES = [
  'Şükran', 'Ayşe', 'Gülşen', 'İpek', 'Özlem', 'Çiğdem', 'Ümran', 'Ilgın', 'Eda', 'Fatma', 'Zeynep', 'Hülya', 'Sevgi', 'Gökçe',
  'Merve', 'Büşra', 'Dilek', 'Nurşen', 'Şeyma', 'Ebru', 'Işıl', 'Öykü', 'Songül', 'Tuğba', 'Yeşim', 'Çağla', 'Derya', 'Gülizar',
  'İlknur', 'Emine', 'Hatice', 'Şerife', 'Nazlı', 'Pınar', 'Sıdıka', 'Ülkü', 'Gönül', 'Müge', 'Aslı', 'Betül',
];
const LAST_NAMES = [
  'Öztürk', 'Yılmaz', 'Çelik', 'Şahin', 'Doğan', 'Kılıç', 'Aydın', 'Özdemir', 'Arslan', 'Işık', 'Güneş', 'Çakır', 'Yıldız',
  'Ağaoğlu', 'Karagöz', 'Kurt', 'Öncü', 'Ünal', 'Erdoğdu', 'Sağlam', 'Tuğrul', 'İnce', 'Çağlayan', 'Bozkurt', 'Gündüz',
  'Kaya', 'Demir', 'Koç', 'Şimşek', 'Erdoğan', 'Acar', 'Polat', 'Türkmen', 'Gümüş', 'Uğurlu',
];
const INSTITUTIONS = [
  'Minik Adımlar Anaokulu', 'Özel Güneş Kreşi', 'Çiçek Bahçesi Gündüz Bakımevi', 'Şirin Kuşlar Anaokulu',
  'Gökkuşağı Kreş ve Gündüz Bakımevi', 'Uğur Böceği Anaokulu', 'Ilıca Çocuk Yuvası', 'Öykü Kreşi',
];

export type SampleKind = 'good' | 'cancelled' | 'otherProvince' | 'badChecksum' | 'badDate' | 'missingSurname' | 'duplicate';

/** One list row as HQ writes it; dates ISO here, the writers turn them into cells or text. */
export interface SampleRow {
  kind: SampleKind;
  randevuNo: string;
  programCode: string;
  provinceCode: string;
  date: string;
  time: string;
  preRegisteredAt: string;
  motherTckn: string;
  motherFirstName: string;
  motherLastName: string;
  motherBirthDate: string;
  childTckn: string;
  /** ISO, or an impossible text date for a planted bad row. */
  childBirthDate: string;
  phone: string;
  caregiverTckn: string;
  institutionName: string;
  status: string;
}

interface SampleOptions {
  date: string;
  province: string;
  /** Appointments of the desk's own province (planted bad rows and other provinces come on top). */
  count: number;
  seed: number;
  /** Plant the bad rows, the cancelled row and the other province's rows (default true). */
  extras?: boolean;
}

/** Mulberry32: small, fast and the same on every platform. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function packsOf(province: string): typeof PACKS {
  return PACKS.filter((p) => p.provinces.includes(province));
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const DAY = 86_400_000;
const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const msOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const at = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 0)).getUTCDate();
  return isoOf(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), Math.min(d, last)));
}

function nextWorkday(iso: string): string {
  let ms = msOf(iso) + DAY;
  while ([0, 6].includes(new Date(ms).getUTCDay())) ms += DAY;
  return isoOf(ms);
}

/** The other province planted rows belong to: one with a pack, not the desk's own. */
export function otherProvinceOf(province: string): string {
  return ['06', '34', '35', '16'].find((p) => p !== province)!;
}

export function* sampleRows(o: SampleOptions): Generator<SampleRow> {
  const r = rng(o.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const year = o.date.slice(0, 4);
  const extras = o.extras ?? true;
  const other = otherProvinceOf(o.province);
  let day = o.date;
  let minutes = 9 * 60;
  let seq = 1000 + int(0, 8999);
  let prefix = 100_000_000 + int(0, 799_999_999);
  const nextTckn = () => tcknFromPrefix(String((prefix = 100_000_000 + ((prefix - 100_000_000 + 7_919_993) % 899_999_999))));
  const seen: string[] = [];

  const make = (province: string, kind: SampleKind): SampleRow => {
    const pack = pick(packsOf(province));
    const time = `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
    // Pre-registration days to weeks before the slot, at any hour of the day.
    const pre = msOf(day) - int(3, 60) * DAY + int(8 * 3600, 23 * 3600 + 3599) * 1000;
    const preIso = new Date(pre).toISOString().slice(0, 19);
    // Most children are inside the pack's age limit at pre-registration; a few just over it.
    const months = r() < 0.92 ? int(1, pack.maxChildMonths - 1) : pack.maxChildMonths + int(1, 6);
    const childBirth = addMonths(preIso.slice(0, 10), -months);
    const first = pick(FIRST_NAMES);
    const last = pick(LAST_NAMES);
    const upper = r() < 0.8; // HQ's own exports are upper case; hand-edited rows are not
    const mobile = `5${int(30, 59)}${int(1000000, 9999999)}`;
    const phoneStyle = int(0, 3);
    const phone = phoneStyle === 0 ? `0${mobile}` : phoneStyle === 1 ? `0${mobile.slice(0, 3)} ${mobile.slice(3, 6)} ${mobile.slice(6, 8)} ${mobile.slice(8)}` : phoneStyle === 2 ? `+90 ${mobile}` : r() < 0.5 ? '' : `0${mobile}`;
    return {
      kind,
      randevuNo: `${province}-${year}-${String(seq++).padStart(6, '0')}`,
      programCode: pack.code,
      provinceCode: province,
      date: day,
      time,
      preRegisteredAt: preIso,
      motherTckn: nextTckn(),
      motherFirstName: upper ? trUpper(first) : first,
      motherLastName: upper ? trUpper(last) : last,
      motherBirthDate: isoOf(msOf(`${int(1980, 2001)}-01-01`) + int(0, 364) * DAY),
      childTckn: r() < 0.9 ? nextTckn() : '',
      childBirthDate: childBirth,
      phone,
      caregiverTckn: pack.code !== 'KURUMSAL-2019' && r() < 0.5 ? nextTckn() : '',
      institutionName: pack.code === 'KURUMSAL-2019' ? pick(INSTITUTIONS) : '',
      status: r() < 0.3 ? 'AKTİF' : '',
    };
  };
  const advance = () => {
    minutes += r() < 0.5 ? 10 : 15;
    // The desk's day ends at 17:30; a longer list continues on the next working day.
    if (minutes > 17 * 60 + 30) {
      day = nextWorkday(day);
      minutes = 9 * 60;
    }
  };

  // Where the planted rows go: spread through the first appointments of the list.
  const plant = new Map<number, SampleKind[]>();
  if (extras) {
    const at = (i: number, k: SampleKind) => plant.set(Math.min(i, o.count), [...(plant.get(Math.min(i, o.count)) ?? []), k]);
    at(3, 'badChecksum');
    at(7, 'otherProvince');
    at(11, 'badDate');
    at(13, 'cancelled');
    at(17, 'missingSurname');
    at(23, 'duplicate');
    at(29, 'otherProvince');
  }

  for (let i = 0; i <= o.count; i++) {
    for (const kind of plant.get(i) ?? []) {
      const row = make(kind === 'otherProvince' ? other : o.province, kind);
      if (kind === 'badChecksum') row.motherTckn = row.motherTckn.slice(0, 10) + String((Number(row.motherTckn[10]) + 1) % 10);
      if (kind === 'badDate') row.childBirthDate = `31.02.${Number(row.childBirthDate.slice(0, 4))}`;
      if (kind === 'missingSurname') row.motherLastName = '';
      if (kind === 'duplicate') row.randevuNo = seen[Math.floor(seen.length / 2)] ?? row.randevuNo;
      if (kind === 'cancelled') row.status = pick(['İPTAL', 'İptal', 'IPTAL']);
      seen.push(row.randevuNo);
      yield row; // planted rows share the next slot's time: they do not lengthen the desk's day
    }
    if (i === o.count) break;
    const row = make(o.province, 'good');
    if (seen.length < 64) seen.push(row.randevuNo);
    yield row;
    advance();
  }
}

const HEADERS = COLUMNS.map((c) => c.header);

const trDate = (iso: string) => (/^\d{4}-\d{2}-\d{2}/.test(iso) ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : iso);

/** Excel stores a calendar value; exceljs converts a Date through UTC, so build it in UTC. */
const dayCell = (iso: string) => new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));
const timeCell = (hhmm: string) => new Date(Date.UTC(1899, 11, 30, Number(hhmm.slice(0, 2)), Number(hhmm.slice(3, 5))));
const dateTimeCell = (iso: string) => new Date(`${iso}Z`);

/**
 * Writes rows as Excel does: shared strings, real date / time / date-time cells with Turkish
 * formats, İl Kodu as a number, T.C. Kimlik No mostly as text (some as numbers, as in real
 * lists where the column was left "General").
 */
export async function writeSampleXlsx(rows: Iterable<SampleRow>, path: string, options: { sharedStrings?: boolean } = {}): Promise<{ rows: number }> {
  // Excel itself keeps text in a shared-strings table; generators such as openpyxl write inline strings.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: options.sharedStrings ?? true, useStyles: true });
  const ws = wb.addWorksheet('Randevu Listesi', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = HEADERS.map((h) => ({ width: Math.max(12, h.length + 2) }));
  const head = ws.addRow(HEADERS);
  head.font = { bold: true };
  head.commit();
  let n = 0;
  for (const s of rows) {
    const validDate = /^\d{4}-\d{2}-\d{2}$/.test(s.childBirthDate);
    const tcknAsNumber = n % 7 === 3 && s.motherTckn !== '';
    const row = ws.addRow([
      s.randevuNo,
      s.programCode,
      Number(s.provinceCode),
      dayCell(s.date),
      timeCell(s.time),
      dateTimeCell(s.preRegisteredAt),
      tcknAsNumber ? Number(s.motherTckn) : s.motherTckn,
      s.motherFirstName,
      s.motherLastName || null,
      dayCell(s.motherBirthDate),
      s.childTckn || null,
      validDate ? dayCell(s.childBirthDate) : s.childBirthDate,
      s.phone || null,
      s.caregiverTckn || null,
      s.institutionName || null,
      s.status || null,
    ]);
    row.getCell(4).numFmt = 'dd.mm.yyyy';
    row.getCell(5).numFmt = 'hh:mm';
    row.getCell(6).numFmt = 'dd.mm.yyyy hh:mm:ss';
    row.getCell(10).numFmt = 'dd.mm.yyyy';
    if (validDate) row.getCell(12).numFmt = 'dd.mm.yyyy';
    row.commit();
    n++;
  }
  ws.commit();
  await wb.commit();
  return { rows: n };
}

function csvField(v: string, delimiter: string): string {
  return v.includes('"') || v.includes(delimiter) || v.includes('\n') || v.includes('\r') ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Writes rows as Turkish Excel's "CSV UTF-8" does: BOM, `;`, CRLF, dd.MM.yyyy text dates. */
export async function writeSampleCsv(rows: Iterable<SampleRow>, path: string, delimiter = ';'): Promise<{ rows: number }> {
  const out = createWriteStream(path);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(`\ufeff${HEADERS.map((h) => csvField(h, delimiter)).join(delimiter)}\r\n`);
  let n = 0;
  let batch = '';
  for (const s of rows) {
    const pre = s.preRegisteredAt;
    const fields = [
      s.randevuNo, s.programCode, s.provinceCode, trDate(s.date), s.time, `${trDate(pre.slice(0, 10))} ${pre.slice(11, 19)}`, s.motherTckn,
      s.motherFirstName, s.motherLastName, trDate(s.motherBirthDate), s.childTckn, trDate(s.childBirthDate), s.phone, s.caregiverTckn,
      s.institutionName, s.status,
    ];
    batch += `${fields.map((f) => csvField(f, delimiter)).join(delimiter)}\r\n`;
    if (++n % 1000 === 0) {
      await write(batch);
      batch = '';
    }
  }
  await write(batch);
  out.end();
  await once(out, 'finish');
  return { rows: n };
}
