import * as backup from '../services/backup';
import { defineHandlers, HEAD_ONLY } from './defineHandlers';

export const backupHandlers = defineHandlers({
  'backup.create': { access: HEAD_ONLY, run: ({ app }, input) => backup.createBackup(app, { to: input.to }) },
  'backup.list': { access: HEAD_ONLY, allowedInRescue: true, run: ({ app }, input) => backup.listBackupInfo(app, input) },
  'backup.setFolder': { access: HEAD_ONLY, run: ({ app }, input) => backup.setBackupFolder(app, input.dir) },
  'backup.verify': { access: HEAD_ONLY, allowedInRescue: true, run: ({ app }, input) => backup.verifyBackup(app, input) },
  'backup.restore': { access: HEAD_ONLY, allowedInRescue: true, run: ({ app }, input) => backup.restoreBackup(app, input) },
});
