/**
 * Import of HQ's appointment list ("Randevu Listesi", docs HQ-FILES section 1):
 * parse (validate, normalise) -> plan (classify against the desk's state) -> the database
 * applies the plan in one transaction -> the report is written for the office head.
 */
export { parseAppointmentFile } from './parse';
export { EXISTING_BATCH, ImportPlanner, planImport, existingStateOf } from './plan';
export type { ExistingAppointment, ImportPlan } from './plan';
export { importReportXlsxBytes, writeImportReportXlsx } from './reportXlsx';
export { AppointmentFileRefused, AppointmentImportAborted } from './refusal';
