import { printRefusal, printValue, UsageError } from '../output';
import type { CliCommand } from '../command';

/**
 * The office head closes a day from the command line: every appointment still waiting becomes
 * GELMEDİ (one event each), through the same handler as the day screen's button. An open day
 * cannot be exported, so this is what `export` asks for first.
 */
export const closeDayCommand: CliCommand = {
  name: 'close-day',
  summary: {
    tr: 'Günü kapatır (birim sorumlusu): bekleyen her randevu «Gelmedi» olur; geri alınamaz, yalnızca tek tek gerekçeyle yeniden açılır.',
    en: 'Closes a day (office head): every waiting appointment becomes a no-show; not undone, only reopened one by one with a reason.',
  },
  usage: 'close-day --date yyyy-MM-dd [--user KULLANICI]',
  options: ['date'],
  async run(ctx) {
    const date = ctx.options.date;
    if (typeof date !== 'string') throw new UsageError('close-day için --date gerekli.', 'close-day needs --date.');
    const signed = await ctx.signIn();
    if (!signed.ok) return printRefusal(ctx.io, signed);
    const r = await ctx.call('desk.closeDay', { date });
    await ctx.call('auth.logout', {});
    if (!r.ok) return printRefusal(ctx.io, r);
    const en = ctx.io.lang === 'en';
    return printValue(ctx.io, r.value, () =>
      en ? `Day ${date} closed: ${r.value.noShows} appointments became no-shows.` : `${date} günü kapatıldı: ${r.value.noShows} randevu «Gelmedi» oldu.`,
    );
  },
};
