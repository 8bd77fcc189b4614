/**
 * The application log. Only event names, codes and counts: never names, T.C. Kimlik numbers,
 * passwords, keys or file contents (KVKK). Written to stderr; the Electron shell also keeps a
 * file in the user-data folder.
 */
type Fields = Record<string, string | number | boolean | null | undefined>;

// One log per process (stderr, or the Electron shell's file): not app state, set by the entry point.
let sink: (line: string) => void = (line) => process.stderr.write(`${line}\n`);
let quiet = process.env.MASA_LOG === 'silent';

export function setLogSink(fn: (line: string) => void): void {
  sink = fn;
}

export function setQuiet(q: boolean): void {
  quiet = q;
}

function write(level: string, message: string, fields: Fields = {}): void {
  if (quiet) return;
  sink(JSON.stringify({ t: new Date().toISOString(), level, message, ...fields }));
}

export const log = {
  info: (message: string, fields?: Fields) => write('info', message, fields),
  warn: (message: string, fields?: Fields) => write('warn', message, fields),
  error: (message: string, fields?: Fields) => write('error', message, fields),
};
