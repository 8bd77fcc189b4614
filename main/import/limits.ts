/**
 * How much of a list file is read before it is refused as not an appointment list: the one
 * place for the resource limits of the import's readers (the .xlsx scanners, the CSV parser)
 * and of the readers that reuse them (main/reconciliation/workbookRows.ts, and through it HQ's
 * intake, hq/intake/prepare.ts). Each limit is checked before what it bounds is held: sizes
 * from the zip's central directory before a part is inflated, and again while it inflates;
 * string items and cells while they are scanned; rows as they arrive.
 *
 * The values are chosen from the largest real file with a wide margin: a province's list is up
 * to ~160,000 rows (HQ-FILES.md; DOMAIN.md), which Excel saves as 90 MB of sheet XML, a 17 MB
 * shared-strings table of ~600,000 strings, ~2.7 million cells, and 24 MB as CSV
 * (docs/architecture.md, bench/import.ts). Without these limits a 1.5 MB file of shared strings
 * peaked at 2.3 GB RSS, a 5 MB file whose sheet inflated to 1 GB took 3.5 GB and 30 s, and a
 * 100 MB CSV line took 59 s of CPU (issue 22, item 9).
 */
export const LIMITS = {
  /** Uncompressed bytes of the worksheet read: 90 MB for 160,000 rows, so ~2.8x. */
  sheetBytes: 256 * 1024 * 1024,
  /** Uncompressed bytes of xl/sharedStrings.xml: 17 MB for 160,000 rows, so ~3.8x. */
  sharedStringsBytes: 64 * 1024 * 1024,
  /** Strings in the shared-strings table: ~600,000 for 160,000 rows, so ~3.3x. */
  sharedStrings: 2_000_000,
  /** xl/workbook.xml and its relationships, read whole: a few KB in any real workbook. */
  workbookPartBytes: 16 * 1024 * 1024,
  /**
   * Uncompressed / compressed size of a part above 1 MB. Sheet XML deflates 5-10x; a zip bomb
   * 1,000x. 100 is Apache POI's default (ZipSecureFile.MIN_INFLATE_RATIO 0.01).
   */
  inflateRatio: 100,
  /** Parts smaller than this are not held to the ratio (a small, regular part may deflate well). */
  ratioFloorBytes: 1024 * 1024,
  /**
   * Characters of one text (a cell's or a shared string's): Excel's own cell limit, so no file
   * Excel wrote holds a longer one.
   */
  stringChars: 32_767,
  /**
   * Bytes of one XML unit the scanners hold while it is incomplete (a tag, a cell, a string
   * item): a cell of 32,767 characters each written as a character reference is ~330 KB.
   */
  xmlUnitBytes: 1024 * 1024,
  /** Rows of the sheet or CSV (blank ones included): 2x the largest province's list. */
  rows: 320_000,
  /** Cells of the sheet or CSV (each row's width summed): ~2.7 million for 160,000 rows, so ~7x. */
  cells: 20_000_000,
  /**
   * Rejected entries kept for the report (a row can have one per column): 500,000 is three for
   * every row of the largest list. A file that bad is not that list, and each entry holds its
   * Turkish and English reason (~400 bytes), so 320,000 rows of 16 bad cells would hold 2 GB.
   */
  rejects: 500_000,
  /** Bytes of a .csv list: 24 MB for 160,000 rows, so ~5x. */
  csvBytes: 128 * 1024 * 1024,
  /**
   * Characters of one CSV record (csv-parse's max_record_size): a real row is ~150, and even 16
   * fields of Excel's longest text fit (16 x 32,767 = 524,272).
   */
  csvRecordChars: 1024 * 1024,
} as const;

export type LimitName = Exclude<keyof typeof LIMITS, 'ratioFloorBytes'>;

/**
 * A file went past one of LIMITS. Thrown by the low-level readers, which know nothing of the
 * import's messages; the import turns it into its TOO_LARGE refusal naming the limit
 * (refusal.ts), the reconciliation reader into "unreadable".
 */
export class ResourceLimitExceeded extends Error {
  constructor(readonly limit: LimitName) {
    super(`resource limit ${limit} (${LIMITS[limit]}) exceeded`);
    this.name = 'ResourceLimitExceeded';
  }
}

/** Throws when `value` is past the limit. */
export function checkLimit(limit: LimitName, value: number): void {
  if (value > LIMITS[limit]) throw new ResourceLimitExceeded(limit);
}

/** Throws when a part inflates more than LIMITS.inflateRatio times (parts above ratioFloorBytes). */
export function checkRatio(uncompressed: number, compressed: number): void {
  if (uncompressed > LIMITS.ratioFloorBytes && uncompressed > LIMITS.inflateRatio * Math.max(1, compressed)) throw new ResourceLimitExceeded('inflateRatio');
}

/**
 * The size limit of a part the readers inflate, by its name in the archive; null for parts no
 * reader inflates (styles, images: skipped unread).
 */
export function partLimit(name: string): LimitName | null {
  if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) return 'sheetBytes';
  if (name === 'xl/sharedStrings.xml') return 'sharedStringsBytes';
  if (name === 'xl/workbook.xml' || name === 'xl/_rels/workbook.xml.rels') return 'workbookPartBytes';
  return null;
}
