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
import { rejectText, type RejectCode } from '../texts/import';
import { detach, detachOrNull } from './strings';
import type { AppointmentRow, RowReject } from './types';
import { DESK } from '../texts/desk';

interface RowOutcome {
  row: AppointmentRow | null;
  rejects: RowReject[] | null;
  /** Read even from a rejected row: duplicates and another province's rows are found by them. */
  randevuNo: string | null;
  provinceCode: string | null;
}

export function rejectFor(row: number, key: ColumnKey | null, code: RejectCode, shown: string | null, ctx: { randevuNo: string | null; provinceCode: string | null; firstRow?: number }): RowReject {
  const header = key ? HEADER_OF[key] : DESK.importReport.row.tr;
  const text = rejectText(code, header, key && PERSONAL.has(key) ? null : shown, ctx.firstRow);
  return { row, column: key ? HEADER_OF[key] : null, code, tr: text.tr, en: text.en, randevuNo: ctx.randevuNo, provinceCode: ctx.provinceCode };
}

/** Distinct cell values remembered per column (see `memoTake`): a bound on its memory. */
const MEMO_LIMIT = 50_000;

/**
 * Validates and normalises one data row. Every problem of the row is reported (not only the
 * first), so the office head can fix a row in one go.
 *
 * `ownStrings`: the row source's strings hold no reference to larger text (sheetSource.ts
 * makes each from its cell's own bytes), so what a row keeps needs no copy (strings.ts); the
 * CSV reader and exceljs cut theirs out of whole chunks, and those are copied.
 */
export function makeRowValidator(index: Partial<Record<ColumnKey, number>>, date1904: boolean, options: { ownStrings?: boolean } = {}) {
  const keep = options.ownStrings ? (s: string) => s : detach;
  const keepOrNull = options.ownStrings ? (s: string | null) => s : detachOrNull;
  // Many rows share a day, a time, a programme: one string each instead of one per row
  // keeps 160,000 rows well inside the memory budget.
  const interned = new Map<string, string>();
  const intern = (s: string): string => {
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

  /** One column's reader, resolved once per file: the row loop then does no keyed lookups. */
  interface Column<T> {
    key: ColumnKey;
    /** Index in the header, -1 when the file has no such column. */
    at: number;
    required: boolean;
    read: (v: Plain) => T | null | CellProblem;
  }
  const column = <T>(key: ColumnKey, required: boolean, read: (v: Plain) => T | null | CellProblem): Column<T> => ({ key, at: index[key] ?? -1, required, read });

  function note<T>(c: Column<T>, v: T | null | CellProblem): T | null {
    if (v instanceof CellProblem) {
      (problems ??= []).push({ key: c.key, code: v.code, shown: v.shown });
      return null;
    }
    if (v === null && c.required) (problems ??= []).push({ key: c.key, code: 'MISSING_VALUE', shown: null });
    return v;
  }

  function take<T>(c: Column<T>): T | null {
    if (c.at < 0) return null;
    const raw = plainValue(cells[c.at + offset]);
    return note(c, raw instanceof CellProblem ? raw : c.read(raw));
  }

  /**
   * `take` for columns whose few distinct values repeat (days, times, programmes, names):
   * each distinct cell value is read once, and its text interned, so the rows share one
   * string per value. Its outcome depends on the value alone, so remembering it is exact.
   */
  function memoTake(c: Column<string>, memo: Map<unknown, string | null | CellProblem>): string | null {
    if (c.at < 0) return null;
    const cell = cells[c.at + offset];
    const primitive = typeof cell === 'string' || typeof cell === 'number';
    let v = primitive ? memo.get(cell) : undefined;
    if (v === undefined) {
      const raw = plainValue(cell);
      v = raw instanceof CellProblem ? raw : c.read(raw);
      if (typeof v === 'string') v = intern(v);
      // A key that pins the reader's chunk would keep the whole sheet's text alive.
      if (primitive && memo.size < MEMO_LIMIT) memo.set(typeof cell === 'string' ? keep(cell) : cell, v);
    }
    return note(c, v);
  }
  const memo = () => new Map<unknown, string | null | CellProblem>();
  const day = (v: Plain) => readDate(v, date1904);
  const cols = {
    randevuNo: column('randevuNo', true, (v) => readText(v, 50)),
    provinceCode: column('provinceCode', true, readProvince),
    programCode: column('programCode', true, readProgramCode),
    date: column('date', true, day),
    time: column('time', true, readTime),
    preRegisteredAt: column('preRegisteredAt', true, (v) => readDateTime(v, date1904)),
    motherTckn: column('motherTckn', true, readTckn),
    motherFirstName: column('motherFirstName', true, readName),
    motherLastName: column('motherLastName', true, readName),
    motherBirthDate: column('motherBirthDate', false, day),
    childTckn: column('childTckn', false, readTckn),
    childBirthDate: column('childBirthDate', true, day),
    phone: column('phone', false, readPhone),
    caregiverTckn: column('caregiverTckn', false, readTckn),
    institutionName: column('institutionName', false, (v) => readText(v, 200)),
    status: column('status', false, readCancelled),
  };
  const memos = {
    programCode: memo(),
    date: memo(),
    time: memo(),
    motherFirstName: memo(),
    motherLastName: memo(),
    motherBirthDate: memo(),
    childBirthDate: memo(),
    institutionName: memo(),
  };

  /** `rowCells[offset]` is the first column (exceljs rows start at index 1). */
  return function validateRow(rowCells: readonly unknown[], rowNumber: number, rowOffset = 0): RowOutcome {
    cells = rowCells;
    offset = rowOffset;
    problems = null;

    const randevuNo = take(cols.randevuNo);
    const provinceCode = take(cols.provinceCode);
    const programCode = memoTake(cols.programCode, memos.programCode);
    const date = memoTake(cols.date, memos.date);
    const time = memoTake(cols.time, memos.time);
    const preRegisteredAt = take(cols.preRegisteredAt);
    const motherTckn = take(cols.motherTckn);
    const motherFirstName = memoTake(cols.motherFirstName, memos.motherFirstName);
    const motherLastName = memoTake(cols.motherLastName, memos.motherLastName);
    const motherBirthDate = memoTake(cols.motherBirthDate, memos.motherBirthDate);
    const childTckn = take(cols.childTckn);
    const childBirthDate = memoTake(cols.childBirthDate, memos.childBirthDate);
    const phone = take(cols.phone);
    const caregiverTckn = take(cols.caregiverTckn);
    const institutionName = memoTake(cols.institutionName, memos.institutionName);
    const cancelled = take(cols.status) ?? false;
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
    // Everything kept past this row holds no reference to the reader's buffers (see strings.ts):
    // interned values are copies already, and the date-time is built flat (cells.ts).
    const row: AppointmentRow = {
      randevuNo: keep(randevuNo!),
      programCode: programCode!,
      provinceCode: provinceCode!,
      date: date!,
      time: time!,
      preRegisteredAt: preRegisteredAt!,
      motherTckn: keep(motherTckn!),
      motherFirstName: motherFirstName!,
      motherLastName: motherLastName!,
      motherBirthDate,
      childTckn: keepOrNull(childTckn),
      childBirthDate: childBirthDate!,
      phone: keepOrNull(phone),
      caregiverTckn: keepOrNull(caregiverTckn),
      institutionName,
      cancelled,
      sourceRow: rowNumber,
    };
    return { row, rejects: null, randevuNo, provinceCode };
  };
}
