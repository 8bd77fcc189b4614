import { backupAtDayClose } from '../services/dayCloseBackup';
import * as desk from '../services/desk';
import { defineHandlers, HEAD_ONLY } from './defineHandlers';

export const deskHandlers = defineHandlers({
  'day.view': { access: 'signed-in', run: ({ app }, input) => desk.dayView(app, input.date) },
  'desk.find': { access: 'signed-in', run: ({ app }, input) => desk.findAppointments(app, input.query) },
  'desk.checkIn': { access: 'signed-in', run: ({ app }, input) => desk.checkIn(app, input.randevuNo) },
  'desk.detail': { access: 'signed-in', run: ({ app }, input) => desk.appointmentDetail(app, input.randevuNo) },
  'desk.closeDay': { access: HEAD_ONLY, run: ({ app }, input) => ({ ...desk.closeDay(app, input.date), backup: backupAtDayClose(app) }) },
  'desk.markNoShow': { access: 'signed-in', run: ({ app }, input) => desk.markNoShow(app, input.randevuNo) },
  'desk.reopen': { access: HEAD_ONLY, run: ({ app }, input) => desk.reopenAppointment(app, input) },
});
