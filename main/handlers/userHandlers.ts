import * as users from '../services/users';
import * as ledger from '../services/ledgerService';
import { defineHandlers, HEAD_ONLY } from './defineHandlers';

export const userHandlers = defineHandlers({
  'users.list': { access: HEAD_ONLY, run: ({ app }) => users.listUsers(app) },
  'users.create': { access: HEAD_ONLY, run: ({ app }, input) => users.createUser(app, input) },
  'users.setDisabled': { access: HEAD_ONLY, run: ({ app }, input) => users.setDisabled(app, input) },
  'users.resetPassword': { access: HEAD_ONLY, run: ({ app }, input) => users.resetPassword(app, input) },
  'settings.update': { access: HEAD_ONLY, run: ({ app }, input) => ledger.updateSettings(app, input) },
});
