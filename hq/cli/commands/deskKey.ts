import { createPublicKey } from 'node:crypto';
import fs from 'node:fs';
import { UsageError } from '../../../main/cli/output';
import { fingerprint } from '../../../main/reconciliation';
import { insertKey, keyBySpki, listKeys } from '../../database/queries/deskKeys';
import { logIntake } from '../../database/queries/intakeLog';
import { deskArg, HqRefusal, printOk, provinceArg, type HqCommand } from '../command';
import { fill } from '../../../main/texts';
import { HQ } from '../../texts/cli';

export const deskKeyCommand: HqCommand = {
  name: 'desk-key',
  summary: HQ.deskKey.summary,
  usage: HQ.deskKey.usage,
  options: ['province', 'desk'],
  async run(ctx) {
    const [sub, ...files] = ctx.positionals;
    const lang = ctx.io.lang;
    const t = HQ.deskKey;
    if (sub === 'list') {
      const province = ctx.options.province === undefined ? null : provinceArg(ctx.options.province);
      if (ctx.options.province !== undefined && !province) throw UsageError.of(HQ.args.province);
      const keys = await listKeys(await ctx.db(), province ? { provinceCode: province } : {});
      return printOk(ctx.io, keys.map((k) => ({ provinceCode: k.province_code, deskCode: k.desk_code, fingerprint: k.fingerprint, addedAt: k.added_at, publicKeySpki: k.public_key_spki })), () =>
        keys.length ? keys.map((k) => `${k.province_code} ${k.desk_code.padEnd(8)} ${k.fingerprint}`).join('\n') : t.none[lang],
      );
    }
    if (sub !== 'add') throw UsageError.of(t.addOrList);
    const province = provinceArg(ctx.options.province);
    const desk = deskArg(ctx.options.desk);
    if (!province || !desk || files.length !== 1) {
      throw UsageError.of(t.addNeeds);
    }
    let pem: string;
    try {
      pem = fs.readFileSync(files[0]!, 'utf8');
    } catch {
      throw UsageError.of(fill(t.unreadable, files[0]!));
    }
    let spki: string;
    try {
      const key = createPublicKey(pem);
      if (key.asymmetricKeyType !== 'ed25519') throw new Error('not ed25519');
      spki = key.export({ type: 'spki', format: 'der' }).toString('base64');
    } catch {
      throw HqRefusal.of(t.notEd25519);
    }
    const db = await ctx.db();
    const fp = fingerprint(spki);
    const held = await keyBySpki(db, spki);
    if (held && (held.province_code !== province || held.desk_code !== desk)) {
      throw HqRefusal.of(fill(t.heldByOther, held.province_code, held.desk_code));
    }
    if (!held) {
      await db.transaction(async (tx) => {
        await insertKey(tx, { spki, provinceCode: province, deskCode: desk, fingerprint: fp });
        await logIntake(tx, { action: 'desk-key.add', code: 'ADDED', detail: { provinceCode: province, deskCode: desk, fingerprint: fp } });
      });
    }
    return printOk(ctx.io, { provinceCode: province, deskCode: desk, fingerprint: fp, added: !held }, () =>
      [
        (held ? t.already : t.registered)[lang](province, desk),
        `${t.fingerprint[lang]}: ${fp}`,
      ].join('\n'),
    );
  },
};
