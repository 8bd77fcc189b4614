/**
 * Test fixtures written by an independent implementation: Debian's python3-openpyxl (not the
 * exceljs the code under test reads with). Run through /usr/bin/python3, which sees Debian's
 * openpyxl (the python3 first on PATH may not).
 *
 * openpyxl never calculates formulas: it writes `<f>..</f><v></v>`, a formula with no cached
 * result. For the "formula with a cached value" case the sheet XML is patched afterwards with
 * Python's zipfile, the way Excel stores it: `<c r="F2" t="str"><f>..</f><v>cached</v></c>`.
 * The same post-processing can turn openpyxl's parts into Excel's style (raw UTF-8 text, a
 * shared-strings table, the table first in the zip): see XlsxFixture.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const PYTHON = '/usr/bin/python3';

export const openpyxlMissing: string | null = (() => {
  const r = spawnSync(PYTHON, ['-c', 'import openpyxl'], { encoding: 'utf8' });
  return r.status === 0 ? null : `python3-openpyxl is not available at ${PYTHON} (apt-get install python3-openpyxl)`;
})();

export type FixtureCell =
  | string
  | number
  | null
  | { date: string }
  | { time: string }
  | { dateTime: string }
  | { formula: string; cached?: string | number };

interface FixtureSheet {
  title: string;
  rows: FixtureCell[][];
}

export interface XlsxFixture {
  sheets: FixtureSheet[];
  /** Old Mac Excel date system. */
  date1904?: boolean;
  /** Reorder the tabs in workbook.xml so that the last sheet file is the first tab. */
  lastSheetFirst?: boolean;
  /**
   * Write text as Excel does: raw UTF-8 (openpyxl writes `&#350;` for Ş, which hides the
   * chunk-boundary bug exceljs has with multi-byte letters) ...
   */
  rawUtf8?: boolean;
  /** ... in a shared-strings table (openpyxl writes inline strings) ... */
  sharedStrings?: boolean;
  /** ... placed before the sheets in the zip (exceljs then reads the sheet without parking it). */
  partsFirst?: boolean;
}

const SCRIPT = String.raw`
import datetime, json, re, sys, zipfile
from xml.sax.saxutils import escape
import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

spec = json.load(open(sys.argv[1], encoding='utf-8'))
out = sys.argv[2]
wb = openpyxl.Workbook()
if spec.get('date1904'):
    wb.epoch = CALENDAR_MAC_1904
cached = {}
for si, sh in enumerate(spec['sheets']):
    ws = wb.active if si == 0 else wb.create_sheet()
    ws.title = sh['title']
    for r, row in enumerate(sh['rows'], start=1):
        for c, cell in enumerate(row, start=1):
            if cell is None:
                continue
            t = ws.cell(row=r, column=c)
            if isinstance(cell, dict):
                if 'date' in cell:
                    t.value = datetime.date.fromisoformat(cell['date']); t.number_format = 'dd.mm.yyyy'
                elif 'time' in cell:
                    h, m = map(int, cell['time'].split(':')); t.value = datetime.time(h, m); t.number_format = 'hh:mm'
                elif 'dateTime' in cell:
                    t.value = datetime.datetime.fromisoformat(cell['dateTime']); t.number_format = 'dd.mm.yyyy hh:mm:ss'
                elif 'formula' in cell:
                    t.value = '=' + cell['formula']
                    if 'cached' in cell:
                        cached.setdefault(si, {})[t.coordinate] = cell['cached']
            else:
                t.value = cell
wb.save(out)

if cached or spec.get('lastSheetFirst') or spec.get('rawUtf8') or spec.get('sharedStrings') or spec.get('partsFirst'):
    src = zipfile.ZipFile(out)
    items = [(i, src.read(i.filename)) for i in src.infolist()]
    src.close()
    patched = []
    for info, data in items:
        m = re.match(r'xl/worksheets/sheet(\d+)\.xml$', info.filename)
        if m and (int(m.group(1)) - 1) in cached:
            xml = data.decode('utf-8')
            for ref, val in cached[int(m.group(1)) - 1].items():
                pat = re.compile(r'<c r="' + ref + r'"([^>]*)><f>(.*?)</f>(?:<v\s*/>|<v></v>)?</c>')
                def rep(mm, ref=ref, val=val):
                    attrs = re.sub(r'\s*t="[^"]*"', '', mm.group(1))
                    kind = ' t="str"' if isinstance(val, str) else ''
                    return '<c r="%s"%s%s><f>%s</f><v>%s</v></c>' % (ref, attrs, kind, mm.group(2), escape(str(val)))
                xml, n = pat.subn(rep, xml)
                assert n == 1, 'formula cell %s not found' % ref
            data = xml.encode('utf-8')
        if info.filename == 'xl/workbook.xml' and spec.get('lastSheetFirst'):
            xml = data.decode('utf-8')
            sheets = re.findall(r'<sheet [^>]*/>', xml)
            xml = xml.replace(''.join(sheets), ''.join([sheets[-1]] + sheets[:-1]))
            data = xml.encode('utf-8')
        patched.append([info, data])

    if spec.get('sharedStrings'):
        table, index = [], {}
        cell = re.compile(r'<c r="([A-Z]+\d+)"([^>]*?) t="inlineStr"([^>]*)><is><t([^>]*)>(.*?)</t></is></c>')
        def to_shared(m):
            text = m.group(5)
            if text not in index:
                index[text] = len(table)
                table.append(text)
            return '<c r="%s"%s t="s"%s><v>%d</v></c>' % (m.group(1), m.group(2), m.group(3), index[text])
        for item in patched:
            if re.match(r'xl/worksheets/sheet\d+\.xml$', item[0].filename):
                item[1] = cell.sub(to_shared, item[1].decode('utf-8')).encode('utf-8')
            elif item[0].filename == '[Content_Types].xml':
                item[1] = item[1].decode('utf-8').replace('</Types>', '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>').encode('utf-8')
            elif item[0].filename == 'xl/_rels/workbook.xml.rels':
                item[1] = item[1].decode('utf-8').replace('</Relationships>', '<Relationship Id="rIdSharedStrings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>').encode('utf-8')
        sst = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">%s</sst>' % (
            len(table), len(table), ''.join('<si><t xml:space="preserve">%s</t></si>' % t for t in table))
        patched.append([zipfile.ZipInfo('xl/sharedStrings.xml', date_time=(2026, 11, 24, 9, 0, 0)), sst.encode('utf-8')])

    if spec.get('rawUtf8'):
        ref = re.compile(r'&#(\d+);')
        for item in patched:
            if item[0].filename.endswith('.xml') or item[0].filename.endswith('.rels'):
                item[1] = ref.sub(lambda m: chr(int(m.group(1))) if int(m.group(1)) >= 128 else m.group(0), item[1].decode('utf-8')).encode('utf-8')

    if spec.get('partsFirst'):
        first = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml']
        patched.sort(key=lambda item: first.index(item[0].filename) if item[0].filename in first else len(first))

    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
        for info, data in patched:
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
`;

/** Writes `fixture` as an .xlsx at dir/name with openpyxl and returns its path. */
export function writeXlsxWithOpenpyxl(dir: string, name: string, fixture: XlsxFixture): string {
  const specPath = join(dir, `${name}.json`);
  const scriptPath = join(dir, 'openpyxl_fixture.py');
  const out = join(dir, name);
  writeFileSync(specPath, JSON.stringify(fixture), 'utf8');
  writeFileSync(scriptPath, SCRIPT, 'utf8');
  const r = spawnSync(PYTHON, [scriptPath, specPath, out], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openpyxl fixture failed: ${r.stderr}`);
  return out;
}

/** Reads every sheet of an .xlsx with openpyxl: values only; dates as ISO text. */
export function readXlsxWithOpenpyxl(path: string): { title: string; rows: (string | number | boolean | null)[][] }[] {
  const script = String.raw`
import datetime, json, sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1], data_only=True)
def v(x):
    if isinstance(x, (datetime.date, datetime.datetime, datetime.time)):
        return x.isoformat()
    return x
print(json.dumps([{'title': ws.title, 'rows': [[v(c) for c in row] for row in ws.iter_rows(values_only=True)]} for ws in wb.worksheets], ensure_ascii=False))
`;
  const r = spawnSync(PYTHON, ['-c', script, path], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`openpyxl read failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}
