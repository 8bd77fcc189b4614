import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../main/handlers/router';
import { closeDay } from '../main/services/desk';
import { tcknFromPrefix } from '../main/domain/tckn';
import { turkeyParts } from '../main/domain/turkeyTime';
import { openpyxlMissing, readXlsxWithOpenpyxl, writeXlsxWithOpenpyxl } from '../main/import/testing/openpyxl';
import { sampleRows, writeSampleCsv } from '../main/import/testing/sampleList';
import { axeViolations, launchChromium, newPage, screenshot, startMasa, signInAs } from './harness';
import { rawHandle } from '../database/testing/internals';

/** The office head's screens: importing HQ's list (with bad rows), the end of the day. */
let browser: Browser;
let masa: Awaited<ReturnType<typeof startMasa>>;
let page: Page;
const TODAY = turkeyParts(new Date()).date;
const HEAD = { username: 'mudur', password: 'Kesin-Kayit-2026' };

async function noSeriousA11y(p: Page) {
  const v = await axeViolations(p);
  expect(v, JSON.stringify(v, null, 1)).toEqual([]);
}

/** A hand-written CSV in the contract's format: ';', BOM, Turkish headers, a bad row, another province. */
function csvList(): string {
  const d = TODAY.split('-').reverse().join('.');
  const lines = ['\ufeffRandevu No;Program Kodu;İl Kodu;Randevu Tarihi;Randevu Saati;Ön Kayıt Zamanı;Anne TC Kimlik No;Anne Adı;Anne Soyadı;Çocuk Doğum Tarihi;Durum'];
  const surnames = ['Işıkoğlu', 'Çağlayan', 'Öztürk', 'Şahin', 'Güneş', 'İnce'];
  surnames.forEach((surname, i) =>
    lines.push(`35-2026-10000${i + 1};BAKICI-2020;35;${d};${i < 5 ? `09:${i + 1}0` : '10:00'};25.06.2026 10:00:0${i + 1};${tcknFromPrefix(`12345670${i + 1}`)};Gülşen;${surname};01.10.2025;`),
  );
  lines.push(`35-2026-100007;BAKICI-2020;35;${d};10:30;25.06.2026 10:00:07;12345678901;Hatalı;Kimlik;01.10.2025;`);
  lines.push(`06-2026-100008;KURUMSAL-2019;6;${d};10:40;25.06.2026 10:00:08;${tcknFromPrefix('223456789')};Başka;İl;01.10.2025;`);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'masa-list-')), 'randevu-listesi.csv');
  fs.writeFileSync(file, lines.join('\r\n'));
  return file;
}

/** An .xlsx written by openpyxl: two new rows, one HQ had already cancelled, one with a programme the desk has no rule pack for. */
function xlsxList(dir: string): string {
  const d = TODAY.split('-').reverse().join('.');
  const head = ['Randevu No', 'Program Kodu', 'İl Kodu', 'Randevu Tarihi', 'Randevu Saati', 'Ön Kayıt Zamanı', 'Anne TC Kimlik No', 'Anne Adı', 'Anne Soyadı', 'Çocuk Doğum Tarihi', 'Durum'];
  const row = (n: number, program: string, durum: string) => [`35-2026-20000${n}`, program, 35, d, `11:${n}0`, `25.06.2026 11:00:0${n}`, tcknFromPrefix(`22345670${n}`), 'Şükran', 'Ağaoğlu', '01.10.2025', durum];
  return writeXlsxWithOpenpyxl(dir, 'hq-listesi.xlsx', {
    sheets: [{ title: 'Randevular', rows: [head, row(1, 'BAKICI-2020', ''), row(2, 'BAKICI-2020', 'AKTİF'), row(3, 'BAKICI-2020', 'İPTAL'), row(4, 'YOK-9999', '')] }],
    rawUtf8: true,
    sharedStrings: true,
  });
}

const appointmentCount = () => (rawHandle(masa.app.requireStore()).prepare('SELECT count(*) n FROM appointments').get() as { n: number }).n;
const importEvents = () => (rawHandle(masa.app.requireStore()).prepare("SELECT count(*) n FROM events WHERE type = 'import.applied'").get() as { n: number }).n;

beforeAll(async () => {
  masa = await startMasa();
  const r = await dispatch(masa.app, 'setup.create', { username: HEAD.username, displayName: 'Ayşe Yılmaz', password: HEAD.password, passwordRepeat: HEAD.password, provinceCode: '35', deskCode: 'M01' });
  expect(r.ok).toBe(true);
  await dispatch(masa.app, 'auth.logout', {});
  browser = await launchChromium();
  page = await newPage(browser, masa.bridge.url);
  await signInAs(page, HEAD);
});

afterAll(async () => {
  await browser?.close();
  await masa?.close();
});

describe('the office head', () => {
  it('imports HQ’s list: preview first, nothing written until "İçe aktar", bad rows named in Turkish', async () => {
    await page.getByRole('button', { name: 'Randevu listesi' }).click();
    await page.getByLabel('Dosya yolu').fill(csvList());
    await page.getByRole('button', { name: 'Oku ve denetle' }).click();
    await page.getByTestId('import-preview').waitFor();
    expect((await dispatch(masa.app, 'ledger.status', {})).ok && rawHandle(masa.app.requireStore()).prepare('SELECT count(*) n FROM appointments').get()).toEqual({ n: 0 });
    expect(await page.locator('[data-count="added"]').textContent()).toContain('6');
    expect(await page.locator('[data-count="rejected"]').textContent()).toContain('1');
    expect(await page.locator('[data-count="skipped"]').textContent()).toContain('1');
    expect(await page.getByTestId('import-lines').textContent()).toContain('Anne TC Kimlik No');
    await screenshot(page, '40-ice-aktarma-onizleme');
    await noSeriousA11y(page);
    // The preview fits the window: at 1280 wide this list's columns are all in sight (nothing cut
    // at the right edge); at 1024 nothing of the screen runs past the right edge, and the wider
    // table scrolls inside a region a keyboard user can focus and scroll, named for a screen reader.
    const region = page.getByRole('region', { name: 'Dosyanın tanınan ilk satırları (yana kaydırılabilir)' });
    expect(await region.getAttribute('tabindex')).toBe('0');
    const overflow = () => region.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth, scrollLeft: el.scrollLeft }));
    try {
      for (const width of [1280, 1024]) {
        await page.setViewportSize({ width, height: 800 });
        await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth), { message: `page wider than ${width}` }).toBeLessThanOrEqual(width);
        const box = (await region.boundingBox())!;
        expect(box.x + box.width, `table region's right edge at ${width} wide`).toBeLessThanOrEqual(width);
        const o = await overflow();
        if (width === 1280) expect(o.scrollWidth, 'every column in sight at 1280 wide').toBeLessThanOrEqual(o.clientWidth);
        else if (o.scrollWidth > o.clientWidth) {
          await region.focus();
          await page.keyboard.press('ArrowRight');
          await expect.poll(async () => (await overflow()).scrollLeft, { message: 'the arrow key scrolls the table sideways' }).toBeGreaterThan(0);
        }
        await noSeriousA11y(page);
      }
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, '40b-ice-aktarma-onizleme-1024');
    } finally {
      await page.setViewportSize({ width: 1280, height: 860 });
    }
    await page.getByRole('button', { name: 'İçe aktar', exact: true }).click();
    await page.getByTestId('import-done').waitFor();
    expect(rawHandle(masa.app.requireStore()).prepare('SELECT count(*) n FROM appointments').get()).toEqual({ n: 6 });
    await screenshot(page, '41-ice-aktarma-bitti');
  });

  it('a file that is not an appointment list is refused as a whole, nothing changes', async () => {
    await page.getByRole('button', { name: 'Başka bir dosya' }).click();
    const junk = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'masa-junk-')), 'liste.csv');
    fs.writeFileSync(junk, Buffer.from([0, 1, 2, 3, 255, 254, 0, 0, 9, 9]));
    await page.getByLabel('Dosya yolu').fill(junk);
    await page.getByRole('button', { name: 'Oku ve denetle' }).click();
    await page.getByTestId('import-error').waitFor();
    expect(await page.getByTestId('import-error').textContent()).toContain('Hiçbir şey değişmedi');
    expect(rawHandle(masa.app.requireStore()).prepare('SELECT count(*) n FROM appointments').get()).toEqual({ n: 6 });
  });

  it('a large list writes with a progress bar, and "Vazgeç" while it writes rolls everything back', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'masa-big-')), 'buyuk-liste.csv');
    await writeSampleCsv(sampleRows({ date: TODAY, province: '35', count: 100_000, seed: 7, extras: false }), file);
    const before = { events: importEvents(), rows: appointmentCount() };
    await page.getByLabel('Dosya yolu').fill(file);
    await page.getByRole('button', { name: 'Oku ve denetle' }).click();
    await page.getByTestId('import-preview').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'İçe aktar', exact: true }).click();
    // The window answers while main writes: the bar moves, and the cancel button works.
    // (This process also runs main, which gives the test a turn only between its steps: click first, look after.)
    await page.getByTestId('import-write-progress').waitFor();
    expect(await page.getByText(/^Deftere yazılıyor… [\d.]+ \/ 100\.000 kayıt$/).count()).toBe(1);
    await page.getByRole('button', { name: 'Vazgeç' }).click();
    await page.getByTestId('import-notice').waitFor();
    expect(await page.getByTestId('import-notice').textContent()).toBe('İçe aktarma iptal edildi; hiçbir şey değişmedi.');
    expect(await page.getByTestId('import-error').count()).toBe(0);
    await screenshot(page, '44-ice-aktarma-iptal');
    expect({ events: importEvents(), rows: appointmentCount() }).toEqual(before);
    expect((await dispatch(masa.app, 'ledger.verify', {})).ok).toBe(true);
  });

  it.skipIf(openpyxlMissing !== null)('picks and drops files: the bytes go to main; "İçe aktar" twice records once; the report downloads as .xlsx', async () => {
    if (openpyxlMissing) console.warn(`office.e2e: skipped: ${openpyxlMissing}`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masa-pick-'));
    // Dropped: a header-only CSV made in the page is read by main (0 rows) and cancelled.
    const drop = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      const header = '\ufeffRandevu No;Program Kodu;İl Kodu;Randevu Tarihi;Randevu Saati;Ön Kayıt Zamanı;Anne TC Kimlik No;Anne Adı;Anne Soyadı;Çocuk Doğum Tarihi\r\n';
      dt.items.add(new File([header], 'bos-liste.csv', { type: 'text/csv' }));
      return dt;
    });
    await page.getByTestId('import-dropzone').dispatchEvent('drop', { dataTransfer: drop });
    await page.getByText('bos-liste.csv: 0 satır okundu').waitFor();
    await page.getByRole('button', { name: 'Vazgeç' }).click();

    // Picked but empty (a download cut short): named, not the generic "Girilen bilgiler eksik ya da hatalı".
    await page.getByTestId('import-file').setInputFiles({ name: 'bos.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.alloc(0) });
    await page.getByText('bos.xlsx boş (0 bayt)', { exact: false }).waitFor();
    expect(await page.getByText('Girilen bilgiler eksik ya da hatalı').count()).toBe(0);

    // Picked: an openpyxl workbook, set on the file input as a user's choice would be.
    const before = importEvents();
    const appointmentsBefore = (rawHandle(masa.app.requireStore()).prepare('SELECT count(*) n FROM appointments').get() as { n: number }).n;
    await page.getByTestId('import-file').setInputFiles(xlsxList(dir));
    await page.getByTestId('import-preview').waitFor();
    expect(await page.getByText('hq-listesi.xlsx: 4 satır okundu').count()).toBe(1);
    expect(await page.locator('[data-count="added"]').textContent()).toContain('2');
    expect(await page.locator('[data-count="cancelled"]').textContent()).toContain('1');
    expect(await page.locator('[data-count="rejected"]').textContent()).toContain('1');
    expect(await page.getByTestId('import-lines').textContent()).toContain("Program Kodu 'YOK-9999' bu masada tanımlı bir program değil");
    expect(importEvents()).toBe(before);

    // Two clicks in the same task, before React can render the disabled button, then a double click.
    await page.getByTestId('import-apply').evaluate((b: HTMLButtonElement) => {
      b.click();
      b.click();
    });
    await page.getByTestId('import-apply').dblclick({ timeout: 2000 }).catch(() => undefined);
    await page.getByTestId('import-done').waitFor();
    await expect.poll(() => page.getByTestId('import-error').count()).toBe(0);
    expect(importEvents()).toBe(before + 1);
    expect((rawHandle(masa.app.requireStore()).prepare('SELECT count(*) n FROM appointments').get() as { n: number }).n).toBe(appointmentsBefore + 3);
    expect(await page.locator('[data-count="cancelled"]').textContent()).toContain('1');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-download').click()]);
    expect(download.suggestedFilename()).toBe('ice-aktarma-raporu-hq-listesi.xlsx');
    const saved = path.join(dir, download.suggestedFilename());
    await download.saveAs(saved);
    const sheets = readXlsxWithOpenpyxl(saved);
    expect(sheets.map((s) => s.title)).toEqual(['Özet', 'Reddedilen Satırlar', 'Değişiklikler ve Uyarılar']);
    expect(sheets[0]!.rows).toContainEqual(['Dosya', 'hq-listesi.xlsx']);
    expect(sheets[0]!.rows).toContainEqual(['Eklenen', 2]);
    expect(sheets[0]!.rows).toContainEqual(['İptal Edilen', 1]);
    expect(sheets[1]!.rows[1]!.slice(0, 4)).toEqual([5, '35-2026-200004', 'Program Kodu', 'UNKNOWN_PROGRAM']);
    expect(await page.getByText('Rapor indirildi: ice-aktarma-raporu-hq-listesi.xlsx').count()).toBe(1);
    await screenshot(page, '43-ice-aktarma-rapor-indir');
  });

  it('end of day: the signed reconciliation is written where the head chose', async () => {
    await page.getByRole('button', { name: 'Gün sonu' }).click();
    await page.getByTestId('fingerprint').waitFor();
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'masa-out-'));
    // No folder typed: said so, nothing written.
    await page.getByRole('button', { name: 'Mutabakatı oluştur' }).click();
    await page.getByText('Mutabakatın yazılacağı klasörü yazın', { exact: false }).waitFor();
    await page.getByLabel('Kaydedilecek klasör').fill(out);
    // The day is still open: refused, saying how many have no outcome; nothing written.
    const waiting = (rawHandle(masa.app.requireStore()).prepare("SELECT count(*) n FROM appointments WHERE date = ? AND status = 'BEKLIYOR'").get(TODAY) as { n: number }).n;
    expect(waiting).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Mutabakatı oluştur' }).click();
    await page.getByText(`${waiting} randevusunun sonucu yok (${waiting} bekliyor, 0 gelmiş ama sonuçlanmamış)`, { exact: false }).waitFor();
    expect(fs.readdirSync(out)).toEqual([]);
    // Closed (the service: the handler's own day-close backup would be a second backup here).
    closeDay(masa.app, TODAY);
    await page.getByRole('button', { name: 'Mutabakatı oluştur' }).click();
    await page.getByTestId('export-done').waitFor();
    expect(fs.readdirSync(out).sort()).toEqual([`MUTABAKAT_35_M01_${TODAY.replace(/-/g, '')}.xlsx`, `MUTABAKAT_35_M01_${TODAY.replace(/-/g, '')}.xlsx.sig`]);
    // The end-of-day backup follows the export by itself, into the office's backup folder.
    await expect.poll(() => page.getByTestId('auto-backup').textContent()).toMatch(/^Gün sonu yedeği alındı: masa-yedek-\d{8}-\d{6}/);
    expect(fs.readdirSync(path.join(masa.dataDir, 'yedekler')).length).toBe(1);
    await screenshot(page, '42-gun-sonu');
    await noSeriousA11y(page);
    // A second try with the folder cleared: the refusal is not shown beside the earlier success line.
    await page.getByLabel('Kaydedilecek klasör').fill('');
    await page.getByRole('button', { name: 'Mutabakatı oluştur' }).click();
    await page.getByText('Mutabakatın yazılacağı klasörü yazın', { exact: false }).waitFor();
    expect(await page.getByTestId('export-done').count()).toBe(0);
  });
});
