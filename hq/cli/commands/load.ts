import { UsageError } from '../../../main/cli/output';
import { loadDayFiles, type LoadProgress } from '../../intake/load';
import { printOk, say, trNumber, type HqCommand } from '../command';
import { HQ } from '../../texts/cli';

export const loadCommand: HqCommand = {
  name: 'load',
  summary: HQ.load.summary,
  usage: HQ.load.usage,
  async run(ctx) {
    if (ctx.positionals.length === 0) throw UsageError.of(HQ.load.needs);
    const db = await ctx.db();
    const lang = ctx.io.lang;
    const t = HQ.load;
    const tty = !ctx.io.json && process.stderr.isTTY;
    let lastPaint = 0;
    const progress = (p: LoadProgress) => {
      const now = performance.now();
      if (now - lastPaint < 200 && p.done < p.total) return;
      lastPaint = now;
      const rate = p.seconds > 0 ? Math.round(p.rows / p.seconds) : 0;
      process.stderr.write(`\r${t.files[lang]} ${trNumber(p.done)}/${trNumber(p.total)} · ${trNumber(p.rows)} ${t.rows[lang]} · ${trNumber(rate)} ${t.rate[lang]}   `);
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
          t.total[lang](s.files.length, s.loaded, s.conflicts, s.refused, trNumber(s.rows), s.seconds.toFixed(1), s.ignored),
        ].join('\n'),
      bad ? 1 : 0,
    );
  },
};
