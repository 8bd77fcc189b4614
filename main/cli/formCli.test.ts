import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../database/testing/fixtures';
import { registrations as registrationsQ } from '../../database';
import { deskWithDecisions } from '../formStatement/testing';
import { signedStatementText } from '../services/formStatementService';
import { HEAD_USER } from '../testing/appFixture';
import { decodeBarcodes, missingPdfTools, pdfText, renderPng } from '../print/testing/pdfTools';

/** verify-form and reprint as the office head runs them: a child process on a desk's data folder. */
function cli(dataDir: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', ...args], {
    env: { ...process.env, MASA_DATA_DIR: dataDir, MASA_LOG: 'silent', MASA_USER: HEAD_USER.username, MASA_PASSWORD: HEAD_USER.password, ...env },
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const CLERK_PASSWORD = 'Tebligat-Kalemi-2026';
const missing = missingPdfTools();
if (missing.length) console.warn(`verify-form file tests skipped: missing ${missing.join(', ')}`);

describe('npm run cli -- verify-form / reprint', () => {
  const dataDir = tempDir('masa-formcli-');
  const out = tempDir('masa-formcli-out-');
  let text = '';
  let finalNo = '';
  let refusedRandevu = '';
  let fromPdfRandevu = '';
  beforeAll(async () => {
    const t = await deskWithDecisions({ dataDir });
    finalNo = t.final;
    refusedRandevu = t.rows[1]!.randevuNo;
    fromPdfRandevu = t.rows[0]!.randevuNo;
    text = signedStatementText(t.app, registrationsQ.byNo(t.app.requireStore().reader, t.final)!);
    await t.ok('users.create', { username: 'gorevli', displayName: 'Şükrü Işık', role: 'CLERK', password: 'Gecici-Parola-1' });
    // The clerk's first sign-in asks for a new password; done here so the role alone decides below.
    await t.ok('auth.logout', {});
    await t.ok('auth.login', { username: 'gorevli', password: 'Gecici-Parola-1' });
    await t.ok('auth.changePassword', { currentPassword: 'Gecici-Parola-1', newPassword: CLERK_PASSWORD, newPasswordRepeat: CLERK_PASSWORD });
    t.app.shutdown();
  });
  afterAll(() => {
    fs.rmSync(out, { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('verify-form TEXT prints the verdict and the statement (Turkish, English, --json); exit 0 only when valid', () => {
    const tr = cli(dataDir, ['verify-form', text]);
    expect(tr.code).toBe(0);
    expect(tr.out).toContain('Sonuç: GEÇERLİ.');
    expect(tr.out).toContain(`Kayıt No: ${finalNo}`);
    expect(tr.out).toContain('325,00 EUR aylık');
    expect(tr.out).toMatch(/İmzalayan: M01 \(bu masa\), parmak izi [0-9a-f]{4} /);
    const en = cli(dataDir, ['verify-form', text, '--lang', 'en']);
    expect(en.out).toContain('Verdict: VALID.');
    const json = JSON.parse(cli(dataDir, ['verify-form', text, '--json']).out);
    expect(json).toMatchObject({ ok: true, value: { verdict: 'VALID', statement: { number: finalNo }, coseBytes: 250 } });
    const bad = cli(dataDir, ['verify-form', text.slice(0, 100)]);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('Sonuç: OKUNAMIYOR.');
    expect(cli(dataDir, ['verify-form', 'HC1:NCFOXN%TS3DH']).out).toContain('MASA1: ile başlamıyor');
  });

  it('usage mistakes exit 2; a wrong password is refused (1)', () => {
    expect(cli(dataDir, ['verify-form']).code).toBe(2);
    expect(cli(dataDir, ['verify-form', text, 'fazla']).code).toBe(2);
    const none = cli(dataDir, ['verify-form', path.join(out, 'yok.png')]);
    expect(none.code).toBe(2);
    expect(none.err).toContain('Dosya bulunamadı');
    expect(cli(dataDir, ['verify-form', text], { MASA_PASSWORD: 'yanlis-parola-1' }).code).toBe(1);
    expect(cli(dataDir, ['reprint', '--out', path.join(out, 'x.pdf')]).code).toBe(2);
    expect(cli(dataDir, ['reprint', '--registration', finalNo, '--randevu', refusedRandevu, '--out', path.join(out, 'x.pdf')]).code).toBe(2);
  });

  it.skipIf(missing.length > 0)('reprint (office head) writes the document marked as a reprint, owner-only, whose QR verify-form reads from the PDF and from a PNG', () => {
    const logged = () => (JSON.parse(cli(dataDir, ['access-log', '--json']).out) as { value: { action: string; entity: string }[] }).value;
    const before = logged().length;
    const pdf = path.join(out, 'yeniden.pdf');
    const r = cli(dataDir, ['reprint', '--registration', finalNo, '--out', pdf]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Yeniden baskı yazıldı');
    expect(fs.statSync(pdf).mode & 0o777).toBe(0o600);
    expect(pdfText(pdf).replace(/\s+/g, ' ')).toContain('YENİDEN BASKI');
    const [png] = renderPng(pdf, 150, out);
    expect(decodeBarcodes(png!)).toContain(text);
    const fromPdf = cli(dataDir, ['verify-form', pdf, '--json']);
    expect(fromPdf.code).toBe(0);
    expect(JSON.parse(fromPdf.out).value.verdict).toBe('VALID');
    expect(cli(dataDir, ['verify-form', png!]).out).toContain('Sonuç: GEÇERLİ.');
    const notice = path.join(out, 'ret.pdf');
    expect(cli(dataDir, ['reprint', '--randevu', refusedRandevu, '--out', notice]).code).toBe(0);
    expect(pdfText(notice)).toContain('RET BİLDİRİMİ');
    // A file that is no image: refused with the reason, exit 1.
    const junk = path.join(out, 'bos.png');
    fs.writeFileSync(junk, 'not an image');
    const j = cli(dataDir, ['verify-form', junk]);
    expect(j.code).toBe(1);
    expect(j.err).toContain('PNG değil');
    // The access log (today: the command line runs on the real clock) holds both reprints and one line per verification.
    // (newest first; the unreadable file was refused before any verification).
    const added = logged().slice(0, -before || undefined);
    expect(added.map((e) => e.action)).toEqual(['record.printed', 'record.verified', 'record.verified', 'record.printed']);
    expect(added[1]!.entity).toBe(`appointment:${fromPdfRandevu}`);
  });

  it('a clerk may verify but not reprint', () => {
    const env = { MASA_USER: 'gorevli', MASA_PASSWORD: CLERK_PASSWORD };
    const refused = cli(dataDir, ['reprint', '--registration', finalNo, '--out', path.join(out, 'c.pdf')], env);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Reddedildi: Bu işlem için yetkiniz yok.');
    const v = cli(dataDir, ['verify-form', text], env);
    expect(v.code).toBe(0);
    expect(fs.existsSync(path.join(out, 'c.pdf'))).toBe(false);
  });
});
