import { migrate } from '../../database/migrate';
import { printOk, type HqCommand } from '../command';

export const initCommand: HqCommand = {
  name: 'init',
  summary: { tr: 'Veritabanını kurar ya da şemasını günceller (numaralı göçler).', en: 'Sets up the database or brings its schema up to date (numbered migrations).' },
  usage: 'init',
  async run(ctx) {
    const db = await ctx.rawDb();
    const r = await migrate(db);
    const en = ctx.io.lang === 'en';
    const engine = db.kind === 'postgresql' ? (en ? 'PostgreSQL server' : 'PostgreSQL sunucusu') : en ? 'embedded PGlite' : 'gömülü PGlite';
    return printOk(ctx.io, { engine: db.kind, where: db.where, schemaVersion: r.version, applied: r.applied }, () =>
      [
        `${en ? 'Database ready' : 'Veritabanı hazır'}: ${engine} (${db.where})`,
        `${en ? 'Schema version' : 'Şema sürümü'} ${r.version}${r.applied.length ? ` (${en ? 'applied' : 'uygulanan'}: ${r.applied.join(', ')})` : en ? ' (already up to date)' : ' (zaten güncel)'}`,
      ].join('\n'),
    );
  },
};
