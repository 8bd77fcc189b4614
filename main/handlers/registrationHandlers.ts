import * as registration from '../services/registration';
import { noteRegistration, reverseRegistration } from '../services/registrationReverse';
import { defineHandlers, HEAD_ONLY } from './defineHandlers';

export const registrationHandlers = defineHandlers({
  'registration.start': { access: 'signed-in', run: ({ app }, input) => registration.startRegistration(app, input.randevuNo) },
  'registration.saveDraft': { access: 'signed-in', run: ({ app }, input) => registration.saveDraft(app, input.randevuNo, input.draft) },
  'registration.evaluate': { access: 'signed-in', run: ({ app }, input) => registration.evaluate(app, input.randevuNo, input.facts, input.documents) },
  'registration.confirm': { access: 'signed-in', run: ({ app }, input) => registration.confirmRegistration(app, input) },
  'registration.reverse': { access: HEAD_ONLY, run: ({ app }, input) => reverseRegistration(app, input) },
  'registration.note': { access: 'signed-in', run: ({ app }, input) => noteRegistration(app, input) },
});
