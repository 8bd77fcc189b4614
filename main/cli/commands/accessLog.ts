import { ACCESS_LOG_MAX_PAGE, type AccessLogEntry } from '../../../preload/contract/auditTypes';
import { turkeyParts } from '../../domain/turkeyTime';
import { printRefusal, printValue, UsageError } from '../output';
import type { CliCommand } from '../command';

/** The words for an access event, as the office head's screen shows them. */
export const ACCESS_ACTIONS: Record<string, { tr: string; en: string }> = {
  'record.viewed': { tr: 'görüntüledi', en: 'viewed' },
  'record.printed': { tr: 'yazdırdı', en: 'printed' },
  'record.exported': { tr: 'dışa aktardı', en: 'exported' },
  'reconciliation.exported': { tr: 'mutabakatı dışa aktardı', en: 'exported the reconciliation' },
  'report.printed': { tr: 'raporu yazdırdı', en: 'printed the report' },
  'list.printed': { tr: 'listeyi yazdırdı', en: 'printed the list' },
  'record.verified': { tr: 'form karekodunu doğruladı', en: 'verified a form QR' },
};

/** KVKK access log (office head only): who viewed, printed or exported which record, on one day. */
export const accessLogCommand: CliCommand = {
  name: 'access-log',
  summary: {
    tr: 'Erişim kaydı: kim hangi kaydı ne zaman görüntüledi, yazdırdı ya da dışa aktardı (bir gün; varsayılan bugün, Türkiye saati).',
    en: 'Access log: who viewed, printed or exported which record and when (one day; default today, Turkey time).',
  },
  usage: 'access-log [--date yyyy-MM-dd] [--randevu RANDEVU_NO] [--user KULLANICI]',
  options: ['date', 'randevu'],
  async run(ctx) {
    const date = typeof ctx.options.date === 'string' ? ctx.options.date : turkeyParts(ctx.app.now()).date;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError('--date yyyy-AA-gg biçiminde olmalı (ör. 2026-11-24).', '--date must be yyyy-MM-dd (e.g. 2026-11-24).');
    const randevuNo = typeof ctx.options.randevu === 'string' ? ctx.options.randevu : undefined;
    const signed = await ctx.signIn();
    if (!signed.ok) return printRefusal(ctx.io, signed);
    // Every page of the day: a command line prints the whole log (the screen loads pages on request).
    const entries: AccessLogEntry[] = [];
    for (let before: number | undefined; ; ) {
      const r = await ctx.call('audit.accessLog', { from: date, to: date, ...(randevuNo ? { randevuNo } : {}), ...(before ? { before } : {}), limit: ACCESS_LOG_MAX_PAGE });
      if (!r.ok) {
        await ctx.call('auth.logout', {});
        return printRefusal(ctx.io, r);
      }
      entries.push(...r.value.entries);
      if (r.value.next === null) break;
      before = r.value.next;
    }
    await ctx.call('auth.logout', {});
    const en = ctx.io.lang === 'en';
    return printValue(ctx.io, entries, () =>
      [
        `${en ? 'Access log' : 'Erişim kaydı'} ${date}: ${entries.length}`,
        ...entries.map((e) => {
          const words = ACCESS_ACTIONS[e.action]?.[en ? 'en' : 'tr'] ?? e.action;
          return `  ${turkeyParts(new Date(e.at)).dateTime.replace('T', ' ')}  #${e.seq}  ${e.user}  ${words}  ${e.entity}`;
        }),
      ].join('\n'),
    );
  },
};
