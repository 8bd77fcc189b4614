import * as backup from '../services/backup';
import * as restore from '../services/restore';
import { defineHandlers, HEAD_ONLY } from './defineHandlers';

export const backupHandlers = defineHandlers({
  'backup.create': { access: HEAD_ONLY, run: ({ app }, input) => backup.createBackup(app, { to: input.to }) },
  'backup.list': { access: HEAD_ONLY, allowedInRescue: true, run: ({ app }, input) => backup.listBackupInfo(app, input) },
  'backup.setFolder': { access: HEAD_ONLY, run: ({ app }, input) => backup.setBackupFolder(app, input.dir) },
  'backup.verify': { access: HEAD_ONLY, allowedInRescue: true, run: ({ app }, input) => restore.verifyBackup(app, input) },
  'backup.restore': { access: HEAD_ONLY, allowedInRescue: true, run: ({ app }, input) => restore.restoreBackup(app, input) },
  'backup.folder': { access: HEAD_ONLY, allowedInRescue: true, run: ({ app }) => backup.backupFolderInfo(app) },
  // No session: the problem and sign-in screens, when the live ledger cannot be opened. Lists
  // only backup folder names and chain heads; the restore proves rights on the backup itself.
  'backup.listFolder': { access: 'public', allowedInRescue: true, run: ({ app }, input) => backup.listBackupsAt(app, input) },
  // Where the office's backups are, from the plain settings file (no ledger needed): the
  // problem screen starts there. A folder path, nothing personal.
  'backup.knownFolder': { access: 'public', allowedInRescue: true, run: ({ app }) => backup.knownBackupFolder(app) },
  'backup.rescueRestore': { access: 'public', run: ({ app }, input) => restore.restoreWithBackupCredentials(app, input) },
});
