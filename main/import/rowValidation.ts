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

  // Per-row state lives here, and the readers below are made once per file: 160,000 rows
  // then allocate only what they keep, which keeps the garbage collector's work (and the
  // heap it grows) small.
  type Problem = { key: ColumnKey; code: RejectCode; shown: string | null };
  let cells: readonly unknown[] = [];
  let offset = 0;
  let problems: Problem[] | null = null;

  function take<T>(key: ColumnKey, required: boolean, read: (v: Plain) => T | null | CellProblem): T | null {
    const i = index[key];
    if (i === undefined) return null;
    const raw = plainValue(cells[i + offset]);
    const v = raw instanceof CellProblem ? raw : read(raw);
    if (v instanceof CellProblem) {
      (problems ??= []).push({ key, code: v.code, shown: v.shown });
      return null;
    }
    if (v === null && required) (problems ??= []).push({ key, code: 'MISSING_VALUE', shown: null });
    return v;
  }
  const randevuNoText = (v: Plain) => readText(v, 50);
  const institutionText = (v: Plain) => readText(v, 200);
  const day = (v: Plain) => readDate(v, date1904);
  const dateTime = (v: Plain) => readDateTime(v, date1904);

  /** `rowCells[offset]` is the first column (exceljs rows start at index 1). */
  return function validateRow(rowCells: readonly unknown[], rowNumber: number, rowOffset = 0): RowOutcome {
    cells = rowCells;
    offset = rowOffset;
    problems = null;

    const randevuNo = take('randevuNo', true, randevuNoText);
    const provinceCode = take('provinceCode', true, readProvince);
    const programCode = intern(take('programCode', true, readProgramCode));
    const date = intern(take('date', true, day));
    const time = intern(take('time', true, readTime));
    const preRegisteredAt = take('preRegisteredAt', true, dateTime);
    const motherTckn = take('motherTckn', true, readTckn);
    const motherFirstName = take('motherFirstName', true, readName);
    const motherLastName = take('motherLastName', true, readName);
    const motherBirthDate = intern(take('motherBirthDate', false, day));
    const childTckn = take('childTckn', false, readTckn);
    const childBirthDate = intern(take('childBirthDate', true, day));
    const phone = take('phone', false, readPhone);
    const caregiverTckn = take('caregiverTckn', false, readTckn);
    const institutionName = intern(take('institutionName', false, institutionText));
    const cancelled = take('status', false, readCancelled) ?? false;
    cells = [];

    if (problems !== null) {
      const ctx = { randevuNo, provinceCode };
      return {
        row: null,
        rejects: (problems as Problem[]).map((p) => rejectFor(rowNumber, p.key, p.code, p.shown, ctx)),
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
