/**
 * Building blocks the four documents have in common: the title block, section headings,
 * label/value grids, long data tables and signature boxes. Keeping them here keeps the
 * documents visually consistent and their own files about content only.
 */
import type { Alignment, Content, ContentTable, ContentText, Size, TableCell, TableLayout } from 'pdfmake';
import { tr } from '../templates';
import { MUTED } from './frame';

const GRID = '#9a9a9a';
const HEADER_FILL = '#e8e8e8';
const ZEBRA_FILL = '#f5f5f5';

export function titleBlock(title: string, subtitles: string[] = []): Content {
  return {
    margin: [0, 0, 0, 8],
    stack: [{ text: title, style: 'title' }, ...subtitles.map((s) => ({ text: s, style: 'subtitle' }))],
  };
}

export function sectionHeading(text: string): Content {
  return { text, style: 'section' };
}

/** Thin grey grid: readable on a laser printer, light enough for handwriting next to it. */
const gridLayout: TableLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => GRID,
  vLineColor: () => GRID,
  paddingLeft: () => 5,
  paddingRight: () => 5,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

/** A label cell: grey, smaller than values, nudged down so both sit on one baseline. */
export function labelCell(text: string): TableCell {
  return { text, style: 'label', fillColor: ZEBRA_FILL, margin: [0, 1, 0, 0] };
}

/**
 * Label | value rows. Labels are set apart by colour and weight, values by size, so a clerk
 * reading the form to the mother finds each value at a glance.
 */
export function fieldTable(rows: Array<[label: string, value: string | ContentText]>, labelWidth: Size = 130): ContentTable {
  return {
    table: {
      widths: [labelWidth, '*'],
      body: rows.map(([label, value]) => [
        labelCell(label),
        typeof value === 'string' ? { text: value, bold: true } : { bold: true, ...value },
      ]),
    },
    layout: gridLayout,
  };
}

interface ColumnTableOptions {
  /** Repeat the header row at the top of every page the table continues on (default true). */
  repeatHeader?: boolean;
  zebra?: boolean;
  fontSize?: number;
  /** Body row indices (0 = first data row) above which a heavier rule marks a new group. */
  groupStarts?: ReadonlySet<number>;
  /**
   * Tight rows for long lists (default true). Short tables of prose or personal details use
   * the roomier rows of `fieldTable` so that a page looks like one form, not two.
   */
  compact?: boolean;
}

/** A table with a header row naming the columns; each row has one cell per column. */
export function columnTable(
  columns: Array<{ header: string; width: Size; align?: Alignment }>,
  rows: TableCell[][],
  options: ColumnTableOptions = {},
): ContentTable {
  const { repeatHeader = true, zebra = true, fontSize, groupStarts, compact = true } = options;
  const headerRow: TableCell[] = columns.map((c) => ({
    text: c.header,
    style: 'tableHeader',
    alignment: c.align ?? 'left',
  }));
  return {
    ...(fontSize ? { fontSize } : {}),
    // Long lists are read line by line with a ruler or a finger: single line height keeps
    // more rows per page without making them harder to follow.
    ...(compact ? { lineHeight: 1 } : {}),
    table: {
      headerRows: repeatHeader ? 1 : 0,
      // A row split over two pages would separate a name from its number.
      dontBreakRows: true,
      widths: columns.map((c) => c.width),
      body: [headerRow, ...rows],
    },
    layout: {
      ...gridLayout,
      // Line i sits above body row i - 1 (line 0 is above the header row).
      hLineWidth: (i) => (groupStarts?.has(i - 1) ? 1.6 : 0.5),
      hLineColor: (i) => (groupStarts?.has(i - 1) ? '#000000' : GRID),
      ...(compact
        ? { paddingLeft: () => 4, paddingRight: () => 4, paddingTop: () => 2.5, paddingBottom: () => 2 }
        : {}),
      fillColor: (row) => (row === 0 ? HEADER_FILL : zebra && row % 2 === 0 ? ZEBRA_FILL : null),
    },
  };
}

/** Aligns a plain cell value; used for numbers and codes in data tables. */
export function cell(text: string, alignment: Alignment = 'left'): TableCell {
  return alignment === 'left' ? text : { text, alignment };
}

interface SignatureBox {
  role: string;
  name: string;
}

/**
 * Boxes with the role, the printed name and room to sign. The whole group is unbreakable:
 * a signature separated from the page it vouches for is worthless.
 */
export function signatureBoxes(boxes: SignatureBox[], perRow = 2): Content {
  const rows: TableCell[][] = [];
  for (let i = 0; i < boxes.length; i += perRow) {
    const row: TableCell[] = boxes.slice(i, i + perRow).map((b) => ({
      stack: [
        { text: b.role, style: 'label' },
        { text: b.name, bold: true, margin: [0, 1, 0, 0] },
        { text: tr.common.signature, fontSize: 8, color: MUTED, margin: [0, 36, 0, 0] },
      ],
    }));
    // Filler cells keep the grid even without drawing an empty box nobody should sign.
    while (row.length < perRow) row.push({ text: '', border: [false, false, false, false] });
    rows.push(row);
  }
  return {
    unbreakable: true,
    margin: [0, 12, 0, 0],
    table: { widths: Array<Size>(perRow).fill('*'), body: rows, dontBreakRows: true },
    layout: { ...gridLayout, paddingTop: () => 5, paddingBottom: () => 5, paddingLeft: () => 7 },
  };
}
