/** A spreadsheet read row by row, whatever the file format. */
export interface SheetRow {
  /** Spreadsheet row number (1-based, as Excel shows it). */
  number: number;
  /** Cell values, 0-based by column. */
  cells: readonly unknown[];
}

export interface RowSource {
  rows(): AsyncGenerator<SheetRow>;
  /** Bytes of the file read so far (for progress). */
  bytesRead(): number;
  /** True for workbooks saved in the 1904 date system (old Mac Excel). Known once rows flow. */
  date1904(): boolean;
  /** Stops reading and releases the file (on cancel). */
  close(): void;
}
