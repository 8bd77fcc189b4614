import { createPublicKey } from 'node:crypto';
import fs from 'node:fs';
import { UsageError } from '../../../main/cli/output';
import { fingerprint } from '../../../main/reconciliation';
import { insertKey, keyBySpki, listKeys } from '../../database/queries/deskKeys';
import { logIntake } from '../../database/queries/intakeLog';
import { deskArg, HqRefusal, printOk, provinceArg, type HqCommand } from '../command';

export const deskKeyCommand: HqCommand = {
  name: 'desk-key',
  summary: {
    tr: "Masaların açık anahtarları: add bir masanın PEM dosyasını kaydeder (parmak izini yazar), list kayıtlıları gösterir.",
    en: "The desks' public keys: add registers a desk's PEM file (prints its fingerprint), list shows those registered.",
  },
  usage: 'desk-key add --province İL --desk MASA DOSYA.pem | desk-key list [--province İL]',
  options: ['province', 'desk'],
  async run(ctx) {
    const [sub, ...files] = ctx.positionals;
    const en = ctx.io.lang === 'en';
    if (sub === 'list') {
      const province = ctx.options.province === undefined ? null : provinceArg(ctx.options.province);
      if (ctx.options.province !== undefined && !province) throw new UsageError('--province 1-81 arası bir il kodu olmalı.', '--province must be a province code 1-81.');
      const keys = await listKeys(await ctx.db(), province ? { provinceCode: province } : {});
      return printOk(ctx.io, keys.map((k) => ({ provinceCode: k.province_code, deskCode: k.desk_code, fingerprint: k.fingerprint, addedAt: k.added_at, publicKeySpki: k.public_key_spki })), () =>
        keys.length ? keys.map((k) => `${k.province_code} ${k.desk_code.padEnd(8)} ${k.fingerprint}`).join('\n') : en ? 'No desk key is registered.' : 'Kayıtlı masa anahtarı yok.',
      );
    }
    if (sub !== 'add') throw new UsageError('desk-key add ya da desk-key list yazın.', 'Write desk-key add or desk-key list.');
    const province = provinceArg(ctx.options.province);
    const desk = deskArg(ctx.options.desk);
    if (!province || !desk || files.length !== 1) {
      throw new UsageError('desk-key add için --province (1-81), --desk (ör. M01) ve tek bir PEM dosyası gerekli.', 'desk-key add needs --province (1-81), --desk (e.g. M01) and one PEM file.');
    }
    let pem: string;
    try {
      pem = fs.readFileSync(files[0]!, 'utf8');
    } catch {
      throw new UsageError(`Dosya okunamadı: ${files[0]}`, `Cannot read the file: ${files[0]}`);
    }
    let spki: string;
    try {
      const key = createPublicKey(pem);
      if (key.asymmetricKeyType !== 'ed25519') throw new Error('not ed25519');
      spki = key.export({ type: 'spki', format: 'der' }).toString('base64');
    } catch {
      throw new HqRefusal('Dosya bir Ed25519 açık anahtarı (PEM) değil.', 'The file is not an Ed25519 public key (PEM).');
    }
    const db = await ctx.db();
    const fp = fingerprint(spki);
    const held = await keyBySpki(db, spki);
    if (held && (held.province_code !== province || held.desk_code !== desk)) {
      throw new HqRefusal(`Bu anahtar zaten ${held.province_code} ilinin ${held.desk_code} masasına kayıtlı; bir anahtar tek masanındır.`, `This key is already registered to desk ${held.desk_code} of province ${held.province_code}; a key belongs to one desk.`);
    }
    if (!held) {
      await db.transaction(async (tx) => {
        await insertKey(tx, { spki, provinceCode: province, deskCode: desk, fingerprint: fp });
        await logIntake(tx, { action: 'desk-key.add', code: 'ADDED', detail: { provinceCode: province, deskCode: desk, fingerprint: fp } });
      });
    }
    return printOk(ctx.io, { provinceCode: province, deskCode: desk, fingerprint: fp, added: !held }, () =>
      [
        held ? (en ? `Already registered for province ${province}, desk ${desk} (nothing changed)` : `Zaten kayıtlı: il ${province}, masa ${desk} (değişiklik yok)`) : en ? `Registered for province ${province}, desk ${desk}` : `Kaydedildi: il ${province}, masa ${desk}`,
        `${en ? 'Fingerprint (SHA-256)' : 'Parmak izi (SHA-256)'}: ${fp}`,
      ].join('\n'),
    );
  },
};
