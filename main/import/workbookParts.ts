/**
 * Which part holds the workbook's first tab, and its date system: from xl/workbook.xml and
 * xl/_rels/workbook.xml.rels, two small parts read whole. Resolved as XlsxRowSource.isFirstSheet
 * does: the first <sheet> in workbook.xml order, its relationship's target matched by file name
 * (so relative "worksheets/sheet1.xml" and absolute "/xl/worksheets/sheet1.xml" alike).
 */
import { decodeXmlEntities } from './xmlText';

interface WorkbookInfo {
  /** Relationship ids of the sheets, in tab order. */
  sheetRIds: (string | undefined)[];
  /** The 1904 date system (old Mac Excel). */
  date1904: boolean;
}

interface Relationship {
  id: string;
  target: string;
}

// Elements on any namespace prefix (<x:sheet>); attributes in either quote, a `>` inside one
// included (a sheet may be named "a>b").
const ATTRS = String.raw`((?:[^>"']|"[^"]*"|'[^']*')*)`;
const SHEET = new RegExp(String.raw`<(?:[\w.-]+:)?sheet\s${ATTRS}>`, 'g');
const WORKBOOK_PR = new RegExp(String.raw`<(?:[\w.-]+:)?workbookPr(?:\s${ATTRS})?>`);
const RELATIONSHIP = new RegExp(String.raw`<(?:[\w.-]+:)?Relationship\s${ATTRS}>`, 'g');
const ATTRIBUTE = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function attributes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(ATTRIBUTE)) out.set(m[1]!, decodeXmlEntities(m[2] ?? m[3] ?? ''));
  return out;
}

export function readWorkbookXml(xml: string): WorkbookInfo {
  const sheetRIds = [...xml.matchAll(SHEET)].map((m) => {
    const attrs = attributes(m[1]!);
    // The relationship id is `r:id` in the officeDocument namespace, whatever its prefix.
    for (const [name, value] of attrs) if (/^[\w.-]+:id$/.test(name)) return value;
    return undefined;
  });
  const pr = WORKBOOK_PR.exec(xml);
  const d = pr?.[1] ? attributes(pr[1]).get('date1904') : undefined;
  // xsd:boolean: Excel writes "1", LibreOffice "true" (exceljs reads only "1").
  return { sheetRIds, date1904: d === '1' || d === 'true' };
}

export function readRelationships(xml: string): Relationship[] {
  return [...xml.matchAll(RELATIONSHIP)].map((m) => {
    const attrs = attributes(m[1]!);
    return { id: attrs.get('Id') ?? '', target: attrs.get('Target') ?? '' };
  });
}

/**
 * The zip entry of the first tab's worksheet, or null when it cannot be named this way (no
 * sheets, no relationship, a target not called sheetN.xml): exceljs then reads the workbook.
 */
export function firstSheetPart(workbook: WorkbookInfo, rels: Relationship[]): string | null {
  const rId = workbook.sheetRIds[0];
  const target = rId === undefined ? undefined : rels.find((r) => r.id === rId)?.target;
  const m = target ? /(?:^|\/)worksheets\/sheet(\d+)\.xml$/.exec(target) : null;
  return m ? `xl/worksheets/sheet${m[1]}.xml` : null;
}
