/** A spreadsheet read row by row, whatever the file format. */
export interface SheetRow {
  /** Spreadsheet row number (1-based, as Excel shows it). */
  number: number;
  /** Cell values; `cells[offset]` is the first column (exceljs' row arrays start at 1). */
  cells: readonly unknown[];
  offset: number;
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
