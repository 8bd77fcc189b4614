import { CsvError, parse } from 'csv-parse';
import { openStream, type CountingStream, type ListInput } from './listInput';
import { Transform, pipeline, type TransformCallback } from 'node:stream';
import { LIMITS } from './limits';
import { AppointmentFileRefused } from './refusal';
import type { RowSource, SheetRow } from './rowSource';

/**
 * Passes bytes through unchanged while proving they are UTF-8. The sniffer saw only the first
 * 64 KB; a Windows-1254 "ş" further down would otherwise become U+FFFD in a name silently.
 */
class Utf8Check extends Transform {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    try {
      this.decoder.decode(chunk, { stream: true });
    } catch {
      done(new AppointmentFileRefused('CSV_NOT_UTF8', {}, 'invalid utf-8 after the first block'));
      return;
    }
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    try {
      this.decoder.decode();
      done();
    } catch {
      done(new AppointmentFileRefused('CSV_NOT_UTF8', {}, 'file ends inside a character'));
    }
  }
}

/**
 * A CSV list (RFC 4180 quoting, the separator found by the sniffer), row by row through
 * csv-parse's stream. Row numbers count records as a spreadsheet would show them: blank lines
 * keep their number, and a quoted field spanning lines stays one row.
 */
export class CsvRowSource implements RowSource {
  private input: CountingStream | null = null;

  constructor(
    private readonly path: ListInput,
    private readonly delimiter: string,
  ) {}

  bytesRead(): number {
    return this.input?.bytesRead() ?? 0;
  }

  date1904(): boolean {
    return false;
  }

  close(): void {
    this.input?.stream.destroy();
  }

  async *batches(): AsyncGenerator<SheetRow[]> {
    const input = (this.input = openStream(this.path)).stream;
    const parser = parse({
      delimiter: this.delimiter,
      bom: true,
      relax_column_count: true,
      // A stray quote inside an unquoted field is kept as a character, as Excel reads it;
      // an unclosed quoted field still fails the whole file.
      relax_quotes: true,
      skip_empty_lines: false,
      // A line without an end (a 100 MB one took 59 s of CPU) is refused once it is past the limit.
      max_record_size: LIMITS.csvRecordChars,
    });
    pipeline(input, new Utf8Check(), parser, () => {
      /* errors surface through the iteration below */
    });
    let n = 0;
    let batch: SheetRow[] = [];
    try {
      for await (const record of parser) {
        batch.push({ number: ++n, cells: record as string[], offset: 0 });
        if (batch.length === 256) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    } catch (e) {
      if (e instanceof AppointmentFileRefused) throw e;
      if (e instanceof CsvError && e.code === 'CSV_MAX_RECORD_SIZE') throw new AppointmentFileRefused('TOO_LARGE', { limit: 'csvRecordChars' }, e.code);
      if (e instanceof CsvError) {
        const line = (e as CsvError & { lines?: number }).lines;
        throw new AppointmentFileRefused('CSV_MALFORMED', { line: line ?? n + 1 }, e.code);
      }
      throw new AppointmentFileRefused('FILE_UNREADABLE', {}, e instanceof Error ? e.message : String(e));
    } finally {
      input.destroy();
    }
  }
}
