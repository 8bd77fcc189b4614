import { UsageError } from '../../../main/cli/output';
import { loadDayFiles, type LoadProgress } from '../../intake/load';
import { printOk, say, trNumber, type HqCommand } from '../command';

export const loadCommand: HqCommand = {
  name: 'load',
  summary: {
    tr: 'MUTABAKAT_*.xlsx dosyalarını .sig imzalarıyla denetler ve yükler (her dosya ya bütünüyle yüklenir ya hiç; aynı dosya yeniden yüklenmez; aynı güne farklı dosya çakışma olarak saklanır).',
    en: 'Checks and loads MUTABAKAT_*.xlsx files with their .sig signatures (each file is loaded whole or not at all; the same file is not loaded twice; a different file for the same day is kept as a conflict).',
  },
  usage: 'load KLASÖR|DOSYA.xlsx...',
  async run(ctx) {
    if (ctx.positionals.length === 0) throw new UsageError('load için bir klasör ya da dosyalar gerekli.', 'load needs a folder or files.');
    const db = await ctx.db();
    const en = ctx.io.lang === 'en';
    const tty = !ctx.io.json && process.stderr.isTTY;
    let lastPaint = 0;
    const progress = (p: LoadProgress) => {
      const now = performance.now();
      if (now - lastPaint < 200 && p.done < p.total) return;
      lastPaint = now;
      const rate = p.seconds > 0 ? Math.round(p.rows / p.seconds) : 0;
      process.stderr.write(`\r${en ? 'files' : 'dosya'} ${trNumber(p.done)}/${trNumber(p.total)} · ${trNumber(p.rows)} ${en ? 'rows' : 'satır'} · ${trNumber(rate)} ${en ? 'rows/s' : 'satır/sn'}   `);
      if (p.done === p.total) process.stderr.write('\n');
    };
    const s = await loadDayFiles(db, ctx.positionals, tty ? progress : undefined);
    const mark = { LOADED: '✓', REEXPORT: '=', ALREADY_LOADED: '=', CONFLICT: '!', REFUSED: '✗' } as const;
    const bad = s.refused + s.conflicts;
    return printOk(
      ctx.io,
      s,
      () =>
        [
          ...s.files.filter((f) => f.status !== 'LOADED' || s.files.length <= 50).map((f) => `  ${mark[f.status]} ${f.file}: ${say(ctx.io, f.message)}${f.code ? ` [${f.code}]` : ''}`),
          en
            ? `${s.files.length} files: ${s.loaded} loaded, ${s.conflicts} conflicts, ${s.refused} refused; ${trNumber(s.rows)} rows in ${s.seconds.toFixed(1)} s${s.ignored ? `; ${s.ignored} other files in the folder ignored` : ''}.`
            : `${s.files.length} dosya: ${s.loaded} yüklendi, ${s.conflicts} çakışma, ${s.refused} reddedildi; ${trNumber(s.rows)} satır, ${s.seconds.toFixed(1)} sn${s.ignored ? `; klasördeki ${s.ignored} başka dosya yok sayıldı` : ''}.`,
        ].join('\n'),
      bad ? 1 : 0,
    );
  },
};
