/**
 * Writes a realistic HQ appointment list ("Randevu Listesi") for trying the import:
 *
 *   npm run sample-list -- --province 35 [--date 2026-11-24] [--count 40] [--format xlsx|csv]
 *   (--date defaults to today in Turkey, the app's today, whatever the machine's zone)
 *                          [--out FILE] [--seed 1]
 *
 * Valid synthetic T.C. Kimlik numbers, Turkish names, slots from 09:00 every 10-15 minutes,
 * earlier pre-registration times, programme codes of the packs active in the province, and a
 * few planted problems: a bad check digit, an impossible date, a missing surname, a duplicate
 * Randevu No, an HQ cancellation and two rows of another province. Same seed, same list.
 * Exit codes: 0 written, 2 usage error.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { turkeyParts } from '../main/domain/turkeyTime';
import { packsOf, otherProvinceOf, sampleRows, writeSampleCsv, writeSampleXlsx, type SampleKind, type SampleRow } from '../main/import/testing/sampleList';

export class UsageError extends Error {
  constructor(
    readonly tr: string,
    readonly en: string,
  ) {
    super(en);
  }
}

export interface SampleListResult {
  path: string;
  format: 'xlsx' | 'csv';
  lines: string[];
}

const KIND_TEXT: Record<Exclude<SampleKind, 'good'>, { tr: string; en: string }> = {
  cancelled: { tr: 'HQ iptali (Durum İPTAL)', en: 'HQ cancellation (Durum İPTAL)' },
  otherProvince: { tr: 'başka il', en: 'another province' },
  badChecksum: { tr: 'T.C. Kimlik No kontrol hanesi yanlış', en: 'bad T.C. Kimlik No check digit' },
  badDate: { tr: 'olmayan tarih (31 Şubat)', en: 'impossible date (31 February)' },
  missingSurname: { tr: 'Anne Soyadı boş', en: 'missing surname' },
  duplicate: { tr: 'yinelenen Randevu No', en: 'duplicate Randevu No' },
};

const trDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/**
 * `now` is the moment whose Turkey day is the default --date: the app's "today" is Turkey's
 * (UTC+3), so after 21:00 UTC the machine's `date +%F` would name yesterday.
 */
export async function runSampleList(argv: string[], cwd = process.cwd(), now = new Date()): Promise<SampleListResult> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        date: { type: 'string' },
        province: { type: 'string' },
        count: { type: 'string', default: '40' },
        format: { type: 'string', default: 'xlsx' },
        out: { type: 'string' },
        seed: { type: 'string', default: '1' },
      },
    }));
  } catch (e) {
    throw new UsageError(`Geçersiz seçenek: ${(e as Error).message}`, `Invalid option: ${(e as Error).message}`);
  }
  const date = values.date ?? turkeyParts(now).date;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
    throw new UsageError('--date yyyy-MM-dd biçiminde geçerli bir gün olmalı (ör. 2026-11-24).', '--date must be a valid day as yyyy-MM-dd (e.g. 2026-11-24).');
  }
  const provinceNo = Number(values.province);
  if (!Number.isInteger(provinceNo) || provinceNo < 1 || provinceNo > 81) {
    throw new UsageError('--province 1-81 arası bir il plaka kodu olmalı (ör. 35).', '--province must be a plate code 1-81 (e.g. 35).');
  }
  const province = String(provinceNo).padStart(2, '0');
  if (packsOf(province).length === 0) {
    throw new UsageError(`İl ${province} için etkin bir program yok (programlı iller: 06, 07, 16, 23, 34, 35, 44).`, `No programme is active in province ${province} (provinces with one: 06, 07, 16, 23, 34, 35, 44).`);
  }
  const count = Number(values.count);
  if (!Number.isInteger(count) || count < 1 || count > 1_000_000) throw new UsageError('--count 1 ile 1.000.000 arasında olmalı.', '--count must be between 1 and 1,000,000.');
  const format = values.format;
  if (format !== 'xlsx' && format !== 'csv') throw new UsageError('--format xlsx ya da csv olmalı.', '--format must be xlsx or csv.');
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new UsageError('--seed bir tam sayı olmalı.', '--seed must be an integer.');

  const path = resolve(cwd, values.out ?? `randevu-listesi-${province}-${date.replace(/-/g, '')}.${format}`);

  // Tally what is written while it is written (the rows are produced lazily).
  const planted: { row: number; kind: Exclude<SampleKind, 'good'> }[] = [];
  const byProgramme = new Map<string, number>();
  let own = 0;
  let first = '';
  let last = '';
  let rowNo = 1;
  function* tally(rows: Iterable<SampleRow>): Generator<SampleRow> {
    for (const r of rows) {
      rowNo++;
      if (r.kind !== 'good') planted.push({ row: rowNo, kind: r.kind });
      if (r.provinceCode === province && r.kind === 'good') {
        own++;
        byProgramme.set(r.programCode, (byProgramme.get(r.programCode) ?? 0) + 1);
        first ||= `${r.date} ${r.time}`;
        last = `${r.date} ${r.time}`;
      }
      yield r;
    }
  }
  const rows = tally(sampleRows({ date, province, count, seed }));
  if (format === 'xlsx') await writeSampleXlsx(rows, path);
  else await writeSampleCsv(rows, path);

  const span = (s: string) => `${trDate(s.slice(0, 10))} ${s.slice(11)}`;
  const programmes = [...byProgramme].map(([c, n]) => `${c} ${n}`).join(', ');
  const lines = [
    `Randevu listesi yazıldı / Appointment list written: ${path}`,
    `  ${format.toUpperCase()}, il / province ${province}, ${rowNo - 1} satır / rows + başlık / header`,
    `  ${own} geçerli randevu / valid appointments (${programmes}), ${span(first)} - ${span(last)}`,
    ...planted.map((p) => {
      const text = KIND_TEXT[p.kind];
      const where = p.kind === 'otherProvince' ? ` (${otherProvinceOf(province)})` : '';
      return `  satır / row ${p.row}: ${text.tr}${where} / ${text.en}${where}`;
    }),
    `  tohum / seed ${seed} (aynı tohum aynı listeyi verir / the same seed gives the same list)`,
  ];
  return { path, format, lines };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runSampleList(process.argv.slice(2)).then(
    (r) => console.log(r.lines.join('\n')),
    (e: unknown) => {
      if (e instanceof UsageError) {
        console.error(`${e.tr}\n${e.en}\nKullanım / usage: npm run sample-list -- --province 35 [--date 2026-11-24] [--count 40] [--format xlsx|csv] [--out FILE] [--seed 1]`);
        process.exit(2);
      }
      console.error(e);
      process.exit(1);
    },
  );
}
