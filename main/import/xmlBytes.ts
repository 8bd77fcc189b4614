/**
 * The tag reader under the worksheet scanner and the shared-strings reader: SpreadsheetML read
 * straight from inflated bytes, chunk by chunk, with no string made for markup and none for
 * text that is not kept. A subclass scans "units" (a tag, or a whole cell or string item);
 * a unit cut by the end of a chunk is scanned again from its start once more bytes came.
 *
 * It reads well-formed XML as a parser would for these parts: elements on any namespace
 * prefix (matched by local name), attributes in either quote (a `>` inside one included),
 * entities and character references, CDATA, comments, processing instructions and a DOCTYPE
 * (skipped). It is not a validating parser: damage is the zip's CRC-32 to find.
 */
import { checkLimit } from './limits';
import { decodeXmlEntities, normalizeLineEnds } from './xmlText';

export const LT = 0x3c;
export const GT = 0x3e;
export const SLASH = 0x2f;
const BANG = 0x21;
const QMARK = 0x3f;
const EQ = 0x3d;
const COLON = 0x3a;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const LBRACKET = 0x5b;
const COMMENT_OPEN = Buffer.from('<!--');
const COMMENT_END = Buffer.from('-->');
const CDATA_OPEN = Buffer.from('<![CDATA[');
const CDATA_END = Buffer.from(']]>');
const PI_END = Buffer.from('?>');
const SUBSET_END = Buffer.from(']>');
const NOTHING = Buffer.alloc(0);

// What a tag is.
export const OPEN = 1;
export const CLOSE = 2;
/** A self-closing tag, `<c r="A1"/>`. */
export const EMPTY = 3;
/** Comment, processing instruction, DOCTYPE: nothing to read. */
const SKIP = 4;
const CDATA = 5;

// The element local names the readers act on (0: any other).
const OTHER = 0;
export const SHEET_DATA = 1;
export const ROW = 2;
export const C = 3;
export const V = 4;
export const F = 5;
export const IS = 6;
const T = 7;
const RPH = 8;
export const SI = 9;

export abstract class XmlBytes {
  /** The bytes being scanned: what is left of the previous chunks, then the new ones. */
  protected buf: Buffer = NOTHING;
  /**
   * One window, reused: each chunk is copied in after what was left of the previous one.
   * A new Buffer.concat per chunk allocated 90 MB of short-lived memory outside the JS heap
   * for the 160,000-row list, which the garbage collector only gives back late.
   */
  private window: Buffer = NOTHING;
  private filled = 0;
  /**
   * Bytes to gather before scanning again. A unit cut by a chunk end is scanned again from its
   * start; waiting until the window has doubled keeps one enormous unit linear, not quadratic.
   */
  private need = 0;

  // The tag read last by tag(): kind, local name, the byte after it, and the ranges of its
  // `r` and `t` attributes (-1: absent), the two a worksheet's rows and cells need.
  protected kind = 0;
  protected name = OTHER;
  protected next = 0;
  protected rA = -1;
  protected rB = -1;
  protected tA = -1;
  protected tB = -1;
  // The content read last by content(): one raw range, or decoded text when it had more.
  protected ca = 0;
  protected cb = 0;
  protected cs: string | null = null;

  /** Scans units from the start of `buf`; returns where an incomplete one starts (or buf.length). */
  protected abstract scan(): number;

  /** Takes the next chunk; scans once enough bytes have gathered. */
  protected feed(chunk: Buffer): void {
    if (chunk.length === 0) return;
    if (this.filled + chunk.length > this.window.length) {
      const wider = Buffer.allocUnsafe(Math.max(2 * this.window.length, this.filled + chunk.length));
      this.window.copy(wider, 0, 0, this.filled);
      this.window = wider;
    }
    chunk.copy(this.window, this.filled);
    this.filled += chunk.length;
    if (this.filled >= this.need) this.run(false);
  }

  /** The end of the part: scans what is left; throws if it stops inside a unit. */
  protected finish(): void {
    if (this.filled > 0) this.run(true);
  }

  private run(final: boolean): void {
    this.buf = this.window.subarray(0, this.filled);
    const stop = this.scan();
    const rest = this.filled - stop;
    if (rest > 0 && final) throw new Error('XML cut inside a tag');
    // An unfinished unit is held until it ends: one that never does (a string item, a cell or
    // a tag of hundreds of MB) must not grow the window without bound.
    checkLimit('xmlUnitBytes', rest);
    // Nothing made from the window keeps a reference into it (strings are copies), so the
    // unfinished unit can move to its start.
    this.window.copyWithin(0, stop, this.filled);
    this.filled = rest;
    this.need = rest * 2;
    this.buf = NOTHING;
  }

  /**
   * The content of a text element (<v>, <f>, <t>) starting at `from`, up to its end tag:
   * `ca..cb` when it is one plain run of text, else `cs` decoded. False if incomplete.
   */
  protected content(from: number): boolean {
    const b = this.buf;
    let lt = find(b, LT, from);
    if (lt < 0 || lt + 1 >= b.length) return false;
    if (b[lt + 1] === SLASH) {
      const gt = find(b, GT, lt + 2);
      if (gt < 0) return false;
      this.ca = from;
      this.cb = lt;
      this.cs = null;
      this.next = gt + 1;
      return true;
    }
    // Text mixed with CDATA sections, comments or processing instructions.
    let s = this.decode(from, lt);
    for (;;) {
      if (!this.tag(lt)) return false;
      if (this.kind === CLOSE) break;
      if (this.kind === CDATA) s += normalizeLineEnds(b.toString('utf8', this.ca, this.cb));
      const at = this.next;
      lt = b.indexOf(LT, at);
      if (lt < 0) return false;
      s += this.decode(at, lt);
    }
    this.cs = s;
    return true;
  }

  /** The text content() read, decoded. */
  protected contentText(): string {
    return this.cs ?? this.decode(this.ca, this.cb);
  }

  /** Raw text bytes as a parser hands them on: UTF-8, line ends normalised, entities decoded. */
  protected decode(a: number, z: number): string {
    return a === z ? '' : decodeXmlEntities(normalizeLineEnds(this.buf.toString('utf8', a, z)));
  }


  /**
   * The text of a string item (`<si>` of the shared strings, `<is>` of an inline cell) whose
   * content starts at `from`, up to the element named `closing`: its `<t>` runs joined.
   * Phonetic runs (<rPh>) are the reading aid Excel shows on demand, not the text, and are
   * left out. Null if the item is not complete in the buffer yet.
   */
  protected runs(from: number, closing: number): string | null {
    const b = this.buf;
    let s = '';
    let phonetic = 0;
    let p = from;
    for (;;) {
      const lt = find(b, LT, p);
      if (lt < 0 || !this.tag(lt)) return null;
      const kind = this.kind;
      const name = this.name;
      if (name === closing && kind === CLOSE) return s;
      if (name === RPH && kind === OPEN) phonetic++;
      else if (name === RPH && kind === CLOSE) phonetic--;
      else if (name === T && kind === OPEN) {
        if (!this.content(this.next)) return null;
        if (phonetic === 0) s += this.contentText();
      }
      p = this.next;
    }
  }
  /**
   * Reads the tag starting at `p` (a `<`) into kind, name, next and the r / t attribute
   * ranges; false if it does not end in the window.
   */
  protected tag(p: number): boolean {
    const b = this.buf;
    const end = b.length;
    if (p + 1 >= end) return false;
    const c1 = b[p + 1];
    if (c1 === QMARK) return this.skipTo(b.indexOf(PI_END, p + 2), 2);
    if (c1 === BANG) {
      if (p + CDATA_OPEN.length > end) return false;
      if (b.compare(COMMENT_OPEN, 0, 4, p, p + 4) === 0) return this.skipTo(b.indexOf(COMMENT_END, p + 4), 3);
      if (b.compare(CDATA_OPEN, 0, 9, p, p + 9) === 0) {
        const q = b.indexOf(CDATA_END, p + 9);
        if (q < 0) return false;
        this.kind = CDATA;
        this.name = OTHER;
        this.ca = p + 9;
        this.cb = q;
        this.next = q + 3;
        return true;
      }
      // <!DOCTYPE ...>, with an internal subset in brackets perhaps.
      const gt = b.indexOf(GT, p + 2);
      const bracket = b.indexOf(LBRACKET, p + 2);
      if (bracket >= 0 && (gt < 0 || bracket < gt)) return this.skipTo(b.indexOf(SUBSET_END, bracket), 2);
      return this.skipTo(gt, 1);
    }
    let i = p + 1;
    const close = c1 === SLASH;
    if (close) i++;
    let local = i;
    for (; i < end; i++) {
      const ch = b[i]!;
      if (ch === GT || ch === SLASH || ch <= 0x20) break;
      if (ch === COLON) local = i + 1;
    }
    if (i >= end) return false;
    this.name = nameAt(b, local, i);
    this.rA = -1;
    this.tA = -1;
    if (close) {
      const gt = find(b, GT, i);
      if (gt < 0) return false;
      this.kind = CLOSE;
      this.next = gt + 1;
      return true;
    }
    for (;;) {
      while (i < end && b[i]! <= 0x20) i++;
      if (i >= end) return false;
      const ch = b[i];
      if (ch === GT) {
        this.kind = OPEN;
        this.next = i + 1;
        return true;
      }
      if (ch === SLASH) {
        if (i + 1 >= end) return false;
        this.kind = EMPTY;
        this.next = i + 2;
        return true;
      }
      const an = i;
      while (i < end && b[i]! > 0x20 && b[i] !== EQ && b[i] !== GT && b[i] !== SLASH) i++;
      const ae = i;
      while (i < end && b[i]! <= 0x20) i++;
      if (i >= end) return false;
      if (b[i] !== EQ) {
        if (ae === an) throw new Error('malformed tag in the XML');
        continue; // an attribute without a value: not XML, but nothing to read either
      }
      i++;
      while (i < end && b[i]! <= 0x20) i++;
      if (i >= end) return false;
      const quote = b[i];
      if (quote !== DQUOTE && quote !== SQUOTE) throw new Error('unquoted attribute in the XML');
      const va = i + 1;
      const vz = find(b, quote, va);
      if (vz < 0) return false;
      if (ae - an === 1) {
        if (b[an] === 0x72) {
          this.rA = va;
          this.rB = vz;
        } else if (b[an] === 0x74) {
          this.tA = va;
          this.tB = vz;
        }
      }
      i = vz + 1;
    }
  }

  private skipTo(at: number, length: number): boolean {
    if (at < 0) return false;
    this.kind = SKIP;
    this.name = OTHER;
    this.next = at + length;
    return true;
  }
}

/**
 * indexOf(byte) from `from`: tags sit a few bytes apart, where a loop beats the call into
 * Buffer.indexOf (measured: a third of the scan time went to those calls); far ones go native.
 */
export function find(b: Buffer, byte: number, from: number): number {
  const near = Math.min(b.length, from + 32);
  for (let i = from; i < near; i++) if (b[i] === byte) return i;
  return near === b.length ? -1 : b.indexOf(byte, near);
}

/** The element local names acted on, by their bytes. */
function nameAt(b: Buffer, a: number, z: number): number {
  const c0 = b[a];
  switch (z - a) {
    case 1:
      return c0 === 0x63 ? C : c0 === 0x76 ? V : c0 === 0x66 ? F : c0 === 0x74 ? T : OTHER;
    case 2:
      if (c0 === 0x69 && b[a + 1] === 0x73) return IS;
      return c0 === 0x73 && b[a + 1] === 0x69 ? SI : OTHER;
    case 3:
      if (c0 === 0x72 && b[a + 1] === 0x6f && b[a + 2] === 0x77) return ROW;
      return c0 === 0x72 && b[a + 1] === 0x50 && b[a + 2] === 0x68 ? RPH : OTHER;
    case 9:
      return c0 === 0x73 && b.toString('latin1', a, z) === 'sheetData' ? SHEET_DATA : OTHER;
    default:
      return OTHER;
  }
}
