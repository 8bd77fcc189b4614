import type { ReconciliationDay, ReconDuplicate, ReconRegistration } from './model';
import { writeReconciliation } from './write';
import { DESK } from '../texts/desk';
import { fill } from '../texts';

export type MergeInputCode = 'SAME_DESK_DAY' | 'IL_WITH_DESK_FILES';

export interface MergeInputProblem {
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

/**
 * One consolidated reconciliation from several verified desk files (desk code `IL`), signed
 * with the province key. It flags instead of hides: the same mother or child registered twice,
 * across desks, days or provinces of the files loaded, is listed with both rows in `Mükerrer`.
 * The file is named by the last day of the files merged.
 */
export async function mergeReconciliations(
  inputs: { day: ReconciliationDay; file: string }[],
  opts: { provinceCode: string; provinceName: string; createdAt: string; createdBy: string; appVersion: string; chainHead: string },
  outDir: string,
  provinceKey: { publicKeySpki: string; privateKeyPkcs8: string },
) {
  const problems = mergeInputProblems(inputs);
  if (problems.length) throw new Error(`merge inputs refused: ${problems.map((p) => `${inputs[p.index]!.file} ${p.code}`).join(', ')}`);
  const registrations: ReconRegistration[] = [];
  for (const { day, file } of inputs) for (const r of day.registrations) registrations.push({ ...r, deskCode: day.deskCode, sourceFile: file });
  const duplicates: ReconDuplicate[] = [];
  const flag = (kind: ReconDuplicate['kind'], key: (r: ReconRegistration) => string | null) => {
    const groups = new Map<string, ReconRegistration[]>();
    for (const r of registrations) {
      const k = key(r);
      if (!k) continue;
      const g = groups.get(k);
      if (g) g.push(r);
      else groups.set(k, [r]);
    }
    for (const [tckn, rows] of groups) {
      // One registration seen twice is not two registrations: only distinct numbers count.
      const g = [...new Map(rows.map((r) => [`${r.provinceCode}|${r.registrationNo}`, r])).values()];
      if (g.length < 2) continue;
      for (const r of g) duplicates.push({ kind, tckn, registrationNo: r.registrationNo, randevuNo: r.randevuNo, deskCode: r.deskCode!, date: r.registeredAt.slice(0, 10), sourceFile: r.sourceFile! });
    }
  };
  flag('ANNE', (r) => r.motherTckn);
  flag('ÇOCUK', (r) => r.childTckn);
  const dates = inputs.map((i) => i.day.date).sort();
  const merged: ReconciliationDay = {
    provinceCode: opts.provinceCode,
    provinceName: opts.provinceName,
    deskCode: 'IL',
    date: dates[dates.length - 1] ?? opts.createdAt.slice(0, 10),
    programCodes: [...new Set(inputs.flatMap((i) => i.day.programCodes))].sort(),
    appointments: inputs.flatMap((i) => i.day.appointments),
    registrations,
    rejections: inputs.flatMap((i) => i.day.rejections),
    chainHead: opts.chainHead,
    createdAt: opts.createdAt,
    appVersion: opts.appVersion,
    createdBy: opts.createdBy,
    duplicates,
    packs: [...new Set(inputs.flatMap((i) => i.day.packs ?? []))].sort(),
  };
  const written = await writeReconciliation(merged, outDir, provinceKey);
  return { ...written, duplicates, files: inputs.length };
}
