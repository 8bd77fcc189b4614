import fs from 'node:fs';
import path from 'node:path';
import { fsyncDir } from '../../database';
import { AppError } from './appError';

/**
 * The one rule for every file Masa writes where a user pointed (exports, merges, reports, lists,
 * import reports, backups): never inside the data folder (the ledger and its key file live
 * there; a report named `masa.ledger` would destroy the ledger), judged after symbolic links are
 * resolved, and never over an existing file that is not of the same kind (a PDF only replaces a
 * PDF, a workbook a workbook, a signature a signature). Written files are owner-only (0600),
 * folders Masa creates for them 0700: they hold personal data on a shared PC.
 */
type OutputKind = 'pdf' | 'xlsx' | 'sig';

export const OUTPUT_FILE_MODE = 0o600;
const OUTPUT_DIR_MODE = 0o700;

/**
 * The path with every symbolic link resolved as far as it exists; the part that does not exist
 * yet is appended as given (a new file's name, a folder to be created).
 */
function realTarget(p: string): string {
  let head = path.resolve(p);
  const rest: string[] = [];
  for (;;) {
    try {
      return path.join(fs.realpathSync(head), ...rest);
    } catch {
      const parent = path.dirname(head);
      if (parent === head) return path.join(head, ...rest);
      rest.unshift(path.basename(head));
      head = parent;
    }
  }
}

/** True when `target` is `dir` itself or anything below it, both with links resolved. */
function isInsideFolder(dir: string, target: string): boolean {
  const rel = path.relative(realTarget(dir), realTarget(target));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Refuses a destination inside the data folder; returns the destination with links resolved. */
export function outsideDataDir(dataDir: string, target: string, code: 'OUTPUT_IN_DATA' | 'BACKUP_FOLDER_IN_DATA' = 'OUTPUT_IN_DATA'): string {
  const real = realTarget(target);
  if (isInsideFolder(dataDir, real)) throw new AppError(code, { dir: path.resolve(target), path: path.resolve(target) });
  return real;
}

const MAGIC: Record<Exclude<OutputKind, 'sig'>, Buffer> = { pdf: Buffer.from('%PDF-'), xlsx: Buffer.from([0x50, 0x4b, 0x03, 0x04]) };
const KIND_NAME: Record<OutputKind, { tr: string; en: string }> = {
  pdf: { tr: 'PDF', en: 'PDF' },
  xlsx: { tr: 'Excel (.xlsx)', en: 'Excel (.xlsx)' },
  sig: { tr: 'imza (.sig)', en: 'signature (.sig)' },
};

/** Whether an existing file is of the kind Masa would write there (so replacing it is the user's overwrite). */
function isOfKind(file: string, kind: OutputKind): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  } catch {
    return false;
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return false;
    if (kind === 'sig') {
      if (st.size > 64 * 1024) return false;
      const buf = Buffer.alloc(st.size);
      fs.readSync(fd, buf, 0, st.size, 0);
      const v = JSON.parse(buf.toString('utf8')) as Record<string, unknown>;
      return typeof v.file === 'string' && typeof v.sha256 === 'string' && typeof v.signature === 'string';
    }
    const magic = MAGIC[kind];
    const buf = Buffer.alloc(magic.length);
    return fs.readSync(fd, buf, 0, magic.length, 0) === magic.length && buf.equals(magic);
  } catch {
    return false;
  } finally {
    fs.closeSync(fd);
  }
}

/** Refuses to replace an existing entry at `file` unless it is a file of the same kind. */
export function assertMayReplace(file: string, kind: OutputKind): void {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(file);
  } catch {
    return; // nothing there: the usual case
  }
  if (st.isDirectory() || !isOfKind(file, kind)) {
    throw new AppError('OUTPUT_EXISTS', { path: file, kind: KIND_NAME[kind].tr, kindEn: KIND_NAME[kind].en });
  }
}

/**
 * Checks a file destination: outside the data folder, its folder exists, and whatever is there
 * may be replaced. Returns the path to write (links in the folder resolved).
 */
export function checkOutputFile(dataDir: string, target: string, kind: OutputKind): string {
  const real = outsideDataDir(dataDir, target);
  assertMayReplace(real, kind);
  return real;
}

/** Checks a folder destination (exports, merges): outside the data folder and an existing folder. */
export function checkOutputFolder(dataDir: string, dir: string): string {
  const real = outsideDataDir(dataDir, dir);
  if (!fs.existsSync(real) || !fs.statSync(real).isDirectory()) throw new AppError('EXPORT_FOLDER', { dir: path.resolve(dir) });
  return real;
}

/** A folder Masa creates for its output (backups): owner-only. An existing folder keeps its mode. */
export function makeOutputFolder(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: OUTPUT_DIR_MODE });
}

/** A temp file for an output, created owner-only before any writer (exceljs) opens it. */
export function createOwnerOnly(file: string): void {
  fs.closeSync(fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_TRUNC | fs.constants.O_NOFOLLOW, OUTPUT_FILE_MODE));
  fs.chmodSync(file, OUTPUT_FILE_MODE); // an existing temp keeps its mode on open; umask never widens 0600
}

/** Writes bytes to a checked destination: a 0600 sibling, fsync, rename over, fsync the folder. */
export function writeOutputFile(dataDir: string, target: string, bytes: Buffer, kind: OutputKind): string {
  const real = checkOutputFile(dataDir, target, kind);
  const tmp = path.join(path.dirname(real), `.${path.basename(real)}.${process.pid}.yaziliyor`);
  try {
    createOwnerOnly(tmp);
    const fd = fs.openSync(tmp, 'w');
    try {
      fs.writeFileSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, real);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    const code = (err as NodeJS.ErrnoException).code;
    if (code && ['ENOENT', 'ENOTDIR', 'EACCES', 'EPERM', 'EROFS', 'EISDIR'].includes(code)) throw new AppError('EXPORT_FOLDER', { dir: path.dirname(real) });
    throw err;
  }
  fsyncDir(path.dirname(real));
  return real;
}
