import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { CountsTally, countsOf, type ReconciliationDay, type ReconCounts, type ReconDuplicate, type ReconRegistration } from './model';
import { readReconciliationRows, type ReconDataSheet, type ReconSheetRow } from './read';
import { writeReconciliationContent } from './write';
import { DESK } from '../texts/desk';
import { fill } from '../texts';

type MergeInputCode = 'SAME_DESK_DAY' | 'IL_WITH_DESK_FILES';

interface MergeInputProblem {
  /** Index in the inputs of the file that is refused. */
  index: number;
  code: MergeInputCode;
  message: { tr: string; en: string };
}

/**
 * What makes a set of verified files unmergeable, by file: the same desk's same day loaded
 * twice (its registrations would be flagged as duplicates of themselves), and a province (IL)
 * file together with desk files (it already holds those desks' rows).
 */
export function mergeInputProblems(inputs: { day: Pick<ReconciliationDay, 'deskCode' | 'date' | 'provinceCode'>; file: string }[]): MergeInputProblem[] {
  const problems: MergeInputProblem[] = [];
  const seen = new Map<string, string>();
  const hasDeskFiles = inputs.some((i) => i.day.deskCode !== 'IL');
  inputs.forEach(({ day, file }, index) => {
    if (day.deskCode === 'IL' && hasDeskFiles) {
      problems.push({
        index,
        code: 'IL_WITH_DESK_FILES',
        message: DESK.reconciliation.ilWithDeskFiles,
      });
      return;
    }
    const key = `${day.provinceCode}|${day.deskCode}|${day.date}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({
        index,
        code: 'SAME_DESK_DAY',
        message: fill(DESK.reconciliation.sameDeskDay, day.deskCode, day.date, first),
      });
      return;
    }
    seen.set(key, file);
  });
  return problems;
}

/** What a merge keeps of a registration to find duplicates across its files: the keys, not the row. */
type RegistrationKeys = Pick<ReconRegistration, 'registrationNo' | 'randevuNo' | 'provinceCode' | 'motherTckn' | 'childTckn'> & { date: string; deskCode: string; sourceFile: string };

/**
 * One verified file as a merge holds it: its Özet values, its counts and its registrations'
 * keys. Its rows are handed over sheet by sheet when the merged file is written: from the day
 * held whole (heldSource) or read again from the file (fileSource), so a province merge holds
 * one file's bytes at a time instead of every file's rows.
 */
export interface MergeSource {
  file: string;
  day: Pick<ReconciliationDay, 'provinceCode' | 'deskCode' | 'date' | 'programCodes' | 'packs'>;
  counts: ReconCounts;
  keys: RegistrationKeys[];
  rows<K extends ReconDataSheet>(sheet: K): Iterable<ReconSheetRow[K]> | AsyncIterable<ReconSheetRow[K]>;
}

/** A file given for merging is no longer the bytes that were verified (changed, moved or gone). */
export class MergeSourceChanged extends Error {
  readonly code = 'BYTES_CHANGED';
  readonly text = DESK.reconciliation.mergeSourceChanged;

  constructor(readonly file: string) {
    super('a merged file changed after it was verified'); // no name: a file name may be personal data
    this.name = 'MergeSourceChanged';
  }
}

/** The day's Özet values, counts and keys; nothing that holds its rows. */
function sourceParts(day: ReconciliationDay, file: string): Omit<MergeSource, 'rows'> {
  return {
    file,
    day: { provinceCode: day.provinceCode, deskCode: day.deskCode, date: day.date, programCodes: day.programCodes, packs: day.packs },
    counts: countsOf(day),
    keys: day.registrations.map((r) => ({
      registrationNo: r.registrationNo,
      randevuNo: r.randevuNo,
      provinceCode: r.provinceCode,
      motherTckn: r.motherTckn,
      childTckn: r.childTckn,
      date: r.registeredAt.slice(0, 10),
      deskCode: day.deskCode,
      sourceFile: file,
    })),
  };
}

/** A day held whole (tests, a merge of days already in memory). */
export function heldSource(day: ReconciliationDay, file: string): MergeSource {
  const held: { [K in ReconDataSheet]: ReconSheetRow[K][] } = { appointments: day.appointments, registrations: day.registrations, rejections: day.rejections };
  return { ...sourceParts(day, file), rows: (sheet) => held[sheet] };
}

/**
 * A verified file, kept as its keys: `day` is what verification read from the bytes whose
 * SHA-256 is `sha256`, and is not kept. Each sheet's rows are read again from `xlsxPath`, and
 * only from the same bytes: a file changed since it was verified stops the merge
 * (MergeSourceChanged) before the merged file takes its name.
 */
export function fileSource(day: ReconciliationDay, file: string, xlsxPath: string, sha256: string): MergeSource {
  return {
    ...sourceParts(day, file),
    async *rows(sheet) {
      let bytes;
      try {
        bytes = await fs.promises.readFile(xlsxPath);
      } catch {
        throw new MergeSourceChanged(file);
      }
      if (createHash('sha256').update(bytes).digest('hex') !== sha256) throw new MergeSourceChanged(file);
      yield* readReconciliationRows(bytes, sheet);
    },
  };
}

/**
 * The same mother or child registered twice, across the files: every registration involved, by
 * kind, in the order the files and rows come. One registration seen twice is not two
 * registrations: only distinct numbers count.
 */
function findDuplicates(registrations: RegistrationKeys[]): ReconDuplicate[] {
  const duplicates: ReconDuplicate[] = [];
  const flag = (kind: ReconDuplicate['kind'], key: (r: RegistrationKeys) => string | null) => {
    const groups = new Map<string, RegistrationKeys[]>();
    for (const r of registrations) {
      const k = key(r);
      if (!k) continue;
      const g = groups.get(k);
      if (g) g.push(r);
      else groups.set(k, [r]);
    }
    for (const [tckn, rows] of groups) {
      const g = [...new Map(rows.map((r) => [`${r.provinceCode}|${r.registrationNo}`, r])).values()];
      if (g.length < 2) continue;
      for (const r of g) duplicates.push({ kind, tckn, registrationNo: r.registrationNo, randevuNo: r.randevuNo, deskCode: r.deskCode, date: r.date, sourceFile: r.sourceFile });
    }
  };
  flag('ANNE', (r) => r.motherTckn);
  flag('ÇOCUK', (r) => r.childTckn);
  return duplicates;
}

/**
 * One consolidated reconciliation from several verified desk files (desk code `IL`), signed
 * with the province key. It flags instead of hides: the same mother or child registered twice,
 * across desks, days or provinces of the files loaded, is listed with both rows in `Mükerrer`.
 * The file is named by the last day of the files merged.
 */
export async function mergeReconciliations(
  inputs: { day: ReconciliationDay; file: string }[],
  opts: MergeOptions,
  outDir: string,
  provinceKey: { publicKeySpki: string; privateKeyPkcs8: string },
) {
  return mergeSources(
    inputs.map((i) => heldSource(i.day, i.file)),
    opts,
    outDir,
    provinceKey,
  );
}

interface MergeOptions {
  provinceCode: string;
  provinceName: string;
  createdAt: string;
  createdBy: string;
  appVersion: string;
  chainHead: string;
}

/**
 * mergeReconciliations over sources: the merged file is written sheet by sheet, each sheet's
 * rows taken from the sources in order, so only the keys (duplicates) and one source's rows at
 * a time are held. The Özet counts are the sources' counts added up; the writer checks them
 * against the rows it writes.
 */
export async function mergeSources(sources: MergeSource[], opts: MergeOptions, outDir: string, provinceKey: { publicKeySpki: string; privateKeyPkcs8: string }) {
  const problems = mergeInputProblems(sources);
  if (problems.length) throw new Error(`merge inputs refused: ${problems.map((p) => `${sources[p.index]!.file} ${p.code}`).join(', ')}`);
  const duplicates = findDuplicates(sources.flatMap((s) => s.keys));
  const counts = new CountsTally();
  for (const s of sources) counts.add(s.counts);
  const dates = sources.map((s) => s.day.date).sort();
  const rowsOf = async function* <K extends ReconDataSheet>(sheet: K) {
    for (const s of sources) yield* s.rows(sheet);
  };
  const written = await writeReconciliationContent(
    {
      head: {
        provinceCode: opts.provinceCode,
        provinceName: opts.provinceName,
        deskCode: 'IL',
        date: dates[dates.length - 1] ?? opts.createdAt.slice(0, 10),
        programCodes: [...new Set(sources.flatMap((s) => s.day.programCodes))].sort(),
        chainHead: opts.chainHead,
        createdAt: opts.createdAt,
        appVersion: opts.appVersion,
        createdBy: opts.createdBy,
        packs: [...new Set(sources.flatMap((s) => s.day.packs ?? []))].sort(),
      },
      counts: counts.counts,
      // `Birleştirilen Dosyalar`: the files that gave registrations, each once.
      merged: { duplicates, sourceFiles: [...new Set(sources.filter((s) => s.file && s.keys.length > 0).map((s) => s.file))] },
      appointments: rowsOf('appointments'),
      registrations: rowsOf('registrations'),
      rejections: rowsOf('rejections'),
    },
    outDir,
    provinceKey,
  );
  return { ...written, duplicates, files: sources.length };
}
