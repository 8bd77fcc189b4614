import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEPT_DOCUMENTS } from '../app/printedDocuments';
import { HEAD_USER, setUpApp } from '../testing/appFixture';
import { seedAppointments } from '../testing/seed';
import { MAX_DATA_URL_CHARS, pdfDataUrl } from './printDelivery';
import { rawHandle } from '../../database/testing/internals';

describe('silent printing (office head’s setting, desktop app only)', () => {
  it('is off by default, switched by the head through settings.update with a ledger event, and kept across sign-ins', async () => {
    const t = await setUpApp();
    expect((await t.ok('app.status', {})).office?.silentPrint).toBe(false);
    expect(await t.ok('print.mode', {})).toEqual({ silent: false });

    const before = t.app.requireStore().ledger.head().seq;
    const info = await t.ok('settings.update', { silentPrint: true });
    expect(info).toMatchObject({ silentPrint: true, idleLockMinutes: 10 });
    const ev = rawHandle(t.app.requireStore()).prepare('SELECT type, user_id, payload FROM events WHERE seq > ?').all(before) as { type: string; user_id: number; payload: string }[];
    expect(ev).toHaveLength(1);
    expect(ev[0]!.type).toBe('settings.updated');
    expect(ev[0]!.user_id).toBe((await t.ok('app.status', {})).session!.userId);
    expect(ev[0]!.payload).toContain('print.silent');

    await t.ok('auth.logout', {});
    await t.ok('auth.login', { username: HEAD_USER.username, password: HEAD_USER.password });
    expect(await t.ok('print.mode', {})).toEqual({ silent: true });
    // Other settings leave it as it is.
    expect(await t.ok('settings.update', { idleLockMinutes: 5 })).toMatchObject({ silentPrint: true, idleLockMinutes: 5 });
    expect(await t.ok('settings.update', { silentPrint: false })).toMatchObject({ silentPrint: false });
    expect(await t.call('settings.update', { silentPrint: 'evet' as unknown as boolean })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('only the office head changes it; a clerk reads the mode, signed out nobody does', async () => {
    const t = await setUpApp();
    await t.ok('settings.update', { silentPrint: true });
    await t.ok('users.create', { username: 'gorevli', displayName: 'Şükrü Işık', role: 'CLERK', password: 'Gecici-Parola-1' });
    await t.ok('auth.logout', {});
    await t.ok('auth.login', { username: 'gorevli', password: 'Gecici-Parola-1' });
    await t.ok('auth.changePassword', { currentPassword: 'Gecici-Parola-1', newPassword: 'Sabah-Masasi-2026', newPasswordRepeat: 'Sabah-Masasi-2026' });
    expect(await t.call('settings.update', { silentPrint: false })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.ok('print.mode', {})).toEqual({ silent: true });
    await t.ok('auth.logout', {});
    expect(await t.call('print.mode', {})).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
  });

  it('the hidden print window gets a real PDF from memory as a data: URL, and nothing else', async () => {
    const t = await setUpApp({ now: () => new Date('2026-11-24T08:00:00Z') });
    seedAppointments(t.app, { date: '2026-11-24', count: 2, programCode: 'BAKICI-2020' });
    const doc = await t.ok('print.dailyReport', { date: '2026-11-24' });
    expect(pdfDataUrl(Buffer.from(doc.pdfBase64, 'base64'))).toBe(`data:application/pdf;base64,${doc.pdfBase64}`);
    expect(pdfDataUrl(Buffer.from('<html><script>alert(1)</script>'))).toBeNull();
    // The URL is the bytes' own base64: nothing in them can end the URL or start markup.
    expect(pdfDataUrl(Buffer.from('%PDF-1"><script>'))).toMatch(/^data:application\/pdf;base64,[A-Za-z0-9+/]+={0,2}$/);
    expect(pdfDataUrl(Buffer.alloc(0))).toBeNull();
    // Too large for a URL: the preview's print dialog instead.
    expect(pdfDataUrl(Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(MAX_DATA_URL_CHARS)]))).toBeNull();
  });
});

describe('print.toPrinter: the preview’s "Yazdır" names a document main rendered, never sends bytes', () => {
  const day = { now: () => new Date('2026-11-24T08:00:00Z') };
  /** Stands in for Electron's hidden print window (main/electron/silentPrint.ts): keeps what it was given. */
  function recordingPrinter() {
    const got: string[] = [];
    const printer = async (url: string) => {
      got.push(url);
      return { mode: 'silent' as const, ok: true as const };
    };
    return { got, printer };
  }

  it('with silent printing on, the very PDF of the preview goes to the printer in main; off, the preview opens the dialog', async () => {
    const { got, printer } = recordingPrinter();
    const t = await setUpApp({ ...day, printer });
    seedAppointments(t.app, { date: '2026-11-24', count: 2, programCode: 'BAKICI-2020' });
    const doc = await t.ok('print.dailyReport', { date: '2026-11-24' });
    expect(doc.documentId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await t.ok('print.toPrinter', { documentId: doc.documentId })).toEqual({ mode: 'dialog' });
    expect(got).toEqual([]);
    await t.ok('settings.update', { silentPrint: true });
    expect(await t.ok('print.toPrinter', { documentId: doc.documentId })).toEqual({ mode: 'silent', ok: true });
    expect(got).toHaveLength(1);
    const printed = Buffer.from(got[0]!.slice('data:application/pdf;base64,'.length), 'base64');
    expect(printed.equals(Buffer.from(doc.pdfBase64, 'base64'))).toBe(true);
    expect(pdfText(printed)).toContain('GÜNLÜK RAPOR');
    // The printer's own failure comes back as it said it, for the preview to show.
    const failing = await setUpApp({ ...day, printer: async () => ({ mode: 'silent', ok: false, message: 'Belge varsayılan yazıcıya gönderilemedi (failed).', messageEn: 'x' }) });
    await failing.ok('settings.update', { silentPrint: true });
    const other = await failing.ok('print.dailyReport', { date: '2026-11-24' });
    expect(await failing.ok('print.toPrinter', { documentId: other.documentId })).toMatchObject({ mode: 'silent', ok: false, message: expect.stringContaining('gönderilemedi') });
  });

  it('the browser bridge and the CLI have no printer: a Turkish refusal that names the desktop app', async () => {
    const t = await setUpApp(day);
    await t.ok('settings.update', { silentPrint: true });
    const doc = await t.ok('print.dailyReport', { date: '2026-11-24' });
    const r = await t.call('print.toPrinter', { documentId: doc.documentId });
    expect(r).toMatchObject({ ok: false, error: { code: 'PRINT_NEEDS_DESKTOP', message: expect.stringContaining('masaüstü uygulamasında') } });
  });

  it('refuses an unknown, malformed or another sign-in’s document, and signed out', async () => {
    const { got, printer } = recordingPrinter();
    const t = await setUpApp({ ...day, printer });
    await t.ok('settings.update', { silentPrint: true });
    const doc = await t.ok('print.dailyReport', { date: '2026-11-24' });
    expect(await t.call('print.toPrinter', { documentId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'PRINT_DOCUMENT_GONE', message: expect.stringContaining('yeniden açıp') } });
    expect(await t.call('print.toPrinter', { documentId: 'JVBERi0x' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await t.call('print.toPrinter', { documentId: doc.documentId, pdfBase64: doc.pdfBase64 } as never)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await t.ok('auth.logout', {});
    expect(await t.call('print.toPrinter', { documentId: doc.documentId })).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
    await t.ok('auth.login', { username: HEAD_USER.username, password: HEAD_USER.password });
    // Signed out, main let the PDF go: the next sign-in cannot print the last one's documents.
    expect(await t.call('print.toPrinter', { documentId: doc.documentId })).toMatchObject({ ok: false, error: { code: 'PRINT_DOCUMENT_GONE' } });
    expect(got).toEqual([]);
  });

  it('keeps only the last few documents in memory', async () => {
    const { got, printer } = recordingPrinter();
    const t = await setUpApp({ ...day, printer });
    await t.ok('settings.update', { silentPrint: true });
    const first = await t.ok('print.dailyReport', { date: '2026-11-24' });
    for (let i = 0; i < KEPT_DOCUMENTS; i++) await t.ok('print.dailyReport', { date: '2026-11-24' });
    expect(await t.call('print.toPrinter', { documentId: first.documentId })).toMatchObject({ ok: false, error: { code: 'PRINT_DOCUMENT_GONE' } });
    const last = await t.ok('print.dailyReport', { date: '2026-11-24' });
    expect(await t.ok('print.toPrinter', { documentId: last.documentId })).toEqual({ mode: 'silent', ok: true });
    expect(got).toHaveLength(1);
  });
});

function pdfText(pdf: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masa-print-'));
  try {
    fs.writeFileSync(path.join(dir, 'd.pdf'), pdf);
    return execFileSync('pdftotext', ['-layout', path.join(dir, 'd.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('the Asil / Yedek list’s choices', () => {
  it('names every bundled edition with its provinces and the office’s province, for the head only', async () => {
    const t = await setUpApp();
    const o = await t.ok('print.listOptions', {});
    expect(o.officeProvinceCode).toBe('35');
    expect(o.editions.map((e) => e.code).sort()).toEqual(['BAKICI-2020', 'EVDE-2015', 'KURUMSAL-2019']);
    expect(o.editions.find((e) => e.code === 'BAKICI-2020')!.provinces.find((p) => p.code === '35')).toMatchObject({ quota: 1750 });
  });
});
