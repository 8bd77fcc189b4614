import * as ledger from '../services/ledgerService';
import { accessLog } from '../services/accessLog';
import * as retention from '../services/retention';
import { defineHandlers, HEAD_ONLY } from './defineHandlers';

export const ledgerHandlers = defineHandlers({
  'ledger.status': { access: 'signed-in', run: ({ app }) => ledger.ledgerStatus(app) },
  'ledger.verify': { access: HEAD_ONLY, run: ({ app }) => ledger.verifyLedger(app) },
  'ledger.rekey': { access: HEAD_ONLY, run: ({ app }) => ledger.rekey(app) },
  'audit.accessLog': { access: HEAD_ONLY, run: ({ app }, input) => accessLog(app, input) },
  'retention.overview': { access: HEAD_ONLY, run: ({ app }) => retention.retentionOverview(app) },
  'retention.erase': { access: HEAD_ONLY, run: ({ app }, input) => retention.eraseDue(app, input) },
  'ledger.newRecoveryCode': { access: HEAD_ONLY, run: ({ app }, input) => ledger.newRecoveryCode(app, input.password) },
});
