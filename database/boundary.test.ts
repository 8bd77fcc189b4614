import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The database boundary, checked on the sources: outside database/ no file holds SQL, touches the
 * SQLite driver or a raw connection, or imports database internals. Application code imports only
 * database/index.ts; tests, test helpers and bench/ also database/testing/ (fixtures, internals.ts).
 * HQ's own PostgreSQL layer (hq/database/) is another database and keeps its SQL.
 */
const ROOT = path.resolve(__dirname, '..');
const SCANNED = ['main', 'preload', 'renderer/src', 'scripts', 'hq', 'bench', 'e2e'];
const DATABASE = path.join(ROOT, 'database');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name === 'node_modules' || e.name === 'dist' || p === path.join(ROOT, 'hq', 'database')) continue;
      out.push(...sourceFiles(p));
    } else if (/\.tsx?$/.test(e.name)) out.push(p);
  }
  return out;
}

const isTestSide = (rel: string) => /\.test\.tsx?$/.test(rel) || rel.split(path.sep).includes('testing') || rel.startsWith(`bench${path.sep}`) || rel.startsWith(`e2e${path.sep}`);

/** An SQL statement in a string literal: upper-case keywords in statement order (Turkish text never matches). */
const SQL = /\b(SELECT\s[\s\S]*\bFROM\s|INSERT\s+(OR\s+[A-Z]+\s+)?INTO\s|UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s|CREATE\s+(TABLE|INDEX|VIEW)\s|DROP\s+TABLE\s|PRAGMA\s+\w)/;
/** Driver calls on a connection (better-sqlite3's API); `.exec(` is left out: RegExp has one. */
const DRIVER_CALL = new Set(['prepare', 'pragma', 'transaction', 'backup', 'serialize', 'loadExtension']);
const RAW_NAMES = new Set(['RawDatabase', 'rawHandle', 'writableHandle', 'openEncrypted', 'applyKey']);

interface Finding {
  file: string;
  line: number;
  what: string;
}

function findingsOf(file: string): Finding[] {
  const rel = path.relative(ROOT, file);
  const testSide = isTestSide(rel);
  const text = fs.readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: Finding[] = [];
  const at = (node: ts.Node, what: string) => out.push({ file: rel, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, what });

  const checkSpecifier = (node: ts.Node, spec: string) => {
    if (spec === 'better-sqlite3-multiple-ciphers' || spec === 'better-sqlite3') {
      if (!testSide) at(node, `imports the SQLite driver (${spec})`);
      return;
    }
    if (!spec.startsWith('.')) return;
    const target = path.resolve(path.dirname(file), spec);
    if (target !== DATABASE && !target.startsWith(DATABASE + path.sep)) return;
    const inside = path.relative(DATABASE, target);
    if (inside === '' || inside === 'index') return;
    if (testSide && inside.split(path.sep)[0] === 'testing') return;
    at(node, `imports database internals (${spec}); use database/index.ts`);
  };

  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      checkSpecifier(node, node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.arguments.length > 0 && ts.isStringLiteral(node.arguments[0]!)) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) checkSpecifier(node, (node.arguments[0] as ts.StringLiteral).text);
    }
    if (!testSide) {
      if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) && SQL.test(node.text)) {
        at(node, `holds SQL (${node.text.slice(0, 40)}…); it belongs in database/queries/`);
      }
      // hq/ calls its own engine (hq/database/engine.ts: query, transaction), not SQLite's driver.
      if (!rel.startsWith(`hq${path.sep}`) && ts.isPropertyAccessExpression(node) && DRIVER_CALL.has(node.name.text) && ts.isCallExpression(node.parent) && node.parent.expression === node) {
        at(node, `calls the driver (.${node.name.text}); read through database/queries/, write through the ledger`);
      }
      if (ts.isIdentifier(node) && RAW_NAMES.has(node.text)) at(node, `names a raw connection (${node.text})`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

describe('the database boundary', () => {
  const files = SCANNED.flatMap((d) => sourceFiles(path.join(ROOT, d)));

  it('outside database/: no SQL, no driver call or raw connection, no import of database internals', () => {
    expect(files.length).toBeGreaterThan(200);
    const findings = files.flatMap(findingsOf).map((f) => `${f.file}:${f.line} ${f.what}`);
    expect(findings).toEqual([]);
  });

  it('notices each kind of breach (the scanner itself works)', () => {
    const dir = fs.mkdtempSync(path.join(ROOT, 'main', '.boundary-probe-'));
    try {
      const probe = path.join(dir, 'probe.ts');
      fs.writeFileSync(
        probe,
        [
          "import Database from 'better-sqlite3-multiple-ciphers';",
          "import { cachedStatement } from '../../database/ledger/statementCache';",
          "import type { RawDatabase } from '../../database';",
          "export const q = 'SELECT randevu_no FROM appointments WHERE date = ?';",
          'export function f(store: { reader: { prepare(s: string): unknown } }) { return store.reader.prepare(q); }',
          "export const ok = 'Bir sorun oluştu: SEÇİLEN kayıt silinemedi';",
        ].join('\n'),
      );
      const what = findingsOf(probe).map((f) => `${f.line} ${f.what.split(' (')[0]}`);
      expect(what).toEqual([
        '1 imports the SQLite driver',
        '2 imports database internals',
        '3 names a raw connection',
        '4 holds SQL',
        '5 calls the driver',
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
