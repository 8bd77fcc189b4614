/**
 * Text of an XML element as a parser hands it on: the five predefined entities and character
 * references decoded, line ends normalised. Shared by the shared-strings table and the sheet
 * scanner, so a name reads the same whichever of the two holds it.
 */
const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Unknown entities stay as written (a spreadsheet part declares none); a character reference
 * outside Unicode throws (RangeError), which the readers report as a damaged file.
 */
export function decodeXmlEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (_m, named: string | undefined, dec: string | undefined, hex: string | undefined) =>
    named ? NAMED[named]! : String.fromCodePoint(parseInt(dec ?? hex!, dec ? 10 : 16)),
  );
}

/**
 * XML 1.0 section 2.11: a parser hands on every CR LF pair and every lone CR as LF (saxes,
 * under exceljs, does). Applied to raw text before entities are decoded, so a `&#13;` that a
 * writer escaped on purpose survives.
 */
export function normalizeLineEnds(s: string): string {
  return s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s;
}
