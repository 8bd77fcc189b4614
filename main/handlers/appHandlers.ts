import { DatabaseError, folderFinding, ledgerPaths } from '../../database';
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
      // What is wrong with the folder before anyone signs in (a missing, empty or cut-short
      // ledger file, a missing or damaged key file), or what the last sign-in found when the
      // ledger would not open: the problem screen says it and offers a restore.
      const finding =
        presence === 'db-missing' || presence === 'slots-missing'
          ? new DatabaseError(presence === 'db-missing' ? 'DB_MISSING' : 'SLOTS_MISSING', presence)
          : app.session
            ? null
            : folderFinding(ledgerPaths(app.dataDir));
      const problem = finding ? toAppError(finding, app.dataDir) : app.session ? null : app.openProblem;
      if (problem) {
        const e = problem instanceof AppError ? problem : new AppError('INTERNAL');
        return {
          ...base,
          state: 'error',
          problem: { code: e.code, message: formatMessage(e.code, 'tr', e.params), messageEn: formatMessage(e.code, 'en', e.params) },
        };
      }
      if (!app.session || !app.store) return { ...base, state: 'signed-out' };
      if (app.session.rescue) {
        const { code, params, ...rescue } = app.session.rescue;
        return { ...base, state: 'rescue', session: sessionInfo(app.session), rescue: { ...rescue, code, message: formatMessage(code, 'tr', params), messageEn: formatMessage(code, 'en', params) } };
      }
      return {
        ...base,
        state: app.session.locked ? 'locked' : 'ready',
        session: sessionInfo(app.session),
        office: app.session.locked ? null : app.officeInfo(),
      };
    },
  },
});
