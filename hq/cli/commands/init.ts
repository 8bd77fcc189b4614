import { migrate } from '../../database/migrate';
import { printOk, type HqCommand } from '../command';
import { HQ } from '../../texts/cli';

export const initCommand: HqCommand = {
  name: 'init',
  summary: HQ.init.summary,
  usage: HQ.init.usage,
  async run(ctx) {
    const db = await ctx.rawDb();
    const r = await migrate(db);
    const lang = ctx.io.lang;
    const t = HQ.init;
    const engine = (db.kind === 'postgresql' ? t.server : t.embedded)[lang];
    return printOk(ctx.io, { engine: db.kind, where: db.where, schemaVersion: r.version, applied: r.applied }, () =>
      [
        `${t.ready[lang]}: ${engine} (${db.where})`,
        `${t.schemaVersion[lang]} ${r.version}${r.applied.length ? ` (${t.applied[lang]}: ${r.applied.join(', ')})` : t.upToDate[lang]}`,
      ].join('\n'),
    );
  },
};
