import * as auth from '../services/auth';
import { defineHandlers } from './defineHandlers';

export const authHandlers = defineHandlers({
  'setup.create': { access: 'public', run: ({ app }, input) => auth.setupOffice(app, input) },
  'auth.login': { access: 'public', run: ({ app }, input) => auth.login(app, input) },
  'auth.recover': { access: 'public', run: ({ app }, input) => auth.recover(app, input) },
  'auth.logout': { access: 'session', allowedBeforePasswordChange: true, allowedInRescue: true, run: ({ app }) => auth.logout(app) },
  'auth.lock': { access: 'session', allowedBeforePasswordChange: true, allowedInRescue: true, run: ({ app }) => auth.lock(app) },
  'auth.unlock': { access: 'session', allowedBeforePasswordChange: true, allowedInRescue: true, run: ({ app }, input) => auth.unlock(app, input) },
  'auth.changePassword': {
    access: 'signed-in',
    allowedBeforePasswordChange: true,
    run: ({ app }, input) => auth.changePassword(app, input),
  },
});
