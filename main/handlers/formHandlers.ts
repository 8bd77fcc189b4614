import { verifyFormText } from '../services/formStatementService';
import { defineHandlers } from './defineHandlers';

/** The signed decision statement of a printed form: its verification (find box, `verify-form`). */
export const formHandlers = defineHandlers({
  'form.verify': { access: 'signed-in', run: ({ app }, input) => verifyFormText(app, input.text) },
});
