import { describe, expect, it } from 'vitest';
import { decodeXmlText, readSharedStrings } from './sharedStrings';

const XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="6" uniqueCount="6">' +
  '<si><t>ŞÜKRAN</t></si>' +
  '<si><t xml:space="preserve"> Öztürk </t></si>' +
  '<si><r><rPr><b/></rPr><t>Gök</t></r><r><t>çe</t></r></si>' +
  '<si><t>Anne &amp; Bebek &lt;Kreş&gt; &#304;&#x131;</t><rPh sb="0" eb="1"><t>ignored</t></rPh></si>' +
  '<si/>' +
  '<si><t>a_x000D_b</t></si>' +
  '</sst>';

async function* pieces(s: string, size: number) {
  for (let i = 0; i < s.length; i += size) yield s.slice(i, i + size);
}

describe('shared-strings table', () => {
  it('reads plain, spaced, rich-text, entity, empty and escaped items in order', async () => {
    expect(await readSharedStrings(pieces(XML, 1 << 20))).toEqual(['ŞÜKRAN', ' Öztürk ', 'Gökçe', 'Anne & Bebek <Kreş> İı', '', 'a\rb']);
  });

  it('gives the same result however the XML is cut into chunks', async () => {
    const whole = await readSharedStrings(pieces(XML, 1 << 20));
    for (const size of [1, 2, 3, 7, 13, 64]) expect(await readSharedStrings(pieces(XML, size))).toEqual(whole);
  });

  it('gives the same result however the bytes are cut, inside Turkish letters included', async () => {
    const bytes = Buffer.from(XML, 'utf8');
    async function* cut(size: number) {
      for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
    }
    const whole = await readSharedStrings(cut(1 << 20));
    for (const size of [1, 2, 3, 5, 64]) expect(await readSharedStrings(cut(size))).toEqual(whole);
  });

  it('reads a namespace prefix, CDATA, and normalises line ends as an XML parser does', async () => {
    const xml = '<x:sst xmlns:x="m"><x:si><x:t>a\r\nb</x:t></x:si><x:si><x:t><![CDATA[<Kreş> & c]]></x:t></x:si><x:si><x:r><x:t>Gök</x:t></x:r><x:r><x:t>çe</x:t></x:r></x:si></x:sst>';
    expect(await readSharedStrings(pieces(xml, 7))).toEqual(['a\nb', '<Kreş> & c', 'Gökçe']);
  });

  it('decodes XML entities and OOXML escapes', () => {
    expect(decodeXmlText('&quot;x&apos; &#65;&#x42;_x0009_')).toBe('"x\' AB\t');
  });
});
