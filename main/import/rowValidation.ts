import {
  CellProblem,
  plainValue,
  readCancelled,
  readDate,
  readDateTime,
  readName,
  readPhone,
  readProgramCode,
  readProvince,
  readTckn,
  readText,
  readTime,
  type Plain,
} from './cells';
import { HEADER_OF, PERSONAL, type ColumnKey } from './columns';
import { rejectText, type RejectCode } from './messages';
import { detach, detachOrNull } from './strings';
import type { AppointmentRow, RowReject } from './types';

export interface RowOutcome {
  row: AppointmentRow | null;
  rejects: RowReject[] | null;
  /** Read even from a rejected row: duplicates and another province's rows are found by them. */
  randevuNo: string | null;
  provinceCode: string | null;
}

export function rejectFor(row: number, key: ColumnKey | null, code: RejectCode, shown: string | null, ctx: { randevuNo: string | null; provinceCode: string | null; firstRow?: number }): RowReject {
  const header = key ? HEADER_OF[key] : 'Satır';
  const text = rejectText(code, header, key && PERSONAL.has(key) ? null : shown, ctx.firstRow);
  return { row, column: key ? HEADER_OF[key] : null, code, tr: text.tr, en: text.en, randevuNo: ctx.randevuNo, provinceCode: ctx.provinceCode };
}

/**
 * Validates and normalises one data row. Every problem of the row is reported (not only the
 * first), so the office head can fix a row in one go.
 */
export function makeRowValidator(index: Partial<Record<ColumnKey, number>>, date1904: boolean) {
  // Many rows share a day, a time, a programme: one string each instead of one per row
  // keeps 160,000 rows well inside the memory budget.
  const interned = new Map<string, string>();
  const intern = (s: string | null): string | null => {
    if (s === null) return null;
    const seen = interned.get(s);
    if (seen !== undefined) return seen;
    const own = detach(s);
    interned.set(own, own);
    return own;
  };

  return function validateRow(cells: readonly unknown[], rowNumber: number): RowOutcome {
    let problems: { key: ColumnKey; code: RejectCode; shown: string | null }[] | null = null;

    function take<T>(key: ColumnKey, required: boolean, read: (v: Plain) => T | null | CellProblem): T | null {
      const i = index[key];
      if (i === undefined) return null;
      const raw = plainValue(cells[i]);
      const v = raw instanceof CellProblem ? raw : read(raw);
      if (v instanceof CellProblem) {
        (problems ??= []).push({ key, code: v.code, shown: v.shown });
        return null;
      }
      if (v === null && required) (problems ??= []).push({ key, code: 'MISSING_VALUE', shown: null });
      return v;
    }

    const randevuNo = take('randevuNo', true, (v) => readText(v, 50));
    const provinceCode = take('provinceCode', true, readProvince);
    const programCode = intern(take('programCode', true, readProgramCode));
    const date = intern(take('date', true, (v) => readDate(v, date1904)));
    const time = intern(take('time', true, readTime));
    const preRegisteredAt = take('preRegisteredAt', true, (v) => readDateTime(v, date1904));
    const motherTckn = take('motherTckn', true, readTckn);
    const motherFirstName = take('motherFirstName', true, readName);
    const motherLastName = take('motherLastName', true, readName);
    const motherBirthDate = intern(take('motherBirthDate', false, (v) => readDate(v, date1904)));
    const childTckn = take('childTckn', false, readTckn);
    const childBirthDate = intern(take('childBirthDate', true, (v) => readDate(v, date1904)));
    const phone = take('phone', false, readPhone);
    const caregiverTckn = take('caregiverTckn', false, readTckn);
    const institutionName = intern(take('institutionName', false, (v) => readText(v, 200)));
    const cancelled = take('status', false, readCancelled) ?? false;

    if (problems !== null) {
      const ctx = { randevuNo, provinceCode };
      return {
        row: null,
        rejects: (problems as { key: ColumnKey; code: RejectCode; shown: string | null }[]).map((p) => rejectFor(rowNumber, p.key, p.code, p.shown, ctx)),
        randevuNo,
        provinceCode,
      };
    }
    // Everything kept past this row is detached from the reader's buffers (see strings.ts).
    const row: AppointmentRow = {
      randevuNo: detach(randevuNo!),
      programCode: programCode!,
      provinceCode: provinceCode!,
      date: date!,
      time: time!,
      preRegisteredAt: detach(preRegisteredAt!),
      motherTckn: detach(motherTckn!),
      motherFirstName: detach(motherFirstName!),
      motherLastName: detach(motherLastName!),
      motherBirthDate,
      childTckn: detachOrNull(childTckn),
      childBirthDate: childBirthDate!,
      phone: detachOrNull(phone),
      caregiverTckn: detachOrNull(caregiverTckn),
      institutionName,
      cancelled,
      sourceRow: rowNumber,
    };
    return { row, rejects: null, randevuNo, provinceCode };
  };
}
