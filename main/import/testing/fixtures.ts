/** Small builders for import tests: the contract's headers and a valid row to vary. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tcknFromPrefix } from '../../domain/tckn';
import { COLUMNS, type ColumnHeader } from '../columns';
import type { FixtureCell } from './openpyxl';

export const HEADERS: ColumnHeader[] = COLUMNS.map((c) => c.header);

export const TCKN = {
  mother1: tcknFromPrefix('100000001'),
  mother2: tcknFromPrefix('100000002'),
  mother3: tcknFromPrefix('100000003'),
  child1: tcknFromPrefix('200000001'),
  caregiver1: tcknFromPrefix('300000001'),
};

/** A valid row as text cells (what a CSV holds), keyed by contract header. */
export function textRow(n: number, over: Partial<Record<ColumnHeader, FixtureCell>> = {}): Record<ColumnHeader, FixtureCell> {
  return {
    'Randevu No': `35-2026-${String(n).padStart(6, '0')}`,
    'Program Kodu': 'EVDE-2015',
    'İl Kodu': '35',
    'Randevu Tarihi': '24.11.2026',
    'Randevu Saati': '09:10',
    'Ön Kayıt Zamanı': '25.06.2026 10:00:03',
    'Anne TC Kimlik No': tcknFromPrefix(String(100000000 + n)),
    'Anne Adı': 'ŞÜKRAN',
    'Anne Soyadı': 'ÖZTÜRK',
    'Anne Doğum Tarihi': '15.03.1990',
    'Çocuk TC Kimlik No': tcknFromPrefix(String(200000000 + n)),
    'Çocuk Doğum Tarihi': '01.05.2025',
    'Cep Telefonu': '0532 123 45 67',
    'Bakıcı TC Kimlik No': '',
    'Kurum Adı': '',
    Durum: '',
    ...over,
  };
}

/** A row as a real Excel export holds it: date, time and date-time cells, numbers as numbers. */
export function excelRow(n: number, over: Partial<Record<ColumnHeader, FixtureCell>> = {}): Record<ColumnHeader, FixtureCell> {
  return textRow(n, {
    'İl Kodu': 35,
    'Randevu Tarihi': { date: '2026-11-24' },
    'Randevu Saati': { time: '09:10' },
    'Ön Kayıt Zamanı': { dateTime: '2026-06-25T10:00:03' },
    'Anne Doğum Tarihi': { date: '1990-03-15' },
    'Çocuk Doğum Tarihi': { date: '2025-05-01' },
    ...over,
  });
}

export function rowsOf(headers: readonly string[], records: Record<string, FixtureCell>[]): FixtureCell[][] {
  return [headers.slice(), ...records.map((r) => headers.map((h) => r[h] ?? null))];
}

/** RFC 4180 CSV text (quotes only where needed), for hand-written CSV fixtures. */
export function csvText(rows: FixtureCell[][], sep = ';', eol = '\r\n'): string {
  const field = (v: FixtureCell) => {
    const s = v === null ? '' : String(v);
    return /["\r\n]/.test(s) || s.includes(sep) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(field).join(sep)).join(eol) + eol;
}

export function tempDir(prefix: string): { dir: string; file(name: string, content: string | Buffer): string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), `masa-import-${prefix}-`));
  return {
    dir,
    file(name, content) {
      const p = join(dir, name);
      writeFileSync(p, content);
      return p;
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
