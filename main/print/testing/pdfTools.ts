/**
 * Reading printed PDFs back with independent tools (poppler's pdftotext/pdfinfo/pdftoppm,
 * zbar's zbarimg), so that tests check what a reader and a scanner would see rather than
 * what pdfmake was asked to draw.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TOOLS = ['pdftotext', 'pdfinfo', 'pdffonts', 'pdftoppm', 'zbarimg'] as const;

/** Tools not on this machine; tests skip (with this list as the printed reason) if any is. */
export function missingPdfTools(): string[] {
  return TOOLS.filter((tool) => {
    const probe = spawnSync(tool, ['-v'], { stdio: 'ignore' });
    return probe.error !== undefined;
  });
}

function run(tool: string, args: string[]): string {
  const result = spawnSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${tool} exited ${result.status}: ${result.stderr}`);
  return result.stdout;
}

/** A temp folder for one test file's PDFs and images, removed by `cleanup`. */
export function tempFolder(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `masa-print-${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function writePdf(dir: string, name: string, pdf: Buffer): string {
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, pdf);
  return path;
}

/** `pdftotext -layout`, of one page or of the whole document. */
export function pdfText(pdf: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return run('pdftotext', ['-layout', '-enc', 'UTF-8', ...range, pdf, '-']);
}

/** Each page's text: pdftotext separates pages with a form feed. */
export function pdfPages(pdf: string): string[] {
  const pages = pdfText(pdf).split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

interface PdfInfo {
  pages: number;
  widthPt: number;
  heightPt: number;
}

export function pdfInfo(pdf: string): PdfInfo {
  const out = run('pdfinfo', [pdf]);
  const pages = /^Pages:\s+(\d+)/m.exec(out);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(out);
  if (!pages || !size) throw new Error(`unexpected pdfinfo output:\n${out}`);
  return { pages: Number(pages[1]), widthPt: Number(size[1]), heightPt: Number(size[2]) };
}

/** Font names embedded in the PDF (`pdffonts` ships with pdfinfo in poppler-utils). */
export function pdfFonts(pdf: string): Array<{ name: string; embedded: boolean }> {
  const lines = run('pdffonts', [pdf]).split('\n').slice(2).filter((l) => l.trim());
  return lines.map((line) => {
    const cols = line.trim().split(/\s+/);
    // name type... encoding emb sub uni object ID: "emb" is the 5th column from the end.
    return { name: cols[0] ?? '', embedded: cols.at(-5) === 'yes' };
  });
}

/** Renders pages to PNG at `dpi` into `dir`; returns the image paths in page order. */
export function renderPng(pdf: string, dpi: number, dir: string, firstPage = 1, lastPage = firstPage): string[] {
  const prefix = `page-${dpi}`;
  run('pdftoppm', ['-r', String(dpi), '-png', '-f', String(firstPage), '-l', String(lastPage), pdf, join(dir, prefix)]);
  return readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.png'))
    .sort()
    .map((f) => join(dir, f));
}

/** Every barcode zbarimg finds in the image, as raw text; empty if none (exit code 4). */
export function decodeBarcodes(png: string): string[] {
  const result = spawnSync('zbarimg', ['--raw', '-q', png], { encoding: 'utf8' });
  if (result.error) throw result.error;
  if (result.status === 4) return [];
  if (result.status !== 0) throw new Error(`zbarimg exited ${result.status}: ${result.stderr}`);
  return result.stdout.split('\n').filter((l) => l.length > 0);
}

/**
 * Checks that the needles occur in this order (each after the previous one); returns the
 * first needle that does not, or null. Better failure messages than a boolean.
 */
export function firstOutOfOrder(text: string, needles: readonly string[]): string | null {
  let from = 0;
  for (const needle of needles) {
    const at = text.indexOf(needle, from);
    if (at < 0) return needle;
    from = at + needle.length;
  }
  return null;
}
