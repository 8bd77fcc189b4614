import * as print from '../services/printService';
import * as lists from '../services/lists';
import { printMode, printToPrinter } from '../services/printDelivery';
import { defineHandlers, HEAD_ONLY } from './defineHandlers';

export const printHandlers = defineHandlers({
  'print.registration': { access: 'signed-in', run: ({ app }, input) => print.printRegistrationDocument(app, input.registrationNo) },
  'print.dailyReport': { access: HEAD_ONLY, run: ({ app }, input) => print.printDailyReport(app, input.date) },
  'lists.leaveMainList': { access: HEAD_ONLY, run: ({ app }, input) => lists.leaveMainList(app, input) },
  'lists.placement': { access: 'signed-in', run: ({ app }, input) => lists.placement(app, input) },
  'print.placementList': { access: HEAD_ONLY, run: ({ app }, input) => print.printPlacementList(app, input) },
  'print.listOptions': { access: HEAD_ONLY, run: ({ app }) => print.placementListOptions(app) },
  'print.mode': { access: 'signed-in', run: ({ app }) => printMode(app) },
  'print.reprint': { access: HEAD_ONLY, run: ({ app }, input) => print.reprintRegistrationDocument(app, input) },
  'print.toPrinter': { access: 'signed-in', run: ({ app }, input) => printToPrinter(app, input) },
});
