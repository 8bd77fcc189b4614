import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { COLUMNS } from '../main/import/columns';
import { CLI } from '../main/texts/cli';
import { DESK } from '../main/texts/desk';
import { SHELL } from '../main/texts/shell';
import type { Catalogue } from '../main/texts';
import { HQ } from '../hq/texts/cli';
import { APPOINTMENT_HEADERS, DUPLICATE_HEADERS, MERGE_SUMMARY_FIELDS, PACKS_SUMMARY_FIELD, REGISTRATION_HEADERS, REJECTION_HEADERS, SHEETS, SUMMARY_FIELDS } from '../main/reconciliation/sheets';

/**
 * Every text a person reads comes from a catalogue (docs/CONVENTIONS.md "Texts"): a string,
 * template or JSX text holding a Turkish letter anywhere else in the program's sources is a
 * finding. Tests and their fixtures (`*.test.ts`, `testing/` folders, `testing.ts`) are not
 * scanned: their Turkish is sample data and the texts they assert.
 */
const ROOT = path.resolve(__dirname, '..');
const SCANNED = ['main', 'preload', 'renderer/src', 'hq', 'scripts'];
const TURKISH = /[çğıöşüÇĞİÖŞÜ]/;

/** The catalogues: the only files where user-facing Turkish lives. */
const CATALOGUES = [
  'renderer/src/i18n/tr.ts', // the screens' Turkish (i18next resources)
  'renderer/src/i18n/en.ts', // the screens' English; names the language "Türkçe" in the switch
  'preload/contract/errors.ts', // error codes' texts, shared by main, the CLI and the renderer
  'preload/contract/fieldMessages.ts', // form fields' messages, shared the same way
  'preload/contract/appointmentStatus.ts', // the status chips' labels, shared by screens and forms
  'main/texts/cli.ts', // the desk CLI's texts
  'main/texts/desk.ts', // texts main's services, forms and checks give the window and the CLI
  'main/texts/shell.ts', // the desktop shell's menu and dialogs, the bridge's refusal, the launchers
  'main/texts/import.ts', // the import's refusals, rejected rows and report lines
  'hq/texts/cli.ts', // the HQ program's texts
  'hq/texts/intake.ts', // HQ's reasons for loading or refusing a day file
];

/** Files whose Turkish is data, not a text for a person; each with why. */
const NOT_USER_TEXT: Record<string, string> = {
  'preload/contract/provinces.ts': 'the 81 province names as the official list spells them',
  'hq/database/queries/analysis.ts': "HQ's SQL, comparing the Sonuç column's contract values (KESİN KAYIT, GELMEDİ, İPTAL)",
  'scripts/sample-list.ts': "the sample HQ list generator's synthetic names",
};

/** Words of the HQ file contract (HQ-FILES.md): a literal equal to one is contract data wherever it is read or written. */
const CONTRACT_TERMS = new Set<string>([
  ...Object.values(SHEETS),
  ...SUMMARY_FIELDS,
  ...APPOINTMENT_HEADERS,
  ...REGISTRATION_HEADERS,
  ...REJECTION_HEADERS,
  ...DUPLICATE_HEADERS,
  ...MERGE_SUMMARY_FIELDS,
  PACKS_SUMMARY_FIELD,
  ...COLUMNS.map((c) => c.header),
  // The Özet sheet's two column headers, the Sonuç column's outcomes, the Durum column's values and the Mükerrer sheet's kinds.
  'Alan',
  'Değer',
  'KESİN KAYIT',
  'EKSİK EVRAK',
  'GELMEDİ',
  'İPTAL',
  'AKTİF',
  'ÇOCUK',
]);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name === 'node_modules' || e.name === 'dist' || e.name === 'testing') continue;
      out.push(...sourceFiles(p));
    } else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') && e.name !== 'testing.ts') out.push(p);
  }
  return out;
}

interface TurkishLiteral {
  file: string;
  line: number;
  text: string;
}

function turkishLiteralsOf(file: string): TurkishLiteral[] {
  const rel = path.relative(ROOT, file).split(path.sep).join('/');
  const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: TurkishLiteral[] = [];
  const visit = (node: ts.Node): void => {
    const isText = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node) || ts.isJsxText(node);
    if (isText && TURKISH.test(node.text) && !CONTRACT_TERMS.has(node.text)) {
      out.push({ file: rel, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text: node.text.trim().slice(0, 80) });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

describe('user-facing texts live in the catalogues', () => {
  const files = SCANNED.flatMap((d) => sourceFiles(path.join(ROOT, d)));
  const rel = (f: string) => path.relative(ROOT, f).split(path.sep).join('/');
  const exempt = new Set([...CATALOGUES, ...Object.keys(NOT_USER_TEXT)]);

  it('no Turkish text literal outside the catalogues and the files of data', () => {
    expect(files.length).toBeGreaterThan(200);
    const findings = files.filter((f) => !exempt.has(rel(f))).flatMap(turkishLiteralsOf).map((l) => `${l.file}:${l.line} "${l.text}"`);
    expect(findings).toEqual([]);
  });

  it('the scanner sees the catalogues (it is not passing for want of looking)', () => {
    for (const c of CATALOGUES) {
      expect(fs.existsSync(path.join(ROOT, c)), c).toBe(true);
      expect(turkishLiteralsOf(path.join(ROOT, c)).length, c).toBeGreaterThan(0);
    }
  });

  it('every file of data still exists and still holds Turkish (the list does not go stale)', () => {
    for (const f of [...Object.keys(NOT_USER_TEXT)]) {
      expect(fs.existsSync(path.join(ROOT, f)), f).toBe(true);
      expect(turkishLiteralsOf(path.join(ROOT, f)).length, f).toBeGreaterThan(0);
    }
  });

  it('notices a Turkish string, template and JSX text, and passes contract words and English', () => {
    const dir = fs.mkdtempSync(path.join(ROOT, 'main', '.texts-probe-'));
    try {
      const probe = path.join(dir, 'probe.tsx');
      fs.writeFileSync(
        probe,
        [
          "export const a = 'Kayıt bulunamadı.';",
          'export const b = (n: number) => `${n} satır okundu`;',
          'export const c = <p>Yükleniyor</p>;',
          "export const d = 'KESİN KAYIT';",
          "export const e = 'Not found.';",
          "export const f = SHEET['Randevu Sayısı'];",
        ].join('\n'),
      );
      expect(turkishLiteralsOf(probe).map((l) => `${l.line} ${l.text}`)).toEqual(['1 Kayıt bulunamadı.', '2 satır okundu', '3 Yükleniyor']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("every entry of main's and HQ's catalogues has its Turkish and its English, of the same shape", () => {
    const leaves: string[] = [];
    const walk = (node: Catalogue, at: string) => {
      for (const [key, value] of Object.entries(node)) {
        const here = `${at}.${key}`;
        if ('tr' in value && 'en' in value && (typeof value.tr === 'string' || typeof value.tr === 'function')) {
          expect(typeof value.en, here).toBe(typeof value.tr);
          if (typeof value.tr === 'string') {
            expect(value.tr.trim(), here).not.toBe('');
            expect((value.en as string).trim(), here).not.toBe('');
          }
          leaves.push(here);
        } else walk(value as Catalogue, here);
      }
    };
    walk(CLI, 'CLI');
    walk(DESK, 'DESK');
    walk(SHELL, 'SHELL');
    walk(HQ, 'HQ');
    expect(leaves.length).toBeGreaterThan(300);
    // A text without its English twin does not compile (checked by `tsc`, which reads this file).
    // @ts-expect-error -- the English is missing
    const missingEnglish = { pack: { good: { tr: 'Paket denetimden geçti' } } } satisfies Catalogue;
    expect(missingEnglish.pack.good.tr).toBe('Paket denetimden geçti');
  });
});
