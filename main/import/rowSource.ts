/** A spreadsheet read row by row, whatever the file format. */
export interface SheetRow {
  /** Spreadsheet row number (1-based, as Excel shows it). */
  number: number;
  /** Cell values; `cells[offset]` is the first column (exceljs' row arrays start at 1). */
  cells: readonly unknown[];
  offset: number;
}

/**
 * A SheetRow made by a constructor, not an object literal. V8 may decide per literal site to
 * allocate its objects straight in the old generation ("pretenuring") when a minor GC finds
 * most of them alive; a dead pretenured row then keeps the young objects it points to alive
 * through the next minor GCs, and their sites get pretenured in turn. Measured on the
 * 160,000-row list under tsx: about one child run in ten peaked at ~280 MB instead of ~225.
 * Instances of a class carry no such site.
 */
export class SheetRowRecord implements SheetRow {
  constructor(
    readonly number: number,
    readonly cells: readonly unknown[],
    readonly offset: number,
  ) {}
}

export interface RowSource {
  /**
   * Rows in batches as the reader produces them (one XML piece or CSV block each): one await
   * per batch instead of several per row keeps 160,000 rows cheap in time and garbage.
   */
  batches(): AsyncGenerator<SheetRow[]>;
  /** Bytes of the file read so far (for progress). */
  bytesRead(): number;
  /** True for workbooks saved in the 1904 date system (old Mac Excel). Known once rows flow. */
  date1904(): boolean;
  /**
   * True when no string in the rows is a slice of a larger text the reader held (strings.ts):
   * what the list keeps then needs no copy. Known once rows flow; absent means false.
   */
  ownStrings?(): boolean;
  /** Stops reading and releases the file (on cancel). */
  close(): void;
}
