import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The paths docs/architecture.md and docs/CONVENTIONS.md name in `code` quotes exist: a file
 * moved or deleted takes its mention with it. A quoted path starting with a project folder must
 * exist as written (a bench by its name, `bench/import` for bench/import.ts; `NNNN`, `*` and
 * `<name>` as wildcards); a bare file name (`plan.ts`, named inside its folder's section) must exist
 * somewhere in the project.
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const DOCS = ['docs/architecture.md', 'docs/CONVENTIONS.md'];
const FOLDERS = ['main', 'database', 'preload', 'renderer', 'hq', 'scripts', 'bench', 'e2e', 'build', 'docs'];
const SOURCE_NAME = /^[\w.-]+\.(ts|tsx|md|json|c)$/;
/** Files the program writes or reads at run time, named for what they hold: no such file is in the tree. */
const RUN_TIME_FILES = new Set(['ayarlar.json', 'dogrulandi.json']);

function allFiles(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const rel = dir === '' ? e.name : `${dir}/${e.name}`;
    if (e.isDirectory()) allFiles(rel, out);
    else out.push(rel);
  }
  return out;
}

function exists(quoted: string, files: string[]): boolean {
  const p = quoted.replace(/\/$/, '');
  if (/NNNN|\*|<\w+>/.test(p)) {
    const re = new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace('NNNN', '\\d{4}').replace(/\*/g, '[^/]*').replace(/<\w+>/g, '[^/]+')}$`);
    return files.some((f) => re.test(f));
  }
  return fs.existsSync(path.join(ROOT, p)) || (p.startsWith('bench/') && fs.existsSync(path.join(ROOT, `${p}.ts`)));
}

/** The path-like quotes of a document, each with its line. */
function quotedPaths(doc: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  fs.readFileSync(path.join(ROOT, doc), 'utf8')
    .split('\n')
    .forEach((line, i) => {
      for (const m of line.matchAll(/`([^`\s]+)`/g)) {
        const text = m[1]!.replace(/[,.:;]$/, '');
        const top = text.split('/')[0]!;
        if ((text.includes('/') && FOLDERS.includes(top)) || SOURCE_NAME.test(text)) out.push({ line: i + 1, text });
      }
    });
  return out;
}

describe('paths named by the docs', () => {
  const files = allFiles('');
  const basenames = new Set(files.map((f) => path.posix.basename(f)));

  it.each(DOCS)('%s names only paths that exist', (doc) => {
    const quoted = quotedPaths(doc);
    expect(quoted.length).toBeGreaterThan(10);
    const missing = quoted
      .filter((q) => (q.text.includes('/') ? !exists(q.text, files) : !basenames.has(q.text) && !RUN_TIME_FILES.has(q.text)))
      .map((q) => `${doc}:${q.line} ${q.text}`);
    expect(missing).toEqual([]);
  });

  it('notices a path that does not exist', () => {
    expect(exists('main/services/desk.ts', files)).toBe(true);
    expect(exists('database/migrations/NNNN-*.ts', files)).toBe(true);
    expect(exists('bench/import', files)).toBe(true);
    expect(exists('main/services/gone.ts', files)).toBe(false);
    expect(exists('database/migrations/NNNN-*.sql', files)).toBe(false);
    expect(basenames.has('plan.ts') && !basenames.has('noSuchFile.ts')).toBe(true);
  });
});
