/**
 * Damage done to a workbook written by openpyxl, the way a failing disk or a bad copy does it:
 * with Python's zipfile (an independent zip implementation), for the refusal tests.
 */
import { spawnSync } from 'node:child_process';
import { PYTHON } from './openpyxl';

function python(code: string, ...args: string[]): void {
  const r = spawnSync(PYTHON, ['-c', code, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
}

/** Scrambles 200 bytes of the compressed sheet data; the central directory stays intact. */
export function scrambleSheetData(path: string): void {
  python(
    String.raw`
import sys, zipfile
path = sys.argv[1]
z = zipfile.ZipFile(path)
info = z.getinfo('xl/worksheets/sheet1.xml')
data = bytearray(open(path, 'rb').read())
start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
for i in range(start + 200, start + 400):
    data[i] = (data[i] * 31 + 17) % 256
open(path, 'wb').write(bytes(data))
`,
    path,
  );
}

/**
 * Stores the sheet uncompressed and changes the 14th character of `text` in it to 9: the XML
 * stays valid with a different value, so only the CRC-32 can tell.
 */
export function flipStoredSheetDigit(path: string, text: string): void {
  python(
    String.raw`
import sys, zipfile
path, text = sys.argv[1], sys.argv[2].encode()
src = zipfile.ZipFile(path)
items = [(i, src.read(i.filename)) for i in src.infolist()]
src.close()
with zipfile.ZipFile(path, 'w') as z:
    for info, data in items:
        info.compress_type = zipfile.ZIP_STORED if info.filename == 'xl/worksheets/sheet1.xml' else zipfile.ZIP_DEFLATED
        z.writestr(info, data)
data = bytearray(open(path, 'rb').read())
at = data.find(text)
assert at > 0
data[at + 13] = ord('9')
open(path, 'wb').write(bytes(data))
`,
    path,
    text,
  );
}
