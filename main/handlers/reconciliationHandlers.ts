import { backupAtDayClose } from '../services/dayCloseBackup';
import * as recon from '../services/reconciliationService';
import { defineHandlers, HEAD_ONLY } from './defineHandlers';

export const reconciliationHandlers = defineHandlers({
  // Head, or a clerk when the head allowed it (checked in the service: assertMayExport).
  'reconciliation.export': { access: 'signed-in', run: async ({ app }, input) => ({ ...(await recon.exportReconciliation(app, input)), backup: backupAtDayClose(app) }) },
  'reconciliation.deskKey': { access: 'signed-in', run: ({ app }) => recon.deskKeyInfo(app) },
  'reconciliation.registerDeskKey': { access: HEAD_ONLY, run: ({ app }, input) => recon.registerDeskKey(app, input) },
  'reconciliation.trustedKeys': { access: HEAD_ONLY, run: ({ app }) => recon.listTrustedKeys(app) },
  'reconciliation.provinceKey': { access: HEAD_ONLY, run: ({ app }) => recon.provinceKeyInfo(app) },
  'reconciliation.verify': { access: HEAD_ONLY, run: ({ app }, input) => recon.verifyFiles(app, input.files) },
  'reconciliation.merge': { access: HEAD_ONLY, run: ({ app }, input) => recon.mergeFiles(app, input) },
});
