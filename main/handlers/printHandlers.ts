import * as print from '../services/printService';
import { defineHandlers, HEAD_ONLY } from './defineHandlers';

export const printHandlers = defineHandlers({
  'print.registration': { access: 'signed-in', run: ({ app }, input) => print.printRegistrationDocument(app, input.registrationNo) },
  'print.dailyReport': { access: HEAD_ONLY, run: ({ app }, input) => print.printDailyReport(app, input.date) },
  'print.placementList': { access: HEAD_ONLY, run: ({ app }, input) => print.printPlacementList(app, input) },
});
