/**
 * Printed documents as PDF bytes, produced in memory in the main process. Each function
 * validates its model (the same zod schema a handler can use), lays it out and returns the
 * PDF; the caller writes it wherever the user chooses.
 */
import type { TDocumentDefinitions } from 'pdfmake';
import { dailyReportDocument } from './documents/dailyReport';
import { decisionNoticeDocument } from './documents/decisionNotice';
import { finalRegistrationFormDocument } from './documents/finalRegistrationForm';
import { placementListDocument } from './documents/placementList';
import { renderPdf } from './engine';
import {
  dailyReportModel,
  decisionNoticeModel,
  finalRegistrationFormModel,
  placementListModel,
  type DailyReportModel,
  type DecisionNoticeModel,
  type FinalRegistrationFormModel,
  type PlacementListModel,
} from './models';

export function renderFinalRegistrationForm(model: FinalRegistrationFormModel): Promise<Buffer> {
  return render(() => finalRegistrationFormDocument(finalRegistrationFormModel.parse(model)));
}

export function renderDecisionNotice(model: DecisionNoticeModel): Promise<Buffer> {
  return render(() => decisionNoticeDocument(decisionNoticeModel.parse(model)));
}

export function renderDailyReport(model: DailyReportModel): Promise<Buffer> {
  return render(() => dailyReportDocument(dailyReportModel.parse(model)));
}

export function renderPlacementList(model: PlacementListModel): Promise<Buffer> {
  return render(() => placementListDocument(placementListModel.parse(model)));
}

/** Validation and layout errors become a rejected promise, like rendering errors. */
async function render(build: () => TDocumentDefinitions): Promise<Buffer> {
  return renderPdf(build());
}
