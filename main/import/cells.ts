/**
 * Reading one cell of the list into the app's normalised form. A cell arrives either as text
 * (CSV, or an xlsx text cell) or as what exceljs' streaming reader produces for an xlsx cell:
 * a number, a boolean, `{ formula, result }`, `{ richText }`, `{ error }`, `{ text, hyperlink }`.
 *
 * Dates: the reader runs with styles ignored, so Excel date, time and date-time cells arrive
 * as serial numbers and are converted here by calendar arithmetic on the column's meaning.
 * No JavaScript Date in local time is ever involved, so the PC's time zone cannot shift a day
 * (exceljs' own Date conversion builds UTC instants, a classic off-by-one source).
 */
import { isValidTckn } from '../domain/tckn';
import { cleanSpaces, foldForSearch } from '../domain/turkishText';
import type { RejectCode } from '../texts/import';

/** A problem with one cell. Returned, not thrown: bad rows are ordinary data here. */
export class CellProblem {
  constructor(
    readonly code: RejectCode,
    /** The offending value as text, for messages (callers drop it for personal columns). */
    readonly shown: string | null = null,
  ) {}
}

export type Plain = string | number | boolean | Date | null;

/** Formula cells give their cached result (never evaluated); rich text and links their text. */
export function plainValue(v: unknown): Plain | CellProblem {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'string':
    case 'number':
    case 'boolean':
      return v;
    case 'object':
      break;
    default:
      return new CellProblem('BAD_TEXT');
  }
  if (v instanceof Date) return v;
  const o = v as Record<string, unknown>;
  if ('formula' in o || 'sharedFormula' in o || 'result' in o) {
    const r = o.result;
    // exceljs gives NaN for an empty <v></v> (written by generators that never calculate)
    // and for a cached error (#N/A): either way there is no value to take.
    if (r === undefined || r === null || (typeof r === 'number' && Number.isNaN(r))) return new CellProblem('FORMULA_NO_VALUE');
    if (typeof r === 'object' && r !== null && 'error' in r) return new CellProblem('CELL_ERROR', String((r as { error: unknown }).error));
    return plainValue(r);
  }
  if (Array.isArray(o.richText)) return (o.richText as { text?: unknown }[]).map((t) => (typeof t.text === 'string' ? t.text : '')).join('');
  if ('error' in o) return new CellProblem('CELL_ERROR', String(o.error));
  if (typeof o.text === 'string') return o.text;
  return new CellProblem('BAD_TEXT');
}

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic

const DAY_MS = 86_400_000;
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** Years outside this range are typing errors in an appointment list, not real dates. */
function validYmd(y: number, m: number, d: number): boolean {
  return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function isoDay(y: number, m: number, d: number): string {
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/**
 * Day texts by serial day number, made once each: a list repeats a few hundred days (the
 * appointment days, birth dates), and building each from a Date and a template per cell was
 * a tenth of a 160,000-row parse. The same string each time also makes interning it cheap.
 */
const DAY_TEXT: { [system: string]: (string | null)[] } = { '1900': [], '1904': [] };
/** Serial days past 2100 in either system are not dates of a list (cells.ts rejects them). */
const MAX_SERIAL_DAY = 73_415;

function dayText(days: number, date1904: boolean): string | null {
  if (days < 0 || days > MAX_SERIAL_DAY) return null;
  const cache = DAY_TEXT[date1904 ? '1904' : '1900']!;
  const known = cache[days];
  if (known !== undefined) return known;
  let text: string | null = null;
  if (date1904 || (days !== 60 && days !== 0)) {
    const ms = date1904 ? Date.UTC(1904, 0, 1) + days * DAY_MS : (days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30)) + days * DAY_MS;
    const at = new Date(ms);
    const y = at.getUTCFullYear();
    if (y >= 1900 && y <= 2100) text = isoDay(y, at.getUTCMonth() + 1, at.getUTCDate());
  }
  cache[days] = text;
  return text;
}

/** Seconds into the day of a serial, rounded to the second as Excel shows it. */
function secondsOf(serial: number): number {
  const total = Math.round(serial * 86_400);
  return total - Math.floor(total / 86_400) * 86_400;
}

/**
 * An Excel serial as a calendar day plus seconds into the day. The 1900 system counts
 * 1900-01-01 as 1 and keeps Lotus' phantom 1900-02-29 (serial 60); the 1904 system (old Mac
 * workbooks) counts from 1904-01-01 as 0.
 */
export function serialParts(serial: number, date1904: boolean): { day: string; seconds: number } | null {
  const day = serialDay(serial, date1904);
  return day === null ? null : { day, seconds: secondsOf(serial) };
}

function serialDay(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 0) return null;
  return dayText(Math.floor(Math.round(serial * 86_400) / 86_400), date1904);
}

const HHMM: string[] = [];
const HHMMSS: string[] = [];

function hhmm(seconds: number): string {
  const minutes = Math.floor(seconds / 60) % 1440;
  return (HHMM[minutes] ??= `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`);
}

function hhmmss(seconds: number): string {
  return (HHMMSS[seconds] ??= `${hhmm(seconds)}:${pad2(seconds % 60)}`);
}

interface TextStamp {
  day: string | null;
  time: { h: number; m: number; s: number } | null;
}

// dd.MM.yyyy (Turkish Excel; 1-2 digit day and month, `.` `/` or `-`), then yyyy-MM-dd (ISO,
// as pandas or a database export writes), each with an optional time; and a bare time.
const TR_DATE = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?:[ T]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const TIME = /^(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?$/;

function timeOf(h?: string, m?: string, s?: string): TextStamp['time'] | undefined {
  if (h === undefined || m === undefined) return null;
  const t = { h: Number(h), m: Number(m), s: s === undefined ? 0 : Number(s) };
  return t.h <= 23 && t.m <= 59 && t.s <= 59 ? t : undefined;
}

/** Parses date and/or time text; undefined when the text is not one (or is impossible). */
function parseStamp(s: string): TextStamp | undefined {
  let g = TR_DATE.exec(s);
  let y: number, mo: number, d: number;
  if (g) [d, mo, y] = [Number(g[1]), Number(g[2]), Number(g[3])];
  else if ((g = ISO_DATE.exec(s))) [y, mo, d] = [Number(g[1]), Number(g[2]), Number(g[3])];
  else {
    const t = TIME.exec(s);
    if (!t) return undefined;
    const time = timeOf(t[1], t[2], t[3]);
    return time ? { day: null, time } : undefined;
  }
  if (!validYmd(y, mo, d)) return undefined;
  const time = timeOf(g[4], g[5], g[6]);
  if (time === undefined) return undefined;
  return { day: isoDay(y, mo, d), time };
}

/** exceljs builds Date values as UTC instants of the Excel calendar value: read them in UTC. */
function utcDay(v: Date): string | null {
  const y = v.getUTCFullYear();
  return Number.isNaN(y) || y < 1900 || y > 2100 ? null : isoDay(y, v.getUTCMonth() + 1, v.getUTCDate());
}
function utcSeconds(v: Date): number {
  return v.getUTCHours() * 3600 + v.getUTCMinutes() * 60 + v.getUTCSeconds();
}

// ---------------------------------------------------------------------------------------------
// Column readers: value | null (empty) | CellProblem

export function readDate(v: Plain, date1904: boolean): string | null | CellProblem {
  if (v === null) return null;
  if (typeof v === 'number') return serialDay(v, date1904) ?? new CellProblem('BAD_DATE', String(v));
  if (v instanceof Date) return utcDay(v) ?? new CellProblem('BAD_DATE');
  if (typeof v !== 'string') return new CellProblem('BAD_DATE', String(v));
  const s = cleanSpaces(v);
  if (s === '') return null;
  // A time after the date (a date-time cell exported to text) is tolerated: the day is what counts.
  return parseStamp(s)?.day ?? new CellProblem('BAD_DATE', s);
}

export function readTime(v: Plain): string | null | CellProblem {
  if (v === null) return null;
  if (typeof v === 'number') {
    // A time cell is a fraction of a day; a date-time cell in this column gives its time part.
    if (!Number.isFinite(v) || v < 0) return new CellProblem('BAD_TIME', String(v));
    return hhmm(Math.round((v - Math.floor(v)) * 86_400) % 86_400);
  }
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? new CellProblem('BAD_TIME') : hhmm(utcSeconds(v));
  if (typeof v !== 'string') return new CellProblem('BAD_TIME', String(v));
  const s = cleanSpaces(v);
  if (s === '') return null;
  const t = parseStamp(s)?.time;
  return t ? `${pad2(t.h)}:${pad2(t.m)}` : new CellProblem('BAD_TIME', s);
}

const PAIR: [string, string] = ['', ''];

/**
 * `dayThh:mm:ss` as one flat string: the list keeps one per row, and a template literal
 * would keep a rope of three pieces (more memory, flattened again wherever it is used).
 * Array.join builds a flat string; one array serves every call (an array literal per row
 * was an allocation site V8 could decide to pretenure, see rowSource.ts).
 */
function flat(day: string, time: string): string {
  PAIR[0] = day;
  PAIR[1] = time;
  return PAIR.join('T');
}

export function readDateTime(v: Plain, date1904: boolean): string | null | CellProblem {
  if (v === null) return null;
  if (typeof v === 'number') {
    const day = serialDay(v, date1904);
    return day !== null ? flat(day, hhmmss(secondsOf(v))) : new CellProblem('BAD_DATETIME', String(v));
  }
  if (v instanceof Date) {
    const day = utcDay(v);
    return day ? flat(day, hhmmss(utcSeconds(v))) : new CellProblem('BAD_DATETIME');
  }
  if (typeof v !== 'string') return new CellProblem('BAD_DATETIME', String(v));
  const s = cleanSpaces(v);
  if (s === '') return null;
  const p = parseStamp(s);
  // The pre-registration time orders the main and reserve lists: a day alone is not enough.
  if (!p?.day || !p.time) return new CellProblem('BAD_DATETIME', s);
  return flat(p.day, `${pad2(p.time.h)}:${pad2(p.time.m)}:${pad2(p.time.s)}`);
}

/** Digits of a number-like cell: Excel numbers become integer text without float damage. */
function digitsOf(v: Plain): string | null | CellProblem {
  if (typeof v === 'number') return Number.isSafeInteger(v) && v >= 0 ? String(v) : new CellProblem('TCKN_FORMAT');
  if (typeof v !== 'string') return new CellProblem('TCKN_FORMAT');
  const s = v.replace(/[\s\u00a0\u2007\u202f\ufeff]+/g, '');
  if (s === '') return null;
  return s;
}

export function readTckn(v: Plain): string | null | CellProblem {
  if (v === null) return null;
  // The usual cell, 11 digits as text or as a number, checked without the regexes below.
  if (typeof v === 'string' && v.length === 11 && isValidTckn(v)) return v;
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 1e10 && v < 1e11) {
    const s = String(v);
    return isValidTckn(s) ? s : new CellProblem('TCKN_CHECKSUM');
  }
  let s = digitsOf(v);
  if (s === null || s instanceof CellProblem) return s;
  // "1,23457E+10": the column was General in Excel and the CSV kept the rounded display.
  if (/^\d+(?:[.,]\d+)?E\+?\d+$/i.test(s)) return new CellProblem('TCKN_SCIENTIFIC');
  s = s.replace(/[.,]0+$/, ''); // "12345678901.0" from tools that write every number as a float
  if (!/^[1-9]\d{10}$/.test(s)) return new CellProblem('TCKN_FORMAT');
  return isValidTckn(s) ? s : new CellProblem('TCKN_CHECKSUM');
}

const PROVINCE_TEXT = Array.from({ length: 82 }, (_, i) => pad2(i));

/** Plate code 1-81 as 2-digit text: 6, "6", "06" and "06.0" are all "06". */
export function readProvince(v: Plain): string | null | CellProblem {
  if (v === null) return null;
  let n: number;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string') {
    const s = cleanSpaces(v);
    if (s === '') return null;
    n = /^\d{1,3}(?:[.,]0+)?$/.test(s) ? parseInt(s, 10) : NaN;
  } else return new CellProblem('BAD_PROVINCE', String(v));
  return Number.isInteger(n) && n >= 1 && n <= 81 ? PROVINCE_TEXT[n]! : new CellProblem('BAD_PROVINCE', String(v));
}

/** "0532 123 45 67", "+90 (532) 123-45-67", 5321234567 (an Excel number lost the 0) -> "05321234567". */
export function readPhone(v: Plain): string | null | CellProblem {
  if (v === null) return null;
  let s: string;
  if (typeof v === 'number') s = Number.isSafeInteger(v) ? String(v) : '';
  else if (typeof v === 'string') s = v.replace(/[\s\u00a0\u2007\u202f\ufeff().\-/]+/g, '');
  else return new CellProblem('BAD_PHONE');
  if (s === '' && typeof v === 'string') return null;
  if (s.startsWith('+90')) s = `0${s.slice(3)}`;
  else if (s.startsWith('0090')) s = `0${s.slice(4)}`;
  else if (s.length === 12 && s.startsWith('90')) s = `0${s.slice(2)}`;
  else if (s.length === 10 && !s.startsWith('0')) s = `0${s}`;
  return /^0[1-9]\d{9}$/.test(s) ? s : new CellProblem('BAD_PHONE');
}

/** Empty or AKTİF -> false; İPTAL in any tr-TR or ASCII casing -> true. */
export function readCancelled(v: Plain): boolean | CellProblem {
  if (v === null) return false;
  if (typeof v !== 'string') return new CellProblem('BAD_STATUS', String(v));
  // HQ's own spellings, without folding.
  if (v === '' || v === 'AKTİF') return false;
  if (v === 'İPTAL') return true;
  const s = foldForSearch(v);
  if (s === '' || s === 'aktif') return false;
  if (s === 'iptal') return true;
  return new CellProblem('BAD_STATUS', cleanSpaces(v));
}

const NAME = /^[\p{L}\p{M}][\p{L}\p{M} '’.\-]*$/u;

/** Names are kept as given (case and letters), spaces cleaned; digits mean shifted columns. */
export function readName(v: Plain): string | null | CellProblem {
  if (v === null) return null;
  if (typeof v !== 'string') return new CellProblem('BAD_NAME');
  const s = cleanSpaces(v);
  if (s === '') return null;
  return s.length <= 100 && NAME.test(s) ? s : new CellProblem('BAD_NAME');
}

/** Programme codes are ASCII identifiers: "evde-2015" and "KURUMSAL-2019" as written by HQ. */
export function readProgramCode(v: Plain): string | null | CellProblem {
  if (v === null) return null;
  if (typeof v !== 'string') return new CellProblem('BAD_PROGRAM_CODE', String(v));
  // Locale-free upper case plus İ -> I: "bakici", "bakıcı" and "BAKİCİ" all mean BAKICI.
  const s = v.replace(/[\s\u00a0\u2007\u202f\ufeff]+/g, '').toUpperCase().replace(/İ/g, 'I');
  if (s === '') return null;
  return /^[A-Z0-9][A-Z0-9_.\-]{0,39}$/.test(s) ? s : new CellProblem('BAD_PROGRAM_CODE', cleanSpaces(v));
}

export function readText(v: Plain, maxLength: number): string | null | CellProblem {
  if (v === null) return null;
  let s: string;
  if (typeof v === 'string') s = cleanSpaces(v);
  else if (typeof v === 'number') s = String(v);
  else return new CellProblem('BAD_TEXT');
  if (s === '') return null;
  // eslint-disable-next-line no-control-regex
  return s.length <= maxLength && !/[\u0000-\u001f\u007f\ufffd]/.test(s) ? s : new CellProblem('BAD_TEXT');
}

// ---------------------------------------------------------------------------------------------
// Preview: what the spreadsheet shows, before validation

export function displayText(v: unknown, kind: 'date' | 'time' | 'dateTime' | 'other', date1904: boolean): string {
  const p = plainValue(v);
  if (p === null || p instanceof CellProblem) return p instanceof CellProblem && p.shown ? p.shown : '';
  if (typeof p === 'number' && kind !== 'other') {
    if (kind === 'time') return hhmm(Math.round((p - Math.floor(p)) * 86_400) % 86_400);
    const s = serialParts(p, date1904);
    if (!s) return String(p);
    const [y, m, d] = s.day.split('-');
    return kind === 'date' ? `${d}.${m}.${y}` : `${d}.${m}.${y} ${hhmmss(s.seconds)}`;
  }
  if (p instanceof Date) return p.toISOString().slice(0, 19);
  return String(p);
}
