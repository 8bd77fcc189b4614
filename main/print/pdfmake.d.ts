/**
 * pdfmake 0.3 ships no type declarations (and @types/pdfmake describes 0.2). This is the
 * subset Masa's print module uses, written against pdfmake 0.3.11's sources
 * (node_modules/pdfmake/src): `index.js`, `base.js`, `OutputDocument.js`, `virtual-fs.js`.
 */
declare module 'pdfmake' {
  export type Margins = number | [number, number] | [number, number, number, number];
  export type Alignment = 'left' | 'center' | 'right' | 'justify';
  /** A fixed width in points, '*' (share the rest), 'auto' (fit content) or a percentage. */
  export type Size = number | '*' | 'auto' | `${number}%`;

  export interface Style {
    font?: string;
    fontSize?: number;
    bold?: boolean;
    italics?: boolean;
    color?: string;
    fillColor?: string;
    alignment?: Alignment;
    margin?: Margins;
    lineHeight?: number;
    characterSpacing?: number;
    noWrap?: boolean;
    preserveLeadingSpaces?: boolean;
  }

  interface ContentBase extends Style {
    style?: string | string[];
    width?: Size;
    unbreakable?: boolean;
    pageBreak?: 'before' | 'after';
  }

  export interface ContentText extends ContentBase {
    text: string | ContentText | Array<string | ContentText>;
  }
  export interface ContentStack extends ContentBase {
    stack: Content[];
  }
  export interface ContentColumns extends ContentBase {
    columns: Content[];
    columnGap?: number;
  }
  export interface ContentOrderedList extends ContentBase {
    ol: Content[];
    separator?: [string, string];
  }
  export interface ContentUnorderedList extends ContentBase {
    ul: Content[];
  }
  export interface ContentSvg extends ContentBase {
    svg: string;
    width?: number;
    height?: number;
  }
  /** An image as a `data:image/png;base64,...` URL, drawn at `width` × `height` points. */
  export interface ContentImage extends ContentBase {
    image: string;
    width?: number;
    height?: number;
  }
  export interface CanvasLine {
    type: 'line';
    x1: number;
    y1: number;
    x2: number;
    y2: number;
    lineWidth?: number;
    lineColor?: string;
  }
  export interface CanvasRect {
    type: 'rect';
    x: number;
    y: number;
    w: number;
    h: number;
    lineWidth?: number;
    lineColor?: string;
    color?: string;
  }
  export interface ContentCanvas extends ContentBase {
    canvas: Array<CanvasLine | CanvasRect>;
  }

  export interface CellOptions {
    colSpan?: number;
    rowSpan?: number;
    /** Left, top, right, bottom. */
    border?: [boolean, boolean, boolean, boolean];
  }
  export type TableCell = Content | (ContentText & CellOptions) | (ContentStack & CellOptions);
  export interface Table {
    body: TableCell[][];
    widths?: Size[] | '*' | 'auto';
    heights?: number | number[] | ((row: number) => number | 'auto');
    headerRows?: number;
    keepWithHeaderRows?: number;
    dontBreakRows?: boolean;
  }
  export interface TableNode {
    table: Table;
  }
  export interface TableLayout {
    hLineWidth?: (i: number, node: TableNode) => number;
    vLineWidth?: (i: number, node: TableNode) => number;
    hLineColor?: (i: number, node: TableNode) => string;
    vLineColor?: (i: number, node: TableNode) => string;
    paddingLeft?: (i: number, node: TableNode) => number;
    paddingRight?: (i: number, node: TableNode) => number;
    paddingTop?: (i: number, node: TableNode) => number;
    paddingBottom?: (i: number, node: TableNode) => number;
    fillColor?: (rowIndex: number, node: TableNode, columnIndex: number) => string | null;
  }
  export interface ContentTable extends ContentBase {
    table: Table;
    layout?: 'noBorders' | 'headerLineOnly' | 'lightHorizontalLines' | TableLayout;
  }

  export type Content =
    | string
    | Content[]
    | ContentText
    | ContentStack
    | ContentColumns
    | ContentOrderedList
    | ContentUnorderedList
    | ContentSvg
    | ContentImage
    | ContentCanvas
    | ContentTable;

  export interface PageSize {
    width: number;
    height: number;
    orientation: 'portrait' | 'landscape';
  }
  export type DynamicContent = (currentPage: number, pageCount: number, pageSize: PageSize) => Content;

  export interface TDocumentDefinitions {
    content: Content;
    pageSize?: 'A4';
    pageOrientation?: 'portrait' | 'landscape';
    pageMargins?: Margins;
    header?: DynamicContent;
    footer?: DynamicContent;
    styles?: Record<string, Style>;
    defaultStyle?: Style;
    language?: string;
    info?: { title?: string; author?: string; subject?: string; creator?: string; producer?: string };
  }

  /** A font family: virtual file names (see `virtualfs`) or paths for each style. */
  export interface FontFamily {
    normal: string;
    bold: string;
    italics: string;
    bolditalics: string;
  }

  export interface OutputDocument {
    getBuffer(): Promise<Buffer>;
  }

  export interface PdfMake {
    setFonts(fonts: Record<string, FontFamily>): void;
    setUrlAccessPolicy(policy: (url: string) => boolean): void;
    setLocalAccessPolicy(policy: (path: string) => boolean): void;
    createPdf(doc: TDocumentDefinitions): OutputDocument;
    /** In-memory files; a font whose name is found here is never read from disk. */
    virtualfs: {
      existsSync(name: string): boolean;
      writeFileSync(name: string, content: Buffer): void;
    };
  }

  const pdfmake: PdfMake;
  export default pdfmake;
}

declare module 'pdfmake/fonts/Roboto.js' {
  /** Absolute paths of the Roboto files bundled with pdfmake. */
  const descriptors: { Roboto: { normal: string; bold: string; italics: string; bolditalics: string } };
  export default descriptors;
}
