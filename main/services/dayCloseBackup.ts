import type { DayCloseBackup } from '../../preload/contract/backupTypes';
import { formatMessage } from '../../preload/contract/errors';
import { AppError } from '../app/appError';
import { toAppError, type MasaApp } from '../app/masaApp';
import { log } from '../app/log';
import { createBackup } from './backup';

/**
 * Day close and the reconciliation export each end with an encrypted backup to the office's
 * backup folder (rotated like any other). It runs after their own transaction committed, so a
 * full USB disk or an unplugged share never undoes the day: it comes back as a message.
 */
export function backupAtDayClose(app: MasaApp): DayCloseBackup {
  try {
    const r = createBackup(app, { kind: 'day-close' });
    return { ok: true, name: r.name, dir: r.dir };
  } catch (err) {
    const e = toAppError(err, app.dataDir);
    const code = e instanceof AppError ? e.code : 'INTERNAL';
    const params = e instanceof AppError ? e.params : {};
    log.warn('day-close backup failed', { code });
    return { ok: false, message: formatMessage(code, 'tr', params), messageEn: formatMessage(code, 'en', params) };
  }
}
