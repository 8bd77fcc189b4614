import { DatabaseError } from '../../database';
import { sessionInfo } from '../app/session';
import { toAppError } from '../app/masaApp';
import { APP_VERSION } from '../app/version';
import { AppError } from '../app/appError';
import { formatMessage } from '../../preload/contract/errors';
import type { AppStatus } from '../../preload/contract/types';
import { defineHandlers } from './defineHandlers';

export const appHandlers = defineHandlers({
  'app.status': {
    access: 'public',
    allowedBeforePasswordChange: true,
    allowedInRescue: true,
    run({ app }): AppStatus {
      const base = { version: APP_VERSION, session: null, office: null, problem: null, rescue: null };
      const presence = app.presence();
      if (presence === 'none') return { ...base, state: 'setup' };
      if (presence === 'db-missing' || presence === 'slots-missing') {
        const code = presence === 'db-missing' ? 'DB_MISSING' : 'SLOTS_MISSING';
        const err = toAppError(new DatabaseError(code, code), app.dataDir);
        const e = err instanceof AppError ? err : new AppError('INTERNAL');
        return {
          ...base,
          state: 'error',
          problem: { code: e.code, message: formatMessage(e.code, 'tr', e.params), messageEn: formatMessage(e.code, 'en', e.params) },
        };
      }
      if (!app.session || !app.store) return { ...base, state: 'signed-out' };
      if (app.session.rescue) return { ...base, state: 'rescue', session: sessionInfo(app.session), rescue: app.session.rescue };
      return {
        ...base,
        state: app.session.locked ? 'locked' : 'ready',
        session: sessionInfo(app.session),
        office: app.session.locked ? null : app.officeInfo(),
      };
    },
  },
});
